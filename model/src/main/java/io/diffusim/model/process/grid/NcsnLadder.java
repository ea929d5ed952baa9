package io.diffusim.model.process.grid;

/**
 * The NCSN geometric noise ladder {@code sigma_i = sigma_1 (sigma_L/sigma_1)^((i-1)/(L-1))}, i = 1..L
 * (docs/science.md §1.3, NCSN).
 */
public record NcsnLadder(int levels, double sigmaFirst, double sigmaLast) implements TimeGrid {

    public NcsnLadder {
        TimeGrid.requireAtLeast(levels, 2, "levels");
        TimeGrid.requireRange(sigmaLast, sigmaFirst);
    }

    /** L = 10 levels from 1 down to 0.01. */
    public static NcsnLadder defaults() {
        return new NcsnLadder(10, 1, 0.01);
    }

    /** The L sigmas, largest first. */
    @Override
    public double[] times() {
        double[] sigmas = new double[levels];
        for (int i = 0; i < levels; i++) {
            sigmas[i] = sigmaFirst * Math.pow(sigmaLast / sigmaFirst, (double) i / (levels - 1));
        }
        return sigmas;
    }
}
