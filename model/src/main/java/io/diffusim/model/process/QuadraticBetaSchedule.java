package io.diffusim.model.process;

/**
 * Quadratic betas {@code beta_t = (sqrt(beta_start) + (sqrt(beta_end) - sqrt(beta_start)) t / (T - 1))^2}
 * (docs/science.md §1.2, AIS).
 */
public record QuadraticBetaSchedule(int timesteps, double betaStart, double betaEnd) implements BetaSchedule {

    public QuadraticBetaSchedule {
        BetaSchedule.requireTimesteps(timesteps);
        BetaSchedule.requireBeta(betaStart, "betaStart");
        BetaSchedule.requireBeta(betaEnd, "betaEnd");
    }

    /** beta_start = 1e-4, beta_end = 0.02 over T steps. */
    public static QuadraticBetaSchedule defaults(int timesteps) {
        return new QuadraticBetaSchedule(timesteps, 1e-4, 0.02);
    }

    @Override
    public double[] betas() {
        double rootStart = Math.sqrt(betaStart);
        double rootEnd = Math.sqrt(betaEnd);
        double[] betas = new double[timesteps];
        for (int t = 0; t < timesteps; t++) {
            double root = rootStart + (rootEnd - rootStart) * t / (timesteps - 1);
            betas[t] = root * root;
        }
        return betas;
    }
}
