package io.diffusim.model.eqm;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A time-free EqM gradient field f(y) as a denoiser (docs/science.md §3.5): a request's rows y give the prediction
 * {@link Prediction#ofField}; there is no forward process.
 */
public interface GradientField extends Denoiser {

    /** f(y) for rows y [B, D] (fresh array). */
    INDArray field(INDArray y);

    @Override
    default Prediction evaluate(EvalRequest request) {
        return Prediction.ofField(request.x(), field(request.x()));
    }

    @Override
    default ForwardProcess process() {
        return null;
    }
}
