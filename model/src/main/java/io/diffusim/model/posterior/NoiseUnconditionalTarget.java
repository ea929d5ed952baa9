package io.diffusim.model.posterior;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ideal noise-unconditional model R(x_t) = E_{t ~ p(t | x_t)}[R(x_t | t)] of an empirical set or GMM
 * (docs/science.md §3.4); the request's time is ignored.
 *
 * <p>{@link #evaluate} reads R as the target at the effective time t-bar = E[t | x_t] and returns the eps it
 * implies at (a(t-bar), b(t-bar)): solving R = alpha x0 + beta x with x0 = (x - b eps)/a gives
 * eps = ((alpha/a + beta) x - R) a / (alpha b). For eps targets this is eps = R, for flow matching the
 * prediction's velocity eps - x0 equals R, so samplers see exactly the unconditional target.
 */
public final class NoiseUnconditionalTarget implements Denoiser {

    private final NoiseLevelPosterior posterior;
    private final ForwardProcess process;
    private final RegressionTarget target;

    public NoiseUnconditionalTarget(DataLikelihood likelihood, ForwardProcess process, NoisePrior prior,
                                    RegressionTarget target, NoiseLevelPosterior.Settings settings) {
        this.posterior = new NoiseLevelPosterior(likelihood, process, prior, settings);
        this.process = process;
        this.target = target;
    }

    /** R, E and both passes' moments of t for rows x [B, D] (the probe's --posterior-t columns). */
    public EffectiveTarget effectiveTarget(INDArray x) {
        return posterior.effectiveTarget(x, target);
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        INDArray x = request.x().castTo(DataType.DOUBLE);
        EffectiveTarget result = effectiveTarget(x);
        double[] tBar = result.moments().mean().toDoubleVector();
        int rows = tBar.length;
        double[] a = new double[rows];
        double[] b = new double[rows];
        double[] inputGain = new double[rows];
        double[] outputGain = new double[rows];
        for (int i = 0; i < rows; i++) {
            a[i] = process.a(tBar[i]);
            b[i] = process.b(tBar[i]);
            double alpha = target.signalCoefficient(tBar[i], a[i], b[i]);
            double beta = target.inputCoefficient(tBar[i], a[i], b[i]);
            if (alpha == 0) {
                throw new IllegalStateException("target does not depend on x0 at t = " + tBar[i] + "; eps is undefined");
            }
            inputGain[i] = alpha / a[i] + beta;
            outputGain[i] = a[i] / (alpha * b[i]);
        }
        INDArray eps = x.mulColumnVector(column(inputGain)).subi(result.target()).muliColumnVector(column(outputGain));
        return Prediction.ofEps(x, eps, column(a), column(b));
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return posterior.likelihood().dimension();
    }

    private static INDArray column(double[] values) {
        return Nd4j.createFromArray(values).reshape(values.length, 1);
    }
}
