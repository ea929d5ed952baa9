package io.diffusim.model.denoise;

import io.diffusim.model.data.GaussianMixture;
import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The exact posterior mean, divergence and responsibilities of a Gaussian mixture with arbitrary covariances under
 * any forward process (docs/science.md §3.1); components are streamed through a running log-sum-exp.
 */
public final class GmmDenoiser implements Denoiser {

    private final ForwardProcess process;
    private final GaussianMixture mixture;
    private final List<GaussianComponent> components = new ArrayList<>();
    private final List<Integer> componentIndex = new ArrayList<>();

    /** Decomposes each component with non-zero weight once; components of weight 0 are skipped. */
    public GmmDenoiser(ForwardProcess process, GaussianMixture mixture) {
        this.process = process;
        this.mixture = mixture;
        for (int k = 0; k < mixture.components(); k++) {
            if (mixture.weights()[k] > 0) {
                components.add(GaussianComponent.of(mixture.means()[k], mixture.covariances()[k]));
                componentIndex.add(k);
            }
        }
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        INDArray x = checkedX(request);
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, request.batch(), 1);
        SoftmaxAccumulator posterior = new SoftmaxAccumulator();
        for (int i = 0; i < components.size(); i++) {
            GaussianComponent.Terms terms = components.get(i).evaluate(x, coefficients);
            // values laid out as EmpiricalPosterior.predict expects: [m_k, E_k||x0||^2, 1]
            posterior.acceptRows(logWeighted(terms, i), Nd4j.hstack(terms.mean(), terms.secondMoment(), ones));
        }
        return EmpiricalPosterior.predict(x, coefficients, posterior.weightedMeans());
    }

    /** Posterior responsibilities {@code rho_k = P(component k | x_t)} as {@code [B, K]} (0 for weight-0 components). */
    public INDArray responsibilities(EvalRequest request) {
        INDArray x = checkedX(request);
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        INDArray logits = Nd4j.valueArrayOf(new long[] {request.batch(), mixture.components()},
                Double.NEGATIVE_INFINITY, DataType.DOUBLE);
        for (int i = 0; i < components.size(); i++) {
            logits.putColumn(componentIndex.get(i), logWeighted(components.get(i).evaluate(x, coefficients), i));
        }
        INDArray weights = Transforms.exp(logits.subiColumnVector(logits.max(true, 1)), false);
        return weights.diviColumnVector(weights.sum(true, 1));
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return mixture.dimension();
    }

    private INDArray logWeighted(GaussianComponent.Terms terms, int i) {
        return terms.logLikelihood().addi(Math.log(mixture.weights()[componentIndex.get(i)]));
    }

    private INDArray checkedX(EvalRequest request) {
        if (request.dimension() != mixture.dimension()) {
            throw new IllegalArgumentException("request dimension " + request.dimension() + " != " + mixture.dimension());
        }
        return request.x().castTo(DataType.DOUBLE);
    }
}
