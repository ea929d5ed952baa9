package io.diffusim.model.learned;

/**
 * How one training row is made from a data point x_0 and a noise eps at its drawn time (docs/science.md §1.4):
 * the corrupted point {@code alpha x_0 + beta eps}, the regression target {@code c x_0 + d eps}, the row's weight
 * in the loss and the signed weight of the log-density head's term (0 without a head, §7.4).
 */
public record RowCorruption(double alpha, double beta, double c, double d, double weight, double head) {

    /** A row without a head term. */
    public static RowCorruption of(double alpha, double beta, double c, double d, double weight) {
        return new RowCorruption(alpha, beta, c, d, weight, 0);
    }
}
