package io.diffusim.config;

import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.word;

import java.util.Map;

/** The keys {@code c, a, b, lambda} of an EqM magnitude c(gamma) (docs/science.md §3.5), in whichever block holds them. */
final class EqmMagnitudeCodec {

    private EqmMagnitudeCodec() {
    }

    static EqmMagnitude read(Block b) {
        return new EqmMagnitude(word(b, "c", EqmMagnitude.Shape.class), number(b, "a", NumberRange.OPEN_UNIT),
                number(b, "b", NumberRange.POSITIVE), number(b, "lambda", NumberRange.POSITIVE));
    }

    static void write(EqmMagnitude magnitude, Map<String, Object> out) {
        out.put("c", magnitude.c());
        out.put("a", magnitude.a());
        out.put("b", magnitude.b());
        out.put("lambda", magnitude.lambda());
    }
}
