package io.diffusim.model.host;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp(x)} for the softmax weights of the fused kernels ({@code x <= 0}: a logit minus its running max), from
 * additions, multiplications and fused multiply-adds only, in a scalar and a vector form that give the same bits.
 *
 * <p>Why not {@code Math.exp} or the Vector API's {@code EXP}: Math.exp does not vectorise, and the vector EXP is an
 * intrinsic only once C2 has compiled the loop (before that it falls back to Math.exp per lane, which may differ in
 * the last bit), so a particle's weights would depend on how warm the JIT was when its batch ran. Plain IEEE
 * arithmetic is the same in every tier, on every lane and on the scalar path.
 *
 * <p>Method: {@code x = k ln2 + r} with {@code k = round(x / ln2)} (the 1.5 * 2^52 shifter rounds),
 * {@code |r| <= ln2 / 2}, {@code exp(r)} by its Taylor series to degree 13 (truncation below 1e-17 relative) and
 * {@code 2^k} assembled in the exponent bits. Error within 2 ulp of the true value on {@code [-708, 709]};
 * {@code x < -708} (weights below 1e-307 of the largest) gives 0, and NaN stays NaN.
 */
public final class HostExp {

    /** The lane layout every fused kernel uses; results never depend on it (lanes are reduced in a fixed order). */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Below this, 2^k would be subnormal: the weight is 0. */
    public static final double UNDERFLOW = -708.0;

    private static final double LOG2E = 0x1.71547652b82fep0;
    private static final double SHIFTER = 0x1.8p52;
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    // 1 / k!, k = 2..13, as the compiler rounds them
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    private HostExp() {
    }

    /** exp(x), scalar. */
    public static double exp(double x) {
        double t = Math.fma(x, LOG2E, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        // the shifter's own exponent bits shift out: what is left is (k + 1023) << 52, i.e. 2^k
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023) << 52);
        return x < UNDERFLOW ? 0.0 : p * scale;
    }

    /** exp(x) per lane; each lane equals {@link #exp(double)} of it bit for bit. */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(DoubleVector.broadcast(SPECIES, LOG2E), DoubleVector.broadcast(SPECIES, SHIFTER));
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), x);
        r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r);
        DoubleVector p = polynomial(r);
        DoubleVector scale = t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52L).reinterpretAsDoubles();
        return p.mul(scale).blend(0.0, x.compare(VectorOperators.LT, UNDERFLOW));
    }

    /**
     * The Taylor polynomial of exp(r) to degree 13, Horner's scheme as in the scalar form. A method of its own so that
     * each half stays under C2's inlining limit (325 bytecodes): a vector method that is not inlined boxes its vectors.
     */
    private static DoubleVector polynomial(DoubleVector r) {
        DoubleVector p = DoubleVector.broadcast(SPECIES, C13).fma(r, DoubleVector.broadcast(SPECIES, C12));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C11));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C10));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C9));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C8));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C7));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C6));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C5));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C4));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C3));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, C2));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, 1.0));
        p = p.fma(r, DoubleVector.broadcast(SPECIES, 1.0));
        return p;
    }
}
