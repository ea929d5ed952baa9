package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.word;

import java.util.LinkedHashMap;
import java.util.Map;

/** The HOCON form of {@link GuidanceSpec} ({@code run.sampler.guidance}; docs/science.md §7.4). */
final class GuidanceCodec {

    private GuidanceCodec() {
    }

    static GuidanceSpec read(Block b) {
        GuidanceSpec guidance = new GuidanceSpec(word(b, "kind", GuidanceSpec.Kind.class),
                number(b, "scale", NumberRange.NON_NEGATIVE), word(b, "density", GuidanceSpec.Density.class),
                number(b, "bandwidth", NumberRange.NON_NEGATIVE), count(b, "subsample", Limits.DATA_POINTS));
        b.finish();
        return guidance;
    }

    static Map<String, Object> write(GuidanceSpec guidance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", guidance.kind());
        out.put("scale", guidance.scale());
        out.put("density", guidance.density());
        out.put("bandwidth", guidance.bandwidth());
        out.put("subsample", guidance.subsample());
        return out;
    }
}
