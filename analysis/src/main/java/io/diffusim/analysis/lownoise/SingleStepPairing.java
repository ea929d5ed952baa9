package io.diffusim.analysis.lownoise;

import io.diffusim.analysis.RunningMean;
import io.diffusim.analysis.deviation.DenoiserSigmaField;
import java.util.SplittableRandom;

/**
 * Single-step pairing of two models (docs/science.md §5.4): held-out points x, shared noise z, {@code y = x + sigma z}
 * in VE sigma-space, and the two posterior means {@code f_A(y)}, {@code f_B(y)}; per level the mean L2 distance
 * {@code ||f_A - f_B||}, its per-dimension RMS ({@code / sqrt(D)}) and the mean cosine between the two denoising
 * directions {@code f_A - y} and {@code f_B - y} (pairs with a zero residual skipped). Each is a
 * {@link RunningMean}, so pairings of disjoint point sets combine.
 */
public final class SingleStepPairing {

    /** One level's measurements. */
    public record Level(double sigma, RunningMean l2, RunningMean rms, RunningMean cosine) {

        public Level combine(Level other) {
            l2.combine(other.l2);
            rms.combine(other.rms);
            cosine.combine(other.cosine);
            return this;
        }
    }

    private SingleStepPairing() {
    }

    /**
     * @param heldOut points from the true distribution in neither training set, row-major {@code [n, D]}
     * @param sigmas the levels (the §5.4 grid: 1.0, 0.5, 0.25, 0.1, 0.05)
     */
    public static Level[] measure(DenoiserSigmaField a, DenoiserSigmaField b, double[] heldOut, int n, double[] sigmas,
            SplittableRandom random) {
        int d = a.dimension();
        if (b.dimension() != d || heldOut.length != (long) n * d) {
            throw new IllegalArgumentException("two models of one dimension and n x D held-out points are paired");
        }
        Level[] levels = new Level[sigmas.length];
        double[] y = new double[n * d];
        for (int level = 0; level < sigmas.length; level++) {
            double sigma = sigmas[level];
            for (int i = 0; i < y.length; i++) {
                y[i] = heldOut[i] + sigma * random.nextGaussian();
            }
            double[] fa = a.x0(y, n, sigma);
            double[] fb = b.x0(y, n, sigma);
            Level out = new Level(sigma, RunningMean.create(), RunningMean.create(), RunningMean.create());
            for (int i = 0; i < n; i++) {
                double distanceSq = 0;
                double dot = 0;
                double normA = 0;
                double normB = 0;
                for (int k = 0; k < d; k++) {
                    int at = i * d + k;
                    double ra = fa[at] - y[at];
                    double rb = fb[at] - y[at];
                    distanceSq += (fa[at] - fb[at]) * (fa[at] - fb[at]);
                    dot += ra * rb;
                    normA += ra * ra;
                    normB += rb * rb;
                }
                out.l2().accept(Math.sqrt(distanceSq));
                out.rms().accept(Math.sqrt(distanceSq / d));
                if (normA > 0 && normB > 0) {
                    out.cosine().accept(dot / Math.sqrt(normA * normB));
                }
            }
            levels[level] = out;
        }
        return levels;
    }
}
