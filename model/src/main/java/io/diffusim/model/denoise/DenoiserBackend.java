package io.diffusim.model.denoise;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a closed-form denoiser computes (docs/architecture.md §6): as fused per-particle kernels on the host's
 * threads, or as ND4J tensor ops. The fused kernels are much faster on a CPU (no [particles, points] matrix, one
 * pass per particle), so they are the default there; on CUDA the ND4J ops run on the device, and learned models are
 * ND4J graphs in any case. Models without a fused kernel use ND4J whatever the choice.
 */
public enum DenoiserBackend {
    HOST,
    ND4J;

    /** HOST when ND4J's backend is the CPU one, ND4J otherwise. */
    public static DenoiserBackend closedFormDefault() {
        return Nd4j.getEnvironment().isCPU() ? HOST : ND4J;
    }
}
