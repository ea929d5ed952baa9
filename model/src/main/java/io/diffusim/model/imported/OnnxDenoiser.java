package io.diffusim.model.imported;

import io.diffusim.config.Parameterisation;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.NoiseCoefficients;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.host.HostRows;
import io.diffusim.model.param.Conversions;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An imported network ({@code model.kind = onnx}) as a {@link Denoiser}: its output read as the declared
 * parameterisation (docs/science.md §1.4) and turned into the posterior mean and noise estimate every sampler uses:
 * eps and x0 as they are, the score through {@code eps = -b s}, the v-prediction through {@code x0 = a x - b v},
 * {@code eps = b x + a v} (VP processes only) and the probability-flow velocity through
 * {@code x0 = (bDot x - b u) / Delta}, {@code eps = (a u - aDot x) / Delta}. Thread-safe.
 */
public final class OnnxDenoiser implements Denoiser {

    private final ForwardProcess process;
    private final OnnxNetwork network;
    private final Parameterisation parameterisation;

    public OnnxDenoiser(ForwardProcess process, OnnxNetwork network, Parameterisation parameterisation) {
        this.process = process;
        this.network = network;
        this.parameterisation = parameterisation;
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        if (request.dimension() != network.dimension()) {
            throw new IllegalArgumentException("the imported network takes " + network.dimension()
                    + "-dimensional points, got " + request.dimension());
        }
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        int rows = request.batch();
        double[] t = HostRows.read(request.t());
        INDArray x = request.x();
        INDArray y = HostRows.matrix(network.run(HostRows.read(x), rows, t), rows, network.dimension())
                .castTo(x.dataType());
        INDArray a = coefficients.a().castTo(x.dataType());
        INDArray b = coefficients.b().castTo(x.dataType());
        return switch (parameterisation) {
            case EPS -> Prediction.ofEps(x, y, a, b);
            case X0 -> Prediction.ofX0(x, y, a, b);
            case SCORE -> Prediction.ofEps(x, Conversions.epsFromScore(y, b), a, b);
            case V -> Prediction.ofX0(x, Conversions.x0FromV(x, y, a, b), Conversions.epsFromV(x, y, a, b), a, b);
            case VELOCITY -> {
                INDArray aDot = column(t, process::aDot).castTo(x.dataType());
                INDArray bDot = column(t, process::bDot).castTo(x.dataType());
                INDArray delta = Conversions.delta(a, b, aDot, bDot);
                yield Prediction.ofX0(x, Conversions.x0FromVelocity(x, y, b, bDot, delta),
                        Conversions.epsFromVelocity(x, y, a, aDot, delta), a, b);
            }
        };
    }

    private static INDArray column(double[] t, java.util.function.DoubleUnaryOperator f) {
        double[] values = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            values[i] = f.applyAsDouble(t[i]);
        }
        return HostRows.matrix(values, t.length, 1);
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return network.dimension();
    }
}
