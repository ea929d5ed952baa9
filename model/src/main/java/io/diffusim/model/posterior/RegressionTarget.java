package io.diffusim.model.posterior;

import io.diffusim.model.param.TargetCoefficients;

/**
 * A regression target r = c(t) x_0 + d(t) eps whose posterior mean R(x_t | t) = c x0-hat + d eps-hat is written
 * through x0-hat and x_t alone: R = alpha x0-hat + beta x_t with alpha = c - d a / b, beta = d / b
 * (docs/science.md §1.4, §3.4). Implementations give alpha and beta directly so singular forms stay stable.
 */
public interface RegressionTarget {

    /** alpha(t): the coefficient of x0-hat. */
    double signalCoefficient(double t, double a, double b);

    /** beta(t): the coefficient of x_t. */
    double inputCoefficient(double t, double a, double b);

    /** Noise prediction (vp, ve): c = 0, d = 1. */
    static RegressionTarget eps() {
        return new Linear(0, 1);
    }

    /** Flow-matching velocity eps - x_0: c = -1, d = 1. */
    static RegressionTarget flowVelocity() {
        return new Linear(-1, 1);
    }

    /** A target given by its {@link TargetCoefficients} (c, d) at each time. */
    interface Coefficients extends RegressionTarget {

        /** (c, d) at time t. */
        TargetCoefficients at(double t);

        @Override
        default double signalCoefficient(double t, double a, double b) {
            TargetCoefficients k = at(t);
            return k.c() - k.d() * a / b;
        }

        @Override
        default double inputCoefficient(double t, double a, double b) {
            return at(t).d() / b;
        }
    }

    /** Constant coefficients c, d. */
    record Linear(double c, double d) implements Coefficients {
        @Override
        public TargetCoefficients at(double t) {
            return new TargetCoefficients(c, d);
        }
    }

    /** EDM's raw network F with t = sigma ({@link TargetCoefficients#edmNetwork}; sigma_d = 0.5 by default). */
    record EdmNetwork(double sigmaData) implements Coefficients {
        public EdmNetwork {
            if (!(sigmaData > 0) || !Double.isFinite(sigmaData)) {
                throw new IllegalArgumentException("sigma_data must be finite and > 0, got " + sigmaData);
            }
        }

        /** sigma_d = 0.5. */
        public static EdmNetwork standard() {
            return new EdmNetwork(0.5);
        }

        @Override
        public TargetCoefficients at(double sigma) {
            return TargetCoefficients.edmNetwork(sigma, sigmaData);
        }
    }
}
