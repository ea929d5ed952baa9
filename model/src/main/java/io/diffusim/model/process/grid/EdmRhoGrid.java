package io.diffusim.model.process.grid;

/**
 * Karras rho-grid {@code t_i = (sigma_max^(1/rho) + i/(N-1) (sigma_min^(1/rho) - sigma_max^(1/rho)))^rho},
 * i = 0..N-1, then {@code t_N = 0} (docs/science.md §1.3, EDM {@code edm_sampler}).
 */
public record EdmRhoGrid(int steps, double sigmaMin, double sigmaMax, double rho) implements TimeGrid {

    public EdmRhoGrid {
        TimeGrid.requireAtLeast(steps, 2, "steps");
        TimeGrid.requireRange(sigmaMin, sigmaMax);
        if (!(rho > 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho must be finite and > 0, got " + rho);
        }
    }

    /** N = 18, sigma in [0.002, 80], rho = 7. */
    public static EdmRhoGrid defaults() {
        return new EdmRhoGrid(18, 0.002, 80, 7);
    }

    /** The N sigmas without the terminal zero (PSPC's patch-size table). */
    public double[] sigmas() {
        double rootMax = Math.pow(sigmaMax, 1 / rho);
        double rootMin = Math.pow(sigmaMin, 1 / rho);
        double[] sigmas = new double[steps];
        for (int i = 0; i < steps; i++) {
            sigmas[i] = Math.pow(rootMax + (double) i / (steps - 1) * (rootMin - rootMax), rho);
        }
        return sigmas;
    }

    /** The N sigmas followed by 0: N + 1 values. */
    @Override
    public double[] times() {
        double[] sigmas = sigmas();
        double[] times = new double[steps + 1];
        System.arraycopy(sigmas, 0, times, 0, steps);
        return times;
    }
}
