package io.diffusim.actors.runtime;

import io.diffusim.config.DataSpec;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a submitted run fits the memory the daemon may use, estimated from the spec alone before anything is
 * allocated (docs/user-guide.md, admission): a run that cannot fit is refused at submit, naming its estimate and the
 * keys to turn, rather than started and left to kill the daemon (and, resumed, kill it again).
 *
 * <p>The estimate counts float64 arrays: per particle {@link #PARTICLE_BUFFERS} rows of D (the particles, the
 * prediction, the noise, the next step, the checkpoint copy, the output), the data set (twice when flips augment
 * it), and for data-based models the batch-by-data weights of one evaluation. It is a lower bound: the dimension
 * of a CSV, IDX, PNG or npy set is unknown before it is read and counts as 2.
 */
final class Admission {

    static final int PARTICLE_BUFFERS = 6;
    private static final int FASHION_MNIST_PIXELS = 784;
    private static final int PLANE = 2;

    private Admission() {
    }

    /** Bytes the run needs at least. */
    static long estimate(RunSpec spec) {
        long d = dimension(spec.data());
        long n = spec.data().n();
        long batch = Math.min(spec.batchSize(), spec.particles());
        long particles = (long) spec.particles() * d * PARTICLE_BUFFERS;
        long data = n * d * (spec.model().flip() ? 2 : 1);
        long weights = dataBased(spec.model()) ? batch * n * 2 : 0;
        return Double.BYTES * (particles + data + weights);
    }

    /** Why the run does not fit in {@code limitBytes}, or empty when it does. */
    static Optional<String> refusal(RunSpec spec, long limitBytes) {
        long needed = estimate(spec);
        if (needed <= limitBytes) {
            return Optional.empty();
        }
        return Optional.of("the run needs at least " + gib(needed) + " of memory (" + spec.particles() + " particles of "
                + dimension(spec.data()) + " dimensions, " + spec.data().n() + " data points, batches of "
                + spec.batchSize() + "), more than the " + gib(limitBytes) + " this daemon may use"
                + " (diffusim.runtime.memory-limit): lower particles, data.n or batch-size, or raise the limit");
    }

    private static long dimension(DataSpec data) {
        if (data instanceof DataSpec.Gmm gmm) {
            return gmm.dim();
        }
        return data instanceof DataSpec.FashionMnist ? FASHION_MNIST_PIXELS : PLANE;
    }

    /** Models that weigh every data point for every particle at each evaluation. */
    private static boolean dataBased(ModelSpec model) {
        return model instanceof ModelSpec.Empirical || model instanceof ModelSpec.EmpiricalUnconditional
                || model instanceof ModelSpec.PatchEmpirical || model instanceof ModelSpec.PatchFlex
                || model instanceof ModelSpec.EqmEmpirical;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
