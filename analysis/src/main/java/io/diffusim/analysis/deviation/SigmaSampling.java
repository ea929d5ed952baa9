package io.diffusim.analysis.deviation;

import java.util.SplittableRandom;

/**
 * The generalised sigma-space sampler of docs/science.md §2.3 on a {@link SigmaField}, for the schedule-deviation
 * studies' own samples: from {@code x = sigma_0 z}, {@code e_av = gamma e_i + (1 - gamma) e_{i-1}} (e_0 alone at the
 * first step), {@code sigma_p = (sigma' / sigma^mu)^(1/(1-mu))}, {@code x <- x - (sigma - sigma_p) e_av +
 * sqrt(sigma'^2 - sigma_p^2) z}. DDIM is {@code (gamma, mu) = (1, 0)}, DDPM {@code (1, 1/2)}, GE {@code (2, 0)};
 * {@code gamma = 0} means 0 (not "the default").
 */
public final class SigmaSampling {

    /** DDIM's (gamma, mu). */
    public static final double[] DDIM = {1, 0};
    /** DDPM's (gamma, mu): each step the exact VE posterior. */
    public static final double[] DDPM = {1, 0.5};

    private SigmaSampling() {
    }

    /** {@code n} samples, row-major, ending at the grid's last level (no step to 0). */
    public static double[] sample(SigmaField field, int n, double[] descendingGrid, double gamma, double mu,
            SplittableRandom random) {
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("mu must lie in [0, 1), got " + mu);
        }
        int d = field.dimension();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = descendingGrid[0] * random.nextGaussian();
        }
        double[] previous = null;
        for (int step = 0; step + 1 < descendingGrid.length; step++) {
            double sigma = descendingGrid[step];
            double next = descendingGrid[step + 1];
            double[] e = field.eps(x, n, sigma);
            double sigmaP = Math.pow(next / Math.pow(sigma, mu), 1 / (1 - mu));
            double noise = Math.sqrt(Math.max(0, next * next - sigmaP * sigmaP));
            for (int i = 0; i < x.length; i++) {
                double average = previous == null ? e[i] : gamma * e[i] + (1 - gamma) * previous[i];
                x[i] += -(sigma - sigmaP) * average + (noise > 0 ? noise * random.nextGaussian() : 0);
            }
            previous = e;
        }
        return x;
    }
}
