package io.diffusim.sampling.bound;

/**
 * The accumulated error bound ||x_N - x'_N|| <= sum_i A_i B_i with A_i = prod_{j>i} (|kappa_j| + |eta_j| L_j)
 * and B_i = |eta_i| delta_i (docs/science.md §2.8 "Bound").
 *
 * @param total the bound sum_i A_i B_i
 * @param terms the per-step terms A_i B_i
 */
public record ErrorBound(double total, double[] terms) {

    public ErrorBound {
        terms = terms.clone();
    }

    @Override
    public double[] terms() {
        return terms.clone();
    }

    /** Accumulates the bound from per-step kappa_i, eta_i, Lipschitz constants L_i and target gaps delta_i. */
    public static ErrorBound of(double[] kappa, double[] eta, double[] lipschitz, double[] delta) {
        int n = kappa.length;
        if (eta.length != n || lipschitz.length != n || delta.length != n) {
            throw new IllegalArgumentException("kappa, eta, L and delta must have equal lengths, got "
                    + n + ", " + eta.length + ", " + lipschitz.length + ", " + delta.length);
        }
        double[] terms = new double[n];
        double amplification = 1; // A_i, built backwards from the empty product A_{N-1} = 1
        double total = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (!(lipschitz[i] >= 0) || !(delta[i] >= 0)) {
                throw new IllegalArgumentException("step " + i + " has L = " + lipschitz[i] + ", delta = " + delta[i]
                        + "; both must be >= 0");
            }
            terms[i] = amplification * Math.abs(eta[i]) * delta[i];
            total += terms[i];
            amplification *= Math.abs(kappa[i]) + Math.abs(eta[i]) * lipschitz[i];
        }
        return new ErrorBound(total, terms);
    }
}
