package io.diffusim.model.learned;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.NoiseCoefficients;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained eps-prediction MLP (docs/science.md §7.3) as a {@link Denoiser}: the network's output is the noise
 * estimate eps-hat, and the {@link Prediction} turns it into the posterior mean {@code x0-hat = (x_t - b eps-hat)/a}
 * (§1.4) for samplers that want x0. The particles stay in their own type; the network computes in its weights' type.
 * Thread-safe (see {@link MlpForward}).
 */
public final class MlpDenoiser implements Denoiser {

    private final ForwardProcess process;
    private final MlpForward forward;

    public MlpDenoiser(ForwardProcess process, MlpForward forward) {
        this.process = process;
        this.forward = forward;
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        MlpShape shape = forward.shape();
        if (request.dimension() != shape.inputs()) {
            throw new IllegalArgumentException("the MLP takes " + shape.inputs() + "-dimensional points, got "
                    + request.dimension());
        }
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        double[] t = request.t().castTo(DataType.DOUBLE).reshape(request.batch()).toDoubleVector();
        INDArray out = forward.output(request.x(), t, sameTime(t));
        INDArray eps = shape.outputs() == shape.inputs() ? out
                : out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, shape.inputs()));
        return Prediction.ofEps(request.x(), eps.castTo(request.x().dataType()), coefficients.a(), coefficients.b());
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return forward.shape().inputs();
    }

    private static boolean sameTime(double[] t) {
        for (double ti : t) {
            if (ti != t[0]) {
                return false;
            }
        }
        return true;
    }
}
