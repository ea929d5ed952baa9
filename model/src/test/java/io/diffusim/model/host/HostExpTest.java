package io.diffusim.model.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class HostExpTest {

    /** The polynomial's truncation (below 1e-17) plus the rounding of 13 fused steps and the final product. */
    private static final double MAX_ULPS = 2;

    @Test
    void shouldStayWithinTwoUlpsOfTheTrueExponentialOverTheWeightRange() {
        double worst = 0;
        for (int i = 0; i <= 2_000_000; i++) {
            double x = -708.0 * i / 2_000_000;
            double expected = StrictMath.exp(x);
            worst = Math.max(worst, Math.abs(HostExp.exp(x) - expected) / Math.ulp(expected));
        }
        assertThat(worst).isLessThanOrEqualTo(MAX_ULPS);
    }

    @Test
    void shouldBeExactWhereTheReductionIsExact() {
        assertThat(HostExp.exp(0.0)).isEqualTo(1.0);
        assertThat(HostExp.exp(-Math.log(2) * 10)).isEqualTo(0x1.0p-10, org.assertj.core.api.Assertions.within(1e-18));
    }

    @Test
    void shouldGiveZeroBelowTheUnderflowLevelAndKeepNaN() {
        assertThat(HostExp.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(HostExp.exp(-708.5)).isEqualTo(0.0);
        assertThat(HostExp.exp(-1e300)).isEqualTo(0.0);
        assertThat(HostExp.exp(Double.NaN)).isNaN();
    }

    @Test
    void shouldGiveTheScalarBitsOnEveryLane() {
        SplittableRandom random = new SplittableRandom(21);
        int lanes = HostExp.SPECIES.length();
        double[] x = new double[lanes * 10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 97 == 0 ? Double.NEGATIVE_INFINITY : -800 * random.nextDouble() * random.nextDouble();
        }
        double[] vector = new double[x.length];
        for (int i = 0; i < x.length; i += lanes) {
            HostExp.exp(DoubleVector.fromArray(HostExp.SPECIES, x, i)).intoArray(vector, i);
        }
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(vector[i])).as("lane value at %s", x[i])
                    .isEqualTo(Double.doubleToRawLongBits(HostExp.exp(x[i])));
        }
    }
}
