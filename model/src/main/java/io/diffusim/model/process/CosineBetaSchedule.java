package io.diffusim.model.process;

/**
 * Cosine schedule {@code f(u) = cos^2(((u/T) + s)/(1 + s) pi/2)}, {@code beta_t = min(1 - f(t+1)/f(t), maxBeta)}
 * (docs/science.md §1.2, Nichol and Dhariwal).
 */
public record CosineBetaSchedule(int timesteps, double offset, double maxBeta) implements BetaSchedule {

    public CosineBetaSchedule {
        BetaSchedule.requireTimesteps(timesteps);
        if (!(offset > 0) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset s must be finite and > 0, got " + offset);
        }
        BetaSchedule.requireBeta(maxBeta, "maxBeta");
    }

    /** s = 0.008, betas clipped at 0.999. */
    public static CosineBetaSchedule defaults(int timesteps) {
        return new CosineBetaSchedule(timesteps, 0.008, 0.999);
    }

    @Override
    public double[] betas() {
        double[] betas = new double[timesteps];
        for (int t = 0; t < timesteps; t++) {
            betas[t] = Math.min(1 - f(t + 1) / f(t), maxBeta);
        }
        return betas;
    }

    private double f(double u) {
        double c = Math.cos((u / timesteps + offset) / (1 + offset) * Math.PI / 2);
        return c * c;
    }
}
