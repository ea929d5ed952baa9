package io.diffusim.model.denoise;

import io.diffusim.model.data.Dataset;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.host.HostRows;
import io.diffusim.model.host.SquarePatchPass;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * PSPC-Square (docs/science.md §3.6) as a fused host kernel: each particle's composite posterior mean in passes over
 * the training images ({@link SquarePatchPass}), particles in parallel on a {@link HostPool}, each row with its own
 * patch size. The squares, the schedule and the divergence are those of {@link PatchEmpiricalDenoiser}: the
 * divergence needs every square's own mean, which only that tensor form holds, so it is computed there, from a copy
 * of the request, if a sampler or analysis asks for it.
 */
public final class FusedPatchEmpiricalDenoiser implements ScheduledDenoiser {

    /** One particle per task: a row is some n H W P operations. */
    private static final int BLOCK_ROWS = 1;

    private final PatchEmpiricalDenoiser tensors;
    private final SquarePatchPass pass;
    private final HostPool pool;

    /** Image data (flip-augment beforehand with {@link HorizontalFlip} if wanted), stride >= 1, on the shared pool. */
    public FusedPatchEmpiricalDenoiser(ForwardProcess process, Dataset data, PatchSizeSchedule schedule, int stride) {
        this(process, data, schedule, stride, HostPool.shared());
    }

    public FusedPatchEmpiricalDenoiser(ForwardProcess process, Dataset data, PatchSizeSchedule schedule, int stride,
            HostPool pool) {
        this.tensors = new PatchEmpiricalDenoiser(process, data, schedule, stride, 0);
        int[] shape = tensors.imageShape();
        this.pass = new SquarePatchPass(HostRows.read(data.points()), data.size(), shape[0], shape[1], shape[2]);
        this.pool = pool;
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        int d = dimension();
        double[] x = HostInput.of(request, d);
        NoiseCoefficients c = NoiseCoefficients.of(process(), request);
        int[] shape = tensors.imageShape();
        int stride = tensors.stride();
        double[] x0 = new double[request.batch() * d];
        pool.forEachBlock(request.batch(), BLOCK_ROWS, (from, to) -> {
            for (int r = from; r < to; r++) {
                int size = tensors.patchSize(c.b(r) / c.a(r));
                pass.row(x, r, c.a(r), c.b(r), size, PatchEmpiricalDenoiser.positions(shape[1], size, stride),
                        PatchEmpiricalDenoiser.positions(shape[2], size, stride), x0);
            }
        });
        // the caller may reuse its arrays once this returns: the divergence, if ever asked, sees a copy
        EvalRequest copy = new EvalRequest(request.x().dup(), request.t().dup(),
                request.condition() == null ? null : request.condition().dup());
        return HostPosteriorMean.of(request.x().castTo(DataType.DOUBLE), x, x0, c, d,
                () -> tensors.evaluate(copy).divergence());
    }

    @Override
    public String scheduleMetric() {
        return tensors.scheduleMetric();
    }

    @Override
    public double[] scheduled(EvalRequest request) {
        return tensors.scheduled(request);
    }

    @Override
    public ForwardProcess process() {
        return tensors.process();
    }

    @Override
    public int dimension() {
        return pass.dimension();
    }
}
