package io.diffusim.model.denoise;

import io.diffusim.model.host.HostRows;

/**
 * A request's points for a fused host kernel: checked against the kernel's dimension and read into the calling
 * thread's heap buffer, reused from evaluation to evaluation. The buffer is read only while one evaluation runs
 * (the prediction keeps copies of what it needs), so every fused kernel on a thread can share it.
 */
final class HostInput {

    private static final ThreadLocal<double[]> BUFFER = new ThreadLocal<>();

    private HostInput() {
    }

    /** Row-major values of the request's x [B, D] (the buffer may be longer than B D). */
    static double[] of(EvalRequest request, int dimension) {
        if (request.dimension() != dimension) {
            throw new IllegalArgumentException("request dimension " + request.dimension() + " != " + dimension);
        }
        double[] x = HostRows.readInto(request.x(), BUFFER.get());
        BUFFER.set(x);
        return x;
    }
}
