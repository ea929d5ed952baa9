package io.diffusim.model.denoise;

import io.diffusim.model.process.ForwardProcess;

/**
 * A model of the data evaluated on a batch (docs/architecture.md §2): closed form, learned or imported.
 *
 * <p>{@link #evaluate} is a pure function of the request: it does not mutate the request's arrays
 * and returns fresh arrays. Implementations are thread-safe after construction.
 */
public interface Denoiser {

    /** Evaluates the model on a batch; the result knows its parameterisation and converts on demand. */
    Prediction evaluate(EvalRequest request);

    /** The forward process whose time the requests use (null for a time-free EqM field). */
    ForwardProcess process();

    /** Flattened data dimension D. */
    int dimension();
}
