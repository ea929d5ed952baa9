package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The moons set of docs/science.md §7.1: two noisy unit half-circles under the fixed affine map. */
class MoonsTest {

    private static final int N = 10_001;
    private static final long SEED = 42;
    /** Radial noise std 0.03 per coordinate: 0.2 is more than 6 std of the distance to the arc's centre. */
    private static final double ARC_TOL = 0.2;
    /** Mean of each coordinate: 5 std of the mapped noise mean (<= 0.09/sqrt(N)) plus linspace discretisation. */
    private static final double MEAN_TOL = 0.006;

    @Test
    void shouldSplitPointsIntoFloorHalfOuterAndTheRestInner() {
        Dataset moons = Moons.generate(N, SEED);
        assertThat(moons.size()).isEqualTo(N);
        assertThat(moons.dimension()).isEqualTo(2);
        assertThat(Arrays.stream(moons.labels()).filter(l -> l == 0).count()).isEqualTo(N / 2);
        assertThat(Arrays.stream(moons.labels()).filter(l -> l == 1).count()).isEqualTo(N - N / 2);
    }

    @Test
    void shouldPlaceEachPointOnItsArcAfterUndoingTheAffineMap() {
        Dataset moons = Moons.generate(N, SEED);
        double[] xy = moons.points().data().asDouble();
        for (int i = 0; i < N; i++) {
            double x = (xy[2 * i] + 1) / 2 - 0.3;
            double y = (xy[2 * i + 1] + 1) / 3 - 0.3;
            boolean outer = moons.labels()[i] == 0;
            // outer arc: unit circle about (0, 0), upper half; inner arc: about (1, 0.5), lower half
            double r = outer ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
            double side = outer ? y : 0.5 - y;
            assertThat(r).as("point %s", i).isCloseTo(1, offset(ARC_TOL));
            assertThat(side).as("point %s", i).isGreaterThan(-ARC_TOL);
        }
    }

    @Test
    void shouldHaveTheMeanOfTheMappedArcs() {
        double[] xy = Moons.generate(N, SEED).points().data().asDouble();
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < N; i++) {
            meanX += xy[2 * i] / N;
            meanY += xy[2 * i + 1] / N;
        }
        // unmapped means: x = (0 + 1)/2, y = (2/pi + 1 - 2/pi - 0.5)/2 = 0.25
        assertThat(meanX).isCloseTo((0.5 + 0.3) * 2 - 1, offset(MEAN_TOL));
        assertThat(meanY).isCloseTo((0.25 + 0.3) * 3 - 1, offset(MEAN_TOL));
    }

    @Test
    void shouldRejectNonPositiveCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> Moons.generate(0, SEED))
                .withMessageContaining("0");
    }
}
