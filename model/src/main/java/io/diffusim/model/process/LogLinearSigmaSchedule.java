package io.diffusim.model.process;

/**
 * The ascending log-linear sigma table
 * {@code sigma_k = 10^(log10 sigma_min + k (log10 sigma_max - log10 sigma_min)/(L-1))} with VP view
 * {@code Abar_k = 1/(1 + sigma_k^2)} (docs/science.md §1.2, SMALLDIFF {@code ScheduleLogLinear}).
 */
public record LogLinearSigmaSchedule(int timesteps, double sigmaMin, double sigmaMax) implements BetaSchedule {

    public LogLinearSigmaSchedule {
        BetaSchedule.requireTimesteps(timesteps);
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || !Double.isFinite(sigmaMax)) {
            throw new IllegalArgumentException("need 0 < sigmaMin < sigmaMax < inf, got sigmaMin=" + sigmaMin
                    + ", sigmaMax=" + sigmaMax);
        }
    }

    /** The SD-paper training table: L = 512, sigma in [0.01, 35]. */
    public static LogLinearSigmaSchedule defaults() {
        return new LogLinearSigmaSchedule(512, 0.01, 35);
    }

    /** sigma_k for k = 0..L-1, ascending. */
    public double[] sigmas() {
        double logMin = Math.log10(sigmaMin);
        double logMax = Math.log10(sigmaMax);
        double[] sigmas = new double[timesteps];
        for (int k = 0; k < timesteps; k++) {
            sigmas[k] = Math.pow(10, logMin + k * (logMax - logMin) / (timesteps - 1));
        }
        return sigmas;
    }

    @Override
    public double[] alphaBar() {
        double[] sigmas = sigmas();
        double[] alphaBar = new double[timesteps];
        for (int k = 0; k < timesteps; k++) {
            alphaBar[k] = VeVpConversion.alphaBar(sigmas[k]);
        }
        return alphaBar;
    }

    /** {@code beta_k = 1 - Abar_k / Abar_{k-1}} with {@code Abar_{-1} = 1}, so the running product gives back Abar. */
    @Override
    public double[] betas() {
        double[] alphaBar = alphaBar();
        double[] betas = new double[timesteps];
        double previous = 1;
        for (int k = 0; k < timesteps; k++) {
            betas[k] = 1 - alphaBar[k] / previous;
            previous = alphaBar[k];
        }
        return betas;
    }
}
