package io.diffusim.model.learned;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.host.HostRows;
import io.diffusim.model.process.ForwardProcess;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained network (the MLP of docs/science.md §7.3, the U-Net of §7.3b) as a {@link Denoiser}: the request's times become the network's time input
 * and input scale as its objective trained them, and the objective reads the output (its noise part, without the
 * log-density head's column) as the {@link Prediction} every sampler takes (eps, x0, v, a preconditioned D, a
 * velocity, a score or an EqM field; §1.4). The particles stay in their own type; the network computes in its
 * weights' type. Thread-safe (see {@link NetworkForward}).
 */
public final class NetworkDenoiser implements Denoiser {

    private final ForwardProcess process;
    private final NetworkForward forward;
    private final TrainingObjective objective;

    public NetworkDenoiser(ForwardProcess process, NetworkForward forward, TrainingObjective objective) {
        this.process = process;
        this.forward = forward;
        this.objective = objective;
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        Architecture shape = forward.shape();
        if (request.dimension() != shape.inputs()) {
            throw new IllegalArgumentException("the network takes " + shape.inputs() + "-dimensional points, got "
                    + request.dimension());
        }
        if (request.t() == null && !objective.timeFree()) {
            throw new IllegalArgumentException("the network trained with objective " + objective.describe()
                    + " needs a time per row; the request has none");
        }
        int rows = request.batch();
        double[] t = request.t() == null ? null : HostRows.read(request.t());
        double[] networkTimes = new double[rows];
        double[] scales = new double[rows];
        boolean unscaled = true;
        for (int i = 0; i < rows; i++) {
            double ti = t == null ? Double.NaN : t[i];
            networkTimes[i] = objective.networkTime(ti);
            scales[i] = t == null ? 1 : objective.inputScale(ti);
            unscaled &= scales[i] == 1;
        }
        INDArray input = unscaled ? request.x() : request.x().mulColumnVector(TrainingObjective.column(scales)
                .castTo(request.x().dataType()));
        INDArray out = forward.output(input, networkTimes, sameTime(networkTimes));
        INDArray noisePart = shape.hasDensityHead()
                ? out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, shape.inputs())) : out;
        return objective.prediction(request, noisePart.castTo(request.x().dataType()), process);
    }

    @Override
    public ForwardProcess process() {
        return objective.timeFree() ? null : process;
    }

    @Override
    public int dimension() {
        return forward.shape().inputs();
    }

    /** The objective the network was trained with. */
    public TrainingObjective objective() {
        return objective;
    }

    private static boolean sameTime(double[] t) {
        return Arrays.stream(t).allMatch(ti -> ti == t[0]);
    }
}
