package io.diffusim.model.imported;

import io.diffusim.config.ModelSpec;
import io.diffusim.config.Parameterisation;
import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.process.ForwardProcess;

/**
 * From an {@code onnx} model spec to its denoiser: the network loaded and checked against the run's data dimension
 * and process (a v-prediction is defined for variance-preserving processes only). ONNX Runtime gets the threads ND4J
 * was configured with.
 */
public final class OnnxModels {

    private OnnxModels() {
    }

    public static Denoiser denoiser(ModelSpec.Onnx onnx, ForwardProcess process, int dimension) {
        if (onnx.parameterisation() == Parameterisation.V && !variancePreserving(process)) {
            throw new IllegalArgumentException("model.parameterisation = v: v-prediction needs a variance-preserving "
                    + "process (a^2 + b^2 = 1, process.kind = vp)");
        }
        OnnxNetwork network = OnnxNetwork.load(onnx.path(), onnx.timeInput(), Math.max(1, Nd4jRuntime.configuredThreads()));
        if (network.dimension() != dimension) {
            throw new IllegalArgumentException("model.path = " + onnx.path() + ": the network takes "
                    + network.dimension() + "-dimensional points; the run's data have " + dimension + " dimensions");
        }
        return new OnnxDenoiser(process, network, onnx.parameterisation());
    }

    private static boolean variancePreserving(ForwardProcess process) {
        double t = 0.5 * (process.tMin() + process.tMax());
        double a = process.a(t);
        double b = process.b(t);
        return Math.abs(a * a + b * b - 1) < 1e-9;
    }
}
