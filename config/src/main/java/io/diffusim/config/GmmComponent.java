package io.diffusim.config;

import java.util.List;
import java.util.Objects;

/**
 * One Gaussian-mixture component of docs/science.md §3.1: weight {@code pi_k >= 0}, mean {@code mu_k} in
 * R^D and a covariance given as a scalar (isotropic), a length-D vector (diagonal) or a DxD matrix.
 */
public record GmmComponent(double weight, List<Double> mean, Covariance cov) {

    public GmmComponent {
        mean = List.copyOf(mean);
        Objects.requireNonNull(cov, "cov");
    }

    /** The dimension D of the component. */
    public int dim() {
        return mean.size();
    }

    /** A component covariance, in one of the three forms the spec accepts. */
    public sealed interface Covariance {
    }

    /** {@code Sigma = variance * I}. */
    public record Isotropic(double variance) implements Covariance {
    }

    /** {@code Sigma = diag(variances)}. */
    public record Diagonal(List<Double> variances) implements Covariance {
        public Diagonal {
            variances = List.copyOf(variances);
        }
    }

    /** A full symmetric positive semi-definite matrix, row by row. */
    public record Full(List<List<Double>> rows) implements Covariance {
        public Full {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
