package io.diffusim.model.posterior;

/**
 * The training prior p(t) over a process's own time used by the noise-level posterior (docs/science.md §3.4):
 * uniform on an interval, uniform on the integers of a discrete VP chain, or EDM's log-normal density of
 * sigma (§1.3) restricted to an interval. Each variant also fixes the variable its coarse quadrature grid is
 * uniform in (t, the integers, or ln sigma).
 */
public sealed interface NoisePrior {

    /** Smallest t of the support. */
    double lo();

    /** Largest t of the support. */
    double hi();

    /** ln p(t) up to a constant, for t inside the support. */
    double logDensity(double t);

    /** Uniform on {@code [lo, hi]} (FM: [1e-4, 1]; VE: [sigma_min, sigma_max]). */
    record Uniform(double lo, double hi) implements NoisePrior {
        public Uniform {
            requireInterval(lo, hi);
        }

        @Override
        public double logDensity(double t) {
            return 0;
        }
    }

    /** Uniform on the integers {@code first..last} (discrete VP chain, e.g. 0..T-1). */
    record UniformIntegers(int first, int last) implements NoisePrior {
        public UniformIntegers {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("integer prior needs 0 <= first <= last, got [" + first + ", " + last + "]");
            }
        }

        @Override
        public double lo() {
            return first;
        }

        @Override
        public double hi() {
            return last;
        }

        @Override
        public double logDensity(double t) {
            return 0;
        }
    }

    /** EDM training density of sigma: ln sigma ~ N(pMean, pStd^2), restricted to {@code [lo, hi]}. */
    record LogNormalSigma(double pMean, double pStd, double lo, double hi) implements NoisePrior {
        public LogNormalSigma {
            requireInterval(lo, hi);
            if (!(pStd > 0) || !Double.isFinite(pStd) || !Double.isFinite(pMean)) {
                throw new IllegalArgumentException("log-normal prior needs finite P_mean and P_std > 0, got "
                        + pMean + ", " + pStd);
            }
            if (!(lo > 0)) {
                throw new IllegalArgumentException("log-normal prior needs sigma lo > 0, got " + lo);
            }
        }

        /** EDM defaults P_mean = -1.2, P_std = 1.2 on the given sigma range. */
        public static LogNormalSigma edm(double lo, double hi) {
            return new LogNormalSigma(-1.2, 1.2, lo, hi);
        }

        @Override
        public double logDensity(double t) {
            double z = (Math.log(t) - pMean) / pStd;
            // the density of sigma carries the 1/sigma Jacobian of ln sigma
            return -0.5 * z * z - Math.log(t);
        }
    }

    private static void requireInterval(double lo, double hi) {
        if (!(lo >= 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("prior support must be a finite interval 0 <= lo < hi, got ["
                    + lo + ", " + hi + "]");
        }
    }
}
