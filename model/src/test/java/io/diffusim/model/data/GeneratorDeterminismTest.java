package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.config.Geometry;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generator of docs/science.md §7.1 and §5.2 is a pure function of (n, seed). */
class GeneratorDeterminismTest {

    private static final int N = 500;

    static Stream<Arguments> generators() {
        GaussianMixture spiral = Geometries.build(Geometry.SPIRAL_2D, 2, 0);
        return Stream.of(
                Arguments.of("moons", (BiFunction<Integer, Long, Dataset>) Moons::generate),
                Arguments.of("line", (BiFunction<Integer, Long, Dataset>) Line::generate),
                Arguments.of("circle", (BiFunction<Integer, Long, Dataset>) Circle::generate),
                Arguments.of("dino", (BiFunction<Integer, Long, Dataset>) Dino::generate),
                Arguments.of("gmm", (BiFunction<Integer, Long, Dataset>) (n, seed) -> MixtureSampler.sample(spiral, n, seed)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void shouldGiveIdenticalPointsForTheSameSeedAndDifferentPointsForAnother(String name,
            BiFunction<Integer, Long, Dataset> generator) {
        Dataset first = generator.apply(N, 11L);
        Dataset again = generator.apply(N, 11L);
        Dataset other = generator.apply(N, 12L);
        assertThat(first.size()).isEqualTo(N);
        assertThat(again.points().data().asDouble()).containsExactly(first.points().data().asDouble());
        assertThat(other.points().data().asDouble()).isNotEqualTo(first.points().data().asDouble());
        if (first.labels() != null) {
            assertThat(again.labels()).containsExactly(first.labels());
        }
    }
}
