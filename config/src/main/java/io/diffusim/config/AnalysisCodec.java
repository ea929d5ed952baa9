package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.word;

import com.typesafe.config.ConfigValue;
import io.diffusim.config.AnalysisSpec.DenoiserAgreement;
import io.diffusim.config.AnalysisSpec.Kl;
import io.diffusim.config.AnalysisSpec.NearestNeighbour;
import io.diffusim.config.AnalysisSpec.NoisePosterior;
import io.diffusim.config.AnalysisSpec.Paired;
import io.diffusim.config.AnalysisSpec.ScheduleDeviation;
import io.diffusim.config.AnalysisSpec.W1;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The HOCON form of {@code run.analyses}: each element over {@code diffusim.analysis-defaults.<kind>}. */
final class AnalysisCodec {

    /** A denoiser-agreement label: short, lower case, usable in a metric and a file name. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9-]{1,32}");

    private AnalysisCodec() {
    }

    /**
     * The analyses of the run, one entry per element (null where the element's kind is unusable, errors
     * recorded); a paired analysis takes the run's sampler or model for the one it does not give.
     */
    static List<AnalysisSpec> read(Block run, ModelSpec runModel, SamplerSpec runSampler) {
        Reference reference = run.context().reference();
        List<ConfigValue> items = Fields.list(run, "analyses");
        Map<String, Integer> firstUse = new HashMap<>();
        List<AnalysisSpec> analyses = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Block a = run.element("analyses", i, items.get(i), reference.object("analysis"));
            Optional<AnalysisSpec.Kind> kind = a.variant("kind", AnalysisSpec.Kind.class,
                    reference.object("analysis-defaults"), true);
            int index = i;
            // a kind may appear once (checked first, as its errors come first), denoiser-agreement once per label
            boolean labelled = kind.filter(k -> k == AnalysisSpec.Kind.DENOISER_AGREEMENT).isPresent();
            if (!labelled) {
                kind.map(k -> firstUse.putIfAbsent(k.name(), index)).ifPresent(earlier -> a.error("kind",
                        "already used by analyses[" + earlier + "]; each kind at most once"));
            }
            AnalysisSpec spec = kind.map(k -> switch (k) {
                case KL -> new Kl(count(a, "k", IntRange.POSITIVE), a.read("base", Values::number,
                        x -> x > 0 && x != 1 && Double.isFinite(x), "a finite number > 0 other than 1", 2.0));
                case NEAREST_NEIGHBOUR -> new NearestNeighbour(number(a, "copy-ratio", NumberRange.POSITIVE));
                case NOISE_POSTERIOR -> new NoisePosterior(TimePosteriorCodec.read(a));
                case SCHEDULE_DEVIATION -> new ScheduleDeviation(count(a, "kde-samples", Limits.DATA_POINTS),
                        count(a, "probes", IntRange.POSITIVE), word(a, "divergence", AnalysisSpec.Divergence.class));
                case PAIRED -> paired(a, runModel, runSampler);
                case DENOISER_AGREEMENT -> agreement(a);
                case W1 -> new W1(count(a, "subsample", Limits.DATA_POINTS));
            }).orElse(null);
            if (labelled && spec instanceof DenoiserAgreement agreement) {
                Integer earlier = firstUse.putIfAbsent("agreement:" + agreement.label().orElse(""), index);
                if (earlier != null) {
                    a.error("kind", "already used by analyses[" + earlier + "] with the same label; denoiser-agreement"
                            + " at most once per label");
                }
            }
            analyses.add(spec);
            a.finish();
        }
        return analyses;
    }

    static List<Map<String, Object>> write(List<AnalysisSpec> analyses) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AnalysisSpec analysis : analyses) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", analysis.kind());
            if (analysis instanceof Kl kl) {
                item.put("k", kl.k());
                item.put("base", kl.base());
            } else if (analysis instanceof NearestNeighbour nn) {
                item.put("copy-ratio", nn.copyRatio());
            } else if (analysis instanceof NoisePosterior posterior) {
                TimePosteriorCodec.write(posterior.posterior(), item);
            } else if (analysis instanceof ScheduleDeviation sd) {
                item.put("kde-samples", sd.kdeSamples());
                item.put("probes", sd.probes());
                item.put("divergence", sd.divergence());
            } else if (analysis instanceof Paired paired) {
                item.put("sampler", SamplerCodec.write(paired.sampler()));
                item.put("model", ModelCodec.write(paired.model()));
            } else if (analysis instanceof DenoiserAgreement agreement) {
                item.put("model", ModelCodec.write(agreement.model()));
                item.put("label", agreement.label().orElse(null));
            } else if (analysis instanceof W1 w1) {
                item.put("subsample", w1.subsample());
            }
            out.add(item);
        }
        return out;
    }

    private static Paired paired(Block a, ModelSpec runModel, SamplerSpec runSampler) {
        Reference reference = a.context().reference();
        boolean ownSampler = a.given("sampler");
        boolean ownModel = a.given("model");
        if (!ownSampler && !ownModel) {
            a.error("kind", "needs a sampler { ... } and/or a model { ... } block to pair the run with");
        }
        SamplerSpec sampler = ownSampler ? SamplerCodec.read(a.childOver("sampler", reference.object("run.sampler"))) : runSampler;
        ModelSpec model = ownModel ? ModelCodec.read(a.childOver("model", reference.object("run.model"))) : runModel;
        return sampler == null || model == null ? null : new Paired(sampler, model);
    }

    private static DenoiserAgreement agreement(Block a) {
        if (!a.given("model")) {
            a.context().errors().add(a.keyPath("model"), "", "missing; expected a model { kind = ... } block to compare with");
            return null;
        }
        ModelSpec model = ModelCodec.read(a.childOver("model", a.context().reference().object("run.model")));
        Optional<String> label = Fields.optionalString(a, "label", LABEL.asMatchPredicate(), "a label of [a-z0-9-]");
        return model == null ? null : new DenoiserAgreement(model, label);
    }
}
