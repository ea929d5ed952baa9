package io.diffusim.analysis.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Pearson and Spearman against NumPy's corrcoef of the values and of their mean ranks. */
class CorrelationTest {

    @Test
    void shouldGiveOneForAMonotoneButNonlinearRelationOnlyInRank() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 4, 9, 16, 100};
        assertThat(Correlation.spearman(x, y)).isCloseTo(1, within(1e-15));
        // numpy.corrcoef(x, y)[0, 1]
        assertThat(Correlation.pearson(x, y)).isCloseTo(0.7952035738296034, within(1e-12));
    }

    @Test
    void shouldShareTheMeanRankAmongTies() {
        assertThat(Correlation.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
        // numpy.corrcoef([1, 2.5, 2.5, 4], [1, 3, 2, 4])[0, 1], the ranks' Pearson
        assertThat(Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
                .isCloseTo(0.9486832980505139, within(1e-12));
    }
}
