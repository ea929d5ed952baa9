package io.diffusim.model.posterior;

import io.diffusim.model.process.ForwardProcess;

/** Local forward processes for the posterior tests (docs/science.md §1.1), independent of the production ones. */
final class TestProcesses {

    private TestProcesses() {
    }

    /** Flow matching: a = 1 - t, b = t on [0, 1]. */
    static ForwardProcess flowMatching() {
        return new Affine(1, -1, 0, 1, 0, 1);
    }

    /** Variance exploding: a = 1, b = sigma on [lo, hi]. */
    static ForwardProcess varianceExploding(double lo, double hi) {
        return new Affine(1, 0, 0, 1, lo, hi);
    }

    /** a = a0 + a1 t, b = b0 + b1 t on [lo, hi]. */
    private record Affine(double a0, double a1, double b0, double b1, double tMin, double tMax) implements ForwardProcess {
        @Override
        public double a(double t) {
            return a0 + a1 * t;
        }

        @Override
        public double b(double t) {
            return b0 + b1 * t;
        }

        @Override
        public double aDot(double t) {
            return a1;
        }

        @Override
        public double bDot(double t) {
            return b1;
        }
    }

    /** Discrete VP chain with linear betas 1e-4..0.02 over T steps (docs/science.md §1.2), integer time. */
    static ForwardProcess discreteVp(int steps) {
        double[] alphaBar = new double[steps];
        double product = 1;
        for (int t = 0; t < steps; t++) {
            product *= 1 - (1e-4 + (0.02 - 1e-4) * t / (steps - 1));
            alphaBar[t] = product;
        }
        return new ForwardProcess() {
            @Override
            public double a(double t) {
                return Math.sqrt(alphaBar[(int) Math.round(t)]);
            }

            @Override
            public double b(double t) {
                return Math.sqrt(1 - alphaBar[(int) Math.round(t)]);
            }

            @Override
            public double aDot(double t) {
                throw new UnsupportedOperationException("discrete chain");
            }

            @Override
            public double bDot(double t) {
                throw new UnsupportedOperationException("discrete chain");
            }

            @Override
            public double tMin() {
                return 0;
            }

            @Override
            public double tMax() {
                return steps - 1;
            }

            @Override
            public boolean variancePreserving() {
                return true;
            }
        };
    }
}
