package io.diffusim.model.denoise;

import io.diffusim.model.data.GaussianMixture;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.host.HostRows;
import io.diffusim.model.host.MixturePass;
import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The exact posterior mean of a Gaussian mixture (docs/science.md §3.1) as a fused host kernel: each component's
 * eigen-decomposition once at construction, its time-dependent inverse, gain and log-determinant once per distinct
 * time of a batch, then one pass per particle over the components ({@link MixturePass}), particles in parallel on a
 * {@link HostPool}. The same posterior as {@link GmmDenoiser} (to rounding); a particle's bits depend neither on its
 * batch nor on the thread count.
 */
public final class FusedGmmDenoiser implements Denoiser {

    /** Rows per parallel task: some 50 ns a row, so a block of 256 outweighs the hand-over and 2,500 rows make 10. */
    private static final int BLOCK_ROWS = 256;

    private final ForwardProcess process;
    private final MixturePass pass;
    private final HostPool pool;

    public FusedGmmDenoiser(ForwardProcess process, GaussianMixture mixture) {
        this(process, mixture, HostPool.shared());
    }

    /** Components of weight 0 are skipped. */
    public FusedGmmDenoiser(ForwardProcess process, GaussianMixture mixture, HostPool pool) {
        this.process = process;
        this.pool = pool;
        List<MixturePass.Component> components = new ArrayList<>();
        for (int k = 0; k < mixture.components(); k++) {
            if (mixture.weights()[k] > 0) {
                components.add(component(Math.log(mixture.weights()[k]), mixture.means()[k], mixture.covariances()[k]));
            }
        }
        this.pass = new MixturePass(components.toArray(MixturePass.Component[]::new), mixture.dimension());
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        int d = pass.dimension();
        double[] x = HostInput.of(request, d);
        NoiseCoefficients c = NoiseCoefficients.of(process, request);
        int batch = request.batch();
        MixturePass.AtTime[] times = timesOfRows(c);
        double[] x0 = new double[batch * d];
        double[] secondMoment = new double[batch];
        pool.forEachBlock(batch, BLOCK_ROWS, (from, to) -> {
            double[] scratch = pass.scratch();
            // runs of rows at one time go through the vector path together
            for (int start = from, end; start < to; start = end) {
                end = start + 1;
                while (end < to && times[end] == times[start]) {
                    end++;
                }
                pass.rows(x, start, end, times[start], x0, secondMoment, scratch);
            }
        });
        return HostPosteriorMean.of(request.x().castTo(DataType.DOUBLE), x, x0, secondMoment, c, d);
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return pass.dimension();
    }

    /** Each row's per-time constants, built once per distinct (a, b): a sampler's batch has one time. */
    private MixturePass.AtTime[] timesOfRows(NoiseCoefficients c) {
        record Key(double a, double b) {
        }
        Map<Key, MixturePass.AtTime> built = new HashMap<>();
        MixturePass.AtTime[] times = new MixturePass.AtTime[c.batch()];
        for (int r = 0; r < times.length; r++) {
            if (r > 0 && c.a(r) == c.a(r - 1) && c.b(r) == c.b(r - 1)) {
                times[r] = times[r - 1];
            } else {
                times[r] = built.computeIfAbsent(new Key(c.a(r), c.b(r)), key -> pass.at(key.a(), key.b()));
            }
        }
        return times;
    }

    /** Isotropic and diagonal covariances in the identity basis, full ones by their eigen-decomposition. */
    private static MixturePass.Component component(double logWeight, double[] mean, double[][] covariance) {
        int d = mean.length;
        boolean diagonal = true;
        double[] variances = new double[d];
        for (int i = 0; i < d; i++) {
            variances[i] = covariance[i][i];
            if (!(variances[i] >= 0) || !Double.isFinite(variances[i])) {
                throw new IllegalArgumentException("covariance diagonal entry " + i + " is " + variances[i]);
            }
            for (int j = 0; j < d; j++) {
                diagonal &= i == j || covariance[i][j] == 0;
            }
        }
        if (diagonal) {
            return new MixturePass.Component(logWeight, mean.clone(), variances, null);
        }
        double[] flat = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(covariance[i], 0, flat, i * d, d);
        }
        SymmetricEigen eigen = SymmetricEigen.of(HostRows.matrix(flat, d, d));
        int rank = (int) eigen.values().length();
        return new MixturePass.Component(logWeight, mean.clone(), HostRows.read(eigen.values().reshape(1, rank)),
                HostRows.read(eigen.vectors()));
    }
}
