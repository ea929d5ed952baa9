package io.diffusim.model.denoise;

import io.diffusim.config.ProcessSpec;
import io.diffusim.config.TimePosteriorSpec;
import io.diffusim.config.Words;
import io.diffusim.model.posterior.NoisePrior;

/**
 * The training prior p(t) of the noise-level posterior named by a spec (docs/science.md §3.4): {@code auto} is the
 * process's own (uniform integers for a VP chain, log-normal sigma for EDM, uniform otherwise), over the process's
 * natural support unless {@code t-lo} / {@code t-hi} override an end.
 */
final class NoisePriors {

    /** Lower end of the flow-matching training prior, away from t = 0 where x_t is data (docs/science.md §3.4). */
    static final double FM_T_MIN = 1e-4;

    private NoisePriors() {
    }

    static NoisePrior from(TimePosteriorSpec spec, ProcessSpec process) {
        double[] support = support(process);
        double lo = spec.tLo().orElse(support[0]);
        double hi = spec.tHi().orElse(support[1]);
        // flow matching may go below its default 1e-4 (docs/science.md §8 K10 integrates from 1e-5), never to t = 0
        boolean fm = process instanceof ProcessSpec.Fm;
        if (!((fm ? lo > 0 : lo >= support[0]) && hi <= support[1] && lo < hi)) {
            throw new IllegalArgumentException("time-posterior support [" + lo + ", " + hi + "] must be a non-empty "
                    + "part of the " + Words.of(process.kind()) + " time domain " + (fm ? "(0" : "[" + support[0])
                    + ", " + support[1] + "]");
        }
        boolean sigma = process instanceof ProcessSpec.Ve || process instanceof ProcessSpec.Edm;
        TimePosteriorSpec.Prior prior = spec.prior();
        if (prior == TimePosteriorSpec.Prior.AUTO) {
            prior = process instanceof ProcessSpec.Edm ? TimePosteriorSpec.Prior.LOG_NORMAL : TimePosteriorSpec.Prior.UNIFORM;
        }
        if (prior == TimePosteriorSpec.Prior.LOG_NORMAL) {
            if (!sigma) {
                throw new IllegalArgumentException("prior = log-normal is a density of sigma and needs process.kind = "
                        + "ve | edm, got " + Words.of(process.kind()));
            }
            return new NoisePrior.LogNormalSigma(spec.pMean(), spec.pStd(), lo, hi);
        }
        if (process instanceof ProcessSpec.Vp) {
            // a discrete chain is trained on integer indices: every integer in [lo, hi]
            int first = (int) Math.ceil(lo);
            int last = (int) Math.floor(hi);
            if (last < first) {
                throw new IllegalArgumentException("time-posterior support [" + lo + ", " + hi
                        + "] holds no integer chain index");
            }
            return new NoisePrior.UniformIntegers(first, last);
        }
        return new NoisePrior.Uniform(lo, hi);
    }

    /** The natural support: vp [0, T-1], ve / edm [sigma_min, sigma_max], fm [1e-4, 1]. */
    private static double[] support(ProcessSpec process) {
        if (process instanceof ProcessSpec.Vp vp) {
            return new double[] {0, vp.schedule().length() - 1};
        }
        if (process instanceof ProcessSpec.Ve ve) {
            return new double[] {ve.sigmaMin(), ve.sigmaMax()};
        }
        if (process instanceof ProcessSpec.Edm edm) {
            return new double[] {edm.sigmaMin(), edm.sigmaMax()};
        }
        return new double[] {FM_T_MIN, 1};
    }
}
