package io.diffusim.model.param;

import static io.diffusim.model.param.ParamFixtures.column;
import static io.diffusim.model.param.ParamFixtures.maxAbsDiff;
import static io.diffusim.model.param.ParamFixtures.normals;
import static io.diffusim.model.param.ParamFixtures.uniforms;
import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.process.VpContinuousProcess;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ConversionsTest {

    /** docs/science.md §8 K23: every round trip returns its input to 1e-12. */
    private static final double ROUND_TRIP_TOL = 1e-12;
    private static final int BATCH = 64;
    private static final int DIM = 7;

    @Test
    void shouldRoundTripEpsThroughX0AndScoreK23() {
        SplittableRandom random = new SplittableRandom(23);
        INDArray x = normals(random, BATCH, DIM);
        INDArray eps = normals(random, BATCH, DIM);
        double[] times = uniforms(random, BATCH, 0, 1);
        INDArray a = column(times, t -> 0.2 + t);
        INDArray b = column(times, t -> 1.5 - t);

        INDArray x0 = Conversions.x0FromEps(x, eps, a, b);
        INDArray score = Conversions.scoreFromEps(Conversions.epsFromX0(x, x0, a, b), b);
        INDArray back = Conversions.epsFromScore(score, b);

        assertThat(maxAbsDiff(back, eps)).isLessThan(ROUND_TRIP_TOL);
        assertThat(maxAbsDiff(Conversions.x0FromScore(x, score, a, b), x0)).isLessThan(ROUND_TRIP_TOL);
    }

    @Test
    void shouldRoundTripEpsThroughVAndX0OnVariancePreservingRowsK23() {
        SplittableRandom random = new SplittableRandom(230);
        INDArray x = normals(random, BATCH, DIM);
        INDArray eps = normals(random, BATCH, DIM);
        double[] angles = uniforms(random, BATCH, 0.05, Math.PI / 2 - 0.05);
        INDArray a = column(angles, Math::cos);
        INDArray b = column(angles, Math::sin);

        INDArray v = Conversions.v(Conversions.x0FromEps(x, eps, a, b), eps, a, b);
        INDArray x0 = Conversions.x0FromV(x, v, a, b);
        INDArray back = Conversions.epsFromX0(x, x0, a, b);

        assertThat(maxAbsDiff(back, eps)).isLessThan(ROUND_TRIP_TOL);
        assertThat(maxAbsDiff(Conversions.epsFromV(x, v, a, b), eps)).isLessThan(ROUND_TRIP_TOL);
    }

    @Test
    void shouldRoundTripEpsThroughFlowMatchingVelocityK23() {
        SplittableRandom random = new SplittableRandom(2300);
        INDArray x = normals(random, BATCH, DIM);
        INDArray eps = normals(random, BATCH, DIM);
        double[] times = uniforms(random, BATCH, 0.05, 0.95);
        INDArray a = column(times, t -> 1 - t);
        INDArray b = column(times, t -> t);
        INDArray aDot = column(times, t -> -1);
        INDArray bDot = column(times, t -> 1);

        INDArray x0 = Conversions.x0FromEps(x, eps, a, b);
        INDArray u = Conversions.velocity(x0, eps, aDot, bDot);
        INDArray delta = Conversions.delta(a, b, aDot, bDot);

        assertThat(delta.minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(delta.maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(maxAbsDiff(Conversions.epsFromVelocity(x, u, a, aDot, delta), eps)).isLessThan(ROUND_TRIP_TOL);
        assertThat(maxAbsDiff(Conversions.x0FromVelocity(x, u, b, bDot, delta), x0)).isLessThan(ROUND_TRIP_TOL);
        // FM velocity equals the FM regression target eps - x0 (c = -1, d = 1)
        assertThat(maxAbsDiff(TargetCoefficients.flowMatching().target(x0, eps), u)).isLessThan(ROUND_TRIP_TOL);
    }

    @Test
    void shouldInvertVelocityOnTheContinuousVpPath() {
        SplittableRandom random = new SplittableRandom(23000);
        VpContinuousProcess vp = VpContinuousProcess.defaults();
        INDArray x = normals(random, BATCH, DIM);
        INDArray eps = normals(random, BATCH, DIM);
        double[] times = uniforms(random, BATCH, 0.05, 0.95);
        INDArray a = column(times, vp::a);
        INDArray b = column(times, vp::b);
        INDArray aDot = column(times, vp::aDot);
        INDArray bDot = column(times, vp::bDot);

        INDArray u = Conversions.velocity(Conversions.x0FromEps(x, eps, a, b), eps, aDot, bDot);
        INDArray delta = Conversions.delta(a, b, aDot, bDot);

        assertThat(maxAbsDiff(Conversions.epsFromVelocity(x, u, a, aDot, delta), eps)).isLessThan(ROUND_TRIP_TOL);
    }

    @Test
    void shouldLeaveInputsUntouched() {
        SplittableRandom random = new SplittableRandom(7);
        INDArray x = normals(random, BATCH, DIM);
        INDArray eps = normals(random, BATCH, DIM);
        INDArray a = column(uniforms(random, BATCH, 0.5, 1), t -> t);
        INDArray b = column(uniforms(random, BATCH, 0.5, 1), t -> t);
        INDArray[] copies = {x.dup(), eps.dup(), a.dup(), b.dup()};

        Conversions.x0FromScore(x, Conversions.scoreFromEps(eps, b), a, b);
        Conversions.epsFromVelocity(x, eps, a, b, Conversions.delta(a, b, a, b).addi(1));
        Conversions.x0FromV(x, eps, a, b);

        assertThat(x).isEqualTo(copies[0]);
        assertThat(eps).isEqualTo(copies[1]);
        assertThat(a).isEqualTo(copies[2]);
        assertThat(b).isEqualTo(copies[3]);
    }
}
