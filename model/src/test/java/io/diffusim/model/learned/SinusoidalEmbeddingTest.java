package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Known answer K19 (docs/science.md §8) and the embedding-as-a-product form the network uses. */
class SinusoidalEmbeddingTest {

    private static final double K19 = 1e-6;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldGiveTheKnownFrequenciesAndValuesOfK19() {
        double[] omega = SinusoidalEmbedding.frequencies(128);
        double[] emb = SinusoidalEmbedding.embed(1.0, 25.0, 128);

        assertThat(omega[1]).isCloseTo(0.863988, within(K19));
        assertThat(omega[63]).isCloseTo(1e-4, within(1e-4 * K19));
        assertThat(emb[0]).isCloseTo(-0.132352, within(K19));
        assertThat(emb[64]).isCloseTo(0.991203, within(K19));
        assertThat(emb[1]).isCloseTo(0.381517, within(K19));
    }

    @Test
    void shouldEmbedEveryColumnAsSinesThenCosinesInOneProduct() {
        INDArray u = Nd4j.create(new double[][] {{1.0, -0.4}, {0.25, 2.0}});

        INDArray emb = SinusoidalEmbedding.embed(u, 25.0, 128);

        assertThat(emb.shape()).containsExactly(2, 256);
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                double[] expected = SinusoidalEmbedding.embed(u.getDouble(row, column), 25.0, 128);
                for (int k = 0; k < 128; k++) {
                    assertThat(emb.getDouble(row, column * 128 + k)).isCloseTo(expected[k], within(1e-9));
                }
            }
        }
    }

    @Test
    void shouldRejectAnOddOrTinySize() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SinusoidalEmbedding.frequencies(7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
        assertThat(SinusoidalEmbedding.argumentMatrix(1, 1.0, 4, DataType.FLOAT).dataType()).isEqualTo(DataType.FLOAT);
    }
}
