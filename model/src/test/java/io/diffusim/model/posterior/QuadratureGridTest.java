package io.diffusim.model.posterior;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quadrature nodes of the noise-level posterior stay inside the prior's support (docs/science.md §3.4). */
class QuadratureGridTest {

    private static final int POINTS = 2001;
    private static final int COARSE_POINTS = 200;

    @Test
    void shouldKeepTheLastCoarseNodeAtTheUpperEnd() {
        // 1e-4 + 199 (1 - 1e-4)/199 rounds to 1 + 2^-52, a time flow matching rejects
        NoisePrior prior = new NoisePrior.Uniform(1e-4, 1);
        assertThat(QuadratureGrid.coarse(prior, COARSE_POINTS).t(0, COARSE_POINTS - 1)).isEqualTo(1.0);
    }

    @Test
    void shouldKeepLogNormalNodesInsideTheSupport() {
        NoisePrior prior = NoisePrior.LogNormalSigma.edm(0.002, 80);
        QuadratureGrid grid = QuadratureGrid.coarse(prior, POINTS);
        assertThat(grid.t(0, 0)).isBetween(prior.lo(), prior.hi());
        assertThat(grid.t(0, POINTS - 1)).isBetween(prior.lo(), prior.hi());
    }
}
