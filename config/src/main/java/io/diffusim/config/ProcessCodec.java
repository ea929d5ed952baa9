package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.ordered;

import io.diffusim.config.ProcessSpec.Edm;
import io.diffusim.config.ProcessSpec.Ve;
import io.diffusim.config.ProcessSpec.Vp;
import io.diffusim.config.VpSchedule.Cosine;
import io.diffusim.config.VpSchedule.Linear;
import io.diffusim.config.VpSchedule.LogLinear;
import io.diffusim.config.VpSchedule.Quadratic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The HOCON form of {@link ProcessSpec} ({@code run.process}; docs/science.md §1.1-1.3). */
final class ProcessCodec {

    /** beta_t = beta_min + ... / (T - 1) needs two chain steps at least. */

    private ProcessCodec() {
    }

    /** The process of a {@code process} block, or null when its kind is missing or unknown (errors recorded). */
    static ProcessSpec read(Block b) {
        Reference reference = b.context().reference();
        b.declare("schedule", reference.object("schedule-defaults"));
        Optional<ProcessSpec.Kind> kind = b.variant("kind", ProcessSpec.Kind.class, reference.object("process-defaults"), true);
        ProcessSpec spec = kind.map(k -> switch (k) {
            case VP -> schedule(b).map(Vp::new).orElse(null);
            case VE -> {
                double[] sigma = sigmas(b);
                yield new Ve(sigma[0], sigma[1], number(b, "rho", NumberRange.POSITIVE));
            }
            case EDM -> {
                double[] sigma = sigmas(b);
                yield new Edm(sigma[0], sigma[1], number(b, "rho", NumberRange.POSITIVE),
                        number(b, "sigma-data", NumberRange.POSITIVE));
            }
            case FM -> new ProcessSpec.Fm();
        }).orElse(null);
        b.finish();
        return spec;
    }

    static Map<String, Object> write(ProcessSpec process) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", process.kind());
        if (process instanceof Vp vp) {
            VpSchedule schedule = vp.schedule();
            out.put("schedule", schedule.kind());
            if (schedule instanceof Linear linear) {
                betas(out, linear.betaMin(), linear.betaMax(), linear.timesteps());
            } else if (schedule instanceof Quadratic quadratic) {
                betas(out, quadratic.betaMin(), quadratic.betaMax(), quadratic.timesteps());
            } else if (schedule instanceof Cosine cosine) {
                out.put("timesteps", cosine.timesteps());
                out.put("offset", cosine.offset());
            } else if (schedule instanceof LogLinear logLinear) {
                sigmas(out, logLinear.sigmaMin(), logLinear.sigmaMax());
                out.put("levels", logLinear.levels());
            }
        } else if (process instanceof Ve ve) {
            sigmas(out, ve.sigmaMin(), ve.sigmaMax());
            out.put("rho", ve.rho());
        } else if (process instanceof Edm edm) {
            sigmas(out, edm.sigmaMin(), edm.sigmaMax());
            out.put("rho", edm.rho());
            out.put("sigma-data", edm.sigmaData());
        }
        return out;
    }

    private static Optional<VpSchedule> schedule(Block b) {
        Reference reference = b.context().reference();
        return b.variant("schedule", VpSchedule.Kind.class, reference.object("schedule-defaults"), true).map(s -> switch (s) {
            case LINEAR -> {
                double[] beta = ordered(b, "beta-min", "beta-max", NumberRange.OPEN_UNIT, false);
                yield new Linear(beta[0], beta[1], count(b, "timesteps", Limits.CHAIN));
            }
            case QUADRATIC -> {
                double[] beta = ordered(b, "beta-min", "beta-max", NumberRange.OPEN_UNIT, false);
                yield new Quadratic(beta[0], beta[1], count(b, "timesteps", Limits.CHAIN));
            }
            case COSINE -> new Cosine(count(b, "timesteps", Limits.CHAIN), number(b, "offset", NumberRange.POSITIVE));
            case LOG_LINEAR -> {
                double[] sigma = sigmas(b);
                yield new LogLinear(sigma[0], sigma[1], count(b, "levels", Limits.CHAIN));
            }
        });
    }

    private static double[] sigmas(Block b) {
        return ordered(b, "sigma-min", "sigma-max", NumberRange.POSITIVE, true);
    }

    private static void betas(Map<String, Object> out, double betaMin, double betaMax, int timesteps) {
        out.put("beta-min", betaMin);
        out.put("beta-max", betaMax);
        out.put("timesteps", timesteps);
    }

    private static void sigmas(Map<String, Object> out, double sigmaMin, double sigmaMax) {
        out.put("sigma-min", sigmaMin);
        out.put("sigma-max", sigmaMax);
    }
}
