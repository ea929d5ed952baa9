package io.diffusim.model.process;

/** Linear betas {@code beta_t = beta_start + (beta_end - beta_start) t / (T - 1)} (docs/science.md §1.2, AIS/TINY). */
public record LinearBetaSchedule(int timesteps, double betaStart, double betaEnd) implements BetaSchedule {

    public LinearBetaSchedule {
        BetaSchedule.requireTimesteps(timesteps);
        BetaSchedule.requireBeta(betaStart, "betaStart");
        BetaSchedule.requireBeta(betaEnd, "betaEnd");
    }

    /** beta_start = 1e-4, beta_end = 0.02 over T steps. */
    public static LinearBetaSchedule defaults(int timesteps) {
        return new LinearBetaSchedule(timesteps, 1e-4, 0.02);
    }

    @Override
    public double[] betas() {
        double[] betas = new double[timesteps];
        for (int t = 0; t < timesteps; t++) {
            betas[t] = betaStart + (betaEnd - betaStart) * t / (timesteps - 1);
        }
        return betas;
    }
}
