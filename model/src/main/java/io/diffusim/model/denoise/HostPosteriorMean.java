package io.diffusim.model.denoise;

import io.diffusim.model.host.HostRows;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The prediction of a fused host kernel from its per-row results (docs/science.md §3.1–3.2): the posterior mean x0,
 * eps = (x - a x0)/b computed alongside (the samplers ask for eps, and on the host it is one pass over B D values),
 * and {@code div eps-hat = D/b - (a^2/b^3) tr Cov} with {@code tr Cov = E||x0||^2 - ||x0-hat||^2}, formed only if
 * someone asks. Each becomes an ND4J array on first use only; eps is also handed over as Java values ({@link Prediction#hostEps}). The formulas and their order are those of {@link EmpiricalPosterior#predict} and
 * {@link NoiseCoefficients#divergenceOfEps}.
 */
final class HostPosteriorMean {

    private HostPosteriorMean() {
    }

    /**
     * @param x the request's points; {@code xValues} their row-major values (at least B D of them)
     * @param x0 row-major posterior means {@code [B, D]}
     * @param secondMoment {@code E||x0||^2} per row (the posterior's, not the mean's)
     */
    static Prediction of(INDArray x, double[] xValues, double[] x0, double[] secondMoment, NoiseCoefficients c, int d) {
        return of(x, xValues, x0, c, d, () -> divergence(x0, secondMoment, c, d));
    }

    /** As above, with the divergence of eps from {@code divergence} (asked at most once, if at all). */
    static Prediction of(INDArray x, double[] xValues, double[] x0, NoiseCoefficients c, int d,
            Supplier<INDArray> divergence) {
        int batch = c.batch();
        // a fresh heap array: the prediction hands it to the sampler (Prediction#hostEps), which may keep the result
        double[] eps = new double[batch * d];
        for (int r = 0; r < batch; r++) {
            double a = c.a(r);
            double b = c.b(r);
            for (int k = r * d; k < (r + 1) * d; k++) {
                eps[k] = (xValues[k] - x0[k] * a) / b;
            }
        }
        // ND4J arrays only for what is asked: a sampler stepping on the host asks for none
        return Prediction.ofX0Lazily(x, () -> HostRows.matrix(x0, batch, d), eps, c::a, c::b)
                .withLazyDivergence(divergence);
    }

    private static INDArray divergence(double[] x0, double[] secondMoment, NoiseCoefficients c, int d) {
        int batch = c.batch();
        double[] divergence = new double[batch];
        for (int r = 0; r < batch; r++) {
            double norm = 0;
            for (int k = r * d; k < (r + 1) * d; k++) {
                norm += x0[k] * x0[k];
            }
            double a = c.a(r);
            double b = c.b(r);
            divergence[r] = (secondMoment[r] - norm) * (-a * a / (b * b * b)) + d / b;
        }
        return HostRows.matrix(divergence, batch, 1);
    }
}
