package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.optionalNumber;
import static io.diffusim.config.Fields.word;

import java.util.Map;
import java.util.OptionalDouble;

/** The keys of a p(t | x_t) quadrature (docs/science.md §3.4), in whichever block holds them (a model or an analysis). */
final class TimePosteriorCodec {

    /** A quadrature needs two points at least. */

    private TimePosteriorCodec() {
    }

    static TimePosteriorSpec read(Block b) {
        TimePosteriorSpec.Prior prior = word(b, "prior", TimePosteriorSpec.Prior.class);
        OptionalDouble tLo = optionalNumber(b, "t-lo", NumberRange.NON_NEGATIVE);
        OptionalDouble tHi = optionalNumber(b, "t-hi", NumberRange.POSITIVE);
        if (tLo.isPresent() && tHi.isPresent() && tHi.getAsDouble() <= tLo.getAsDouble()) {
            b.error("t-hi", "expected a number > t-lo = " + NumberRange.show(tLo.getAsDouble()));
        }
        return new TimePosteriorSpec(prior, tLo, tHi, number(b, "p-mean", NumberRange.ANY),
                number(b, "p-std", NumberRange.POSITIVE), count(b, "grid", Limits.GRID), count(b, "refine-grid", Limits.GRID));
    }

    static void write(TimePosteriorSpec posterior, Map<String, Object> out) {
        out.put("prior", posterior.prior());
        out.put("t-lo", orNull(posterior.tLo()));
        out.put("t-hi", orNull(posterior.tHi()));
        out.put("p-mean", posterior.pMean());
        out.put("p-std", posterior.pStd());
        out.put("grid", posterior.grid());
        out.put("refine-grid", posterior.refineGrid());
    }

    private static Double orNull(OptionalDouble x) {
        return x.isPresent() ? x.getAsDouble() : null;
    }
}
