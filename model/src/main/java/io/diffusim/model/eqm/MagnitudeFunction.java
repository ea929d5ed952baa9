package io.diffusim.model.eqm;

/**
 * The EqM gradient magnitude c(gamma) with multiplier lambda (docs/science.md §3.5), and
 * k(gamma) = c(gamma) / (1 - gamma), the factor of the optimal field, written so it stays finite where c
 * vanishes linearly at gamma = 1.
 */
public sealed interface MagnitudeFunction {

    /** c(gamma). */
    double c(double gamma);

    /** k(gamma) = c(gamma) / (1 - gamma). */
    double k(double gamma);

    /** Constant c = lambda (no zero at data). */
    record Constant(double lambda) implements MagnitudeFunction {
        public Constant {
            requireLambda(lambda);
        }

        @Override
        public double c(double gamma) {
            return lambda;
        }

        @Override
        public double k(double gamma) {
            return lambda / (1 - gamma);
        }
    }

    /** Linear c = lambda (1 - gamma), so k = lambda. */
    record Linear(double lambda) implements MagnitudeFunction {
        public Linear {
            requireLambda(lambda);
        }

        @Override
        public double c(double gamma) {
            return lambda * (1 - gamma);
        }

        @Override
        public double k(double gamma) {
            return lambda;
        }
    }

    /** Truncated c = lambda min(1, (1 - gamma)/(1 - a)), so k = lambda / (1 - a) for gamma >= a (reference: a = 0.8, lambda = 4). */
    record Truncated(double a, double lambda) implements MagnitudeFunction {
        public Truncated {
            requireKnee(a);
            requireLambda(lambda);
        }

        @Override
        public double c(double gamma) {
            return lambda * Math.min(1, (1 - gamma) / (1 - a));
        }

        @Override
        public double k(double gamma) {
            return lambda * Math.min(1 / (1 - gamma), 1 / (1 - a));
        }
    }

    /** Piecewise c = lambda min(b - (b - 1) gamma / a, (1 - gamma)/(1 - a)), continuous at gamma = a. */
    record Piecewise(double a, double b, double lambda) implements MagnitudeFunction {
        public Piecewise {
            requireKnee(a);
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("piecewise level b must be finite and > 0, got " + b);
            }
            requireLambda(lambda);
        }

        @Override
        public double c(double gamma) {
            return lambda * Math.min(b - (b - 1) * gamma / a, (1 - gamma) / (1 - a));
        }

        @Override
        public double k(double gamma) {
            return lambda * Math.min((b - (b - 1) * gamma / a) / (1 - gamma), 1 / (1 - a));
        }
    }

    private static void requireKnee(double a) {
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("knee a must lie in (0, 1), got " + a);
        }
    }

    private static void requireLambda(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("gradient multiplier lambda must be finite and > 0, got " + lambda);
        }
    }
}
