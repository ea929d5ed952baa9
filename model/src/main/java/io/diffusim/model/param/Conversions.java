package io.diffusim.model.param;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batched conversions between the parameterisations of docs/science.md §1.4 for {@code x_t = a x_0 + b eps}.
 *
 * <p>Points and predictions are {@code [B, D]}; a, b, aDot, bDot, Delta, c, d are {@code [B, 1]} columns, one
 * per row's time. Inputs are never mutated; each method returns a fresh array in three to four ND4J ops.
 */
public final class Conversions {

    private Conversions() {
    }

    /** eps-prediction to data: {@code x0 = (x - b eps) / a}. */
    public static INDArray x0FromEps(INDArray x, INDArray eps, INDArray a, INDArray b) {
        return eps.mulColumnVector(b).rsubi(x).diviColumnVector(a);
    }

    /** Data prediction to noise: {@code eps = (x - a x0) / b}. */
    public static INDArray epsFromX0(INDArray x, INDArray x0, INDArray a, INDArray b) {
        return x0.mulColumnVector(a).rsubi(x).diviColumnVector(b);
    }

    /** Score {@code s = -eps / b}. */
    public static INDArray scoreFromEps(INDArray eps, INDArray b) {
        return eps.divColumnVector(b).negi();
    }

    /** {@code eps = -b s}. */
    public static INDArray epsFromScore(INDArray score, INDArray b) {
        return score.mulColumnVector(b).negi();
    }

    /** Tweedie: {@code x0 = (x + b^2 s) / a}. */
    public static INDArray x0FromScore(INDArray x, INDArray score, INDArray a, INDArray b) {
        return score.mulColumnVector(b).muliColumnVector(b).addi(x).diviColumnVector(a);
    }

    /** v-prediction {@code v = a eps - b x0}; meaningful only when a^2 + b^2 = 1 (VP), which is not checked. */
    public static INDArray v(INDArray x0, INDArray eps, INDArray a, INDArray b) {
        return combine(eps, x0, a, b.neg());
    }

    /** VP only: {@code x0 = a x - b v}. */
    public static INDArray x0FromV(INDArray x, INDArray v, INDArray a, INDArray b) {
        return combine(x, v, a, b.neg());
    }

    /** VP only: {@code eps = b x + a v}. */
    public static INDArray epsFromV(INDArray x, INDArray v, INDArray a, INDArray b) {
        return combine(x, v, b, a);
    }

    /** Probability-flow velocity {@code u = aDot x0 + bDot eps}. */
    public static INDArray velocity(INDArray x0, INDArray eps, INDArray aDot, INDArray bDot) {
        return combine(x0, eps, aDot, bDot);
    }

    /** {@code Delta = a bDot - b aDot}, which must be nonzero to invert a velocity. */
    public static INDArray delta(INDArray a, INDArray b, INDArray aDot, INDArray bDot) {
        return a.mul(bDot).subi(b.mul(aDot));
    }

    /** Velocity to data: {@code x0 = (bDot x - b u) / Delta}. */
    public static INDArray x0FromVelocity(INDArray x, INDArray u, INDArray b, INDArray bDot, INDArray delta) {
        return combine(x, u, bDot, b.neg()).diviColumnVector(delta);
    }

    /** Velocity to noise: {@code eps = (a u - aDot x) / Delta}. */
    public static INDArray epsFromVelocity(INDArray x, INDArray u, INDArray a, INDArray aDot, INDArray delta) {
        return combine(u, x, a, aDot.neg()).diviColumnVector(delta);
    }

    /** Effective regression target {@code R = c x0 + d eps} (NOCOND; see {@link TargetCoefficients}). */
    public static INDArray regressionTarget(INDArray x0, INDArray eps, INDArray c, INDArray d) {
        return combine(x0, eps, c, d);
    }

    /** {@code p * first + q * second} row-wise; the one kernel behind every linear form here. */
    private static INDArray combine(INDArray first, INDArray second, INDArray p, INDArray q) {
        return first.mulColumnVector(p).addi(second.mulColumnVector(q));
    }
}
