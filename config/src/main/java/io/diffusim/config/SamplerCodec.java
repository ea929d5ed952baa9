package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.flag;
import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.word;

import io.diffusim.config.SamplerSpec.Ddim;
import io.diffusim.config.SamplerSpec.Ddpm;
import io.diffusim.config.SamplerSpec.EqmGd;
import io.diffusim.config.SamplerSpec.EqmNag;
import io.diffusim.config.SamplerSpec.Euler;
import io.diffusim.config.SamplerSpec.FmEuler;
import io.diffusim.config.SamplerSpec.FmHeun;
import io.diffusim.config.SamplerSpec.Heun;
import io.diffusim.config.SamplerSpec.Langevin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The HOCON form of {@link SamplerSpec} ({@code run.sampler} and the samplers inside analyses; docs/science.md §2). */
final class SamplerCodec {

    /** Nesterov momentum mu in [0, 1). */
    private static final NumberRange MOMENTUM = new NumberRange(0, false, 1, true);

    private SamplerCodec() {
    }

    /** The sampler of a {@code sampler} block, or null when its kind is missing or unknown (errors recorded). */
    static SamplerSpec read(Block b) {
        Optional<SamplerSpec.Kind> kind = b.variant("kind", SamplerSpec.Kind.class,
                b.context().reference().object("sampler-defaults"), true);
        SamplerSpec spec = kind.map(k -> switch (k) {
            case DDPM -> new Ddpm(flag(b, "clip-x0"), GuidanceCodec.read(b.child("guidance")));
            case DDIM -> new Ddim(steps(b), word(b, "spacing", SamplerSpec.Spacing.class), number(b, "eta", NumberRange.UNIT));
            case EULER -> new Euler(steps(b), churn(b));
            case HEUN -> new Heun(steps(b), churn(b));
            case FM_EULER -> new FmEuler(steps(b));
            case FM_HEUN -> new FmHeun(steps(b));
            case LANGEVIN -> langevin(b);
            case EQM_GD -> new EqmGd(eqmSteps(b), number(b, "step-size", NumberRange.POSITIVE),
                    count(b, "max-steps", Limits.STEP_BUDGET), number(b, "stop-gradient-norm", NumberRange.NON_NEGATIVE));
            case EQM_NAG -> new EqmNag(eqmSteps(b), number(b, "step-size", NumberRange.POSITIVE),
                    number(b, "momentum", MOMENTUM), count(b, "max-steps", Limits.STEP_BUDGET),
                    number(b, "stop-gradient-norm", NumberRange.NON_NEGATIVE));
        }).orElse(null);
        b.finish();
        return spec;
    }

    static Map<String, Object> write(SamplerSpec sampler) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", sampler.kind());
        if (sampler instanceof Ddpm ddpm) {
            out.put("clip-x0", ddpm.clipX0());
            out.put("guidance", GuidanceCodec.write(ddpm.guidance()));
        } else if (sampler instanceof Ddim ddim) {
            out.put("steps", ddim.steps());
            out.put("spacing", ddim.spacing());
            out.put("eta", ddim.eta());
        } else if (sampler instanceof Euler euler) {
            churn(out, euler.steps(), euler.churn());
        } else if (sampler instanceof Heun heun) {
            churn(out, heun.steps(), heun.churn());
        } else if (sampler instanceof FmEuler fm) {
            out.put("steps", fm.steps());
        } else if (sampler instanceof FmHeun fm) {
            out.put("steps", fm.steps());
        } else if (sampler instanceof Langevin langevin) {
            out.put("epsilon", langevin.epsilon());
            out.put("steps-per-level", langevin.stepsPerLevel());
            out.put("sigma-max", langevin.sigmaMax());
            out.put("sigma-min", langevin.sigmaMin());
            out.put("levels", langevin.levels());
            out.put("paper-convention", langevin.paperConvention());
            out.put("final-denoise", langevin.finalDenoise());
            out.put("init", langevin.init());
        } else if (sampler instanceof EqmGd gd) {
            eqm(out, gd.steps(), gd.stepSize(), OptionalDouble.empty(), gd.maxSteps(), gd.stopGradientNorm());
        } else if (sampler instanceof EqmNag nag) {
            eqm(out, nag.steps(), nag.stepSize(), OptionalDouble.of(nag.momentum()), nag.maxSteps(), nag.stopGradientNorm());
        }
        return out;
    }

    private static int steps(Block b) {
        return count(b, "steps", Limits.STEPS);
    }

    /** EqM: steps = 0 means max-steps, any other count must not exceed it. */
    private static int eqmSteps(Block b) {
        int steps = steps(b);
        int maxSteps = count(b, "max-steps", Limits.STEP_BUDGET);
        if (steps > maxSteps) {
            b.error("steps", "expected an integer <= max-steps = " + maxSteps + " (0 = max-steps)");
        }
        return steps;
    }

    private static Churn churn(Block b) {
        double sMin = number(b, "s-min", NumberRange.NON_NEGATIVE);
        OptionalDouble sMax = Fields.optionalNumber(b, "s-max", NumberRange.NON_NEGATIVE);
        if (sMax.isPresent() && sMax.getAsDouble() < sMin) {
            b.error("s-max", "expected a number >= s-min = " + NumberRange.show(sMin) + ", or null (no bound)");
        }
        return new Churn(number(b, "s-churn", NumberRange.NON_NEGATIVE), sMin,
                sMax.orElse(Double.POSITIVE_INFINITY), number(b, "s-noise", NumberRange.NON_NEGATIVE));
    }

    private static Langevin langevin(Block b) {
        double[] sigma = Fields.ordered(b, "sigma-min", "sigma-max", NumberRange.POSITIVE, true);
        return new Langevin(number(b, "epsilon", NumberRange.POSITIVE), count(b, "steps-per-level", Limits.STEP_BUDGET),
                sigma[1], sigma[0], count(b, "levels", Limits.CHAIN), flag(b, "paper-convention"),
                flag(b, "final-denoise"), word(b, "init", SamplerSpec.Init.class));
    }

    private static void churn(Map<String, Object> out, int steps, Churn churn) {
        out.put("steps", steps);
        out.put("s-churn", churn.sChurn());
        out.put("s-min", churn.sMin());
        // +infinity (no upper bound) is written null: HOCON has no infinite numbers.
        out.put("s-max", Double.isInfinite(churn.sMax()) ? null : churn.sMax());
        out.put("s-noise", churn.sNoise());
    }

    private static void eqm(Map<String, Object> out, int steps, double stepSize, OptionalDouble momentum, int maxSteps,
            double stopGradientNorm) {
        out.put("steps", steps);
        out.put("step-size", stepSize);
        momentum.ifPresent(mu -> out.put("momentum", mu));
        out.put("max-steps", maxSteps);
        out.put("stop-gradient-norm", stopGradientNorm);
    }
}
