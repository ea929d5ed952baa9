package io.diffusim.model.denoise;

import io.diffusim.model.host.HostRows;
import io.diffusim.model.param.Conversions;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A denoiser's output for a batch, in the parameterisation the model produced, converting on demand
 * (docs/science.md §1.4, formulas in {@link Conversions}). Holds the input {@code x [B, D]} and the process
 * coefficients {@code a, b} as {@code [B, 1]} columns at each row's time.
 *
 * <p>For posterior means {@code x = a x0 + b eps} holds exactly, so either of x0 or eps determines
 * the other; the score is {@code -eps / b}. A time-free EqM field ({@link Kind#FIELD}) has no a, b and
 * only {@link #field()}. Never mutates the arrays it was given; every accessor returns a fresh array
 * or the stored one, which callers must treat as read-only.
 *
 * <p>A model that has eps at hand as well as x0 may store both, so {@link #eps()} costs nothing; a divergence may
 * be given as a supplier, evaluated on the first {@link #divergence()} only, since most samplers never ask.
 */
public final class Prediction {

    /** What the stored value is. */
    public enum Kind { X0, EPS, FIELD }

    private final Kind kind;
    private final INDArray x;
    private final Supplier<INDArray> value;
    private final Supplier<INDArray> a;
    private final Supplier<INDArray> b;
    private final Supplier<INDArray> eps;
    private final Supplier<INDArray> divergence;
    private final double[] hostEps;

    private Prediction(Kind kind, INDArray x, Supplier<INDArray> value, Supplier<INDArray> a, Supplier<INDArray> b,
                       Supplier<INDArray> eps, Supplier<INDArray> divergence, double[] hostEps) {
        this.kind = kind;
        this.hostEps = hostEps;
        this.x = x;
        this.value = value;
        this.a = a;
        this.b = b;
        this.eps = eps;
        this.divergence = divergence;
    }

    /** A posterior-mean (clean data) prediction x0 at coefficients a, b ([B, 1] each). */
    public static Prediction ofX0(INDArray x, INDArray x0, INDArray a, INDArray b) {
        return new Prediction(Kind.X0, x, held(x0), held(a), held(b), null, null, null);
    }

    /** As {@link #ofX0(INDArray, INDArray, INDArray, INDArray)} with {@code eps = (x - a x0) / b} already computed. */
    public static Prediction ofX0(INDArray x, INDArray x0, INDArray eps, INDArray a, INDArray b) {
        return new Prediction(Kind.X0, x, held(x0), held(a), held(b), held(eps), null, null);
    }

    /**
     * A posterior-mean prediction whose arrays (x0, eps = (x - a x0)/b and the coefficient columns) are made on first
     * use: a host kernel has them as Java arrays, and each ND4J array costs an allocation that a sampler stepping on
     * the host never needs. {@code eps} (row-major [B, D], not copied) is also {@link #hostEps()}.
     */
    static Prediction ofX0Lazily(INDArray x, Supplier<INDArray> x0, double[] eps, Supplier<INDArray> a,
                                 Supplier<INDArray> b) {
        int rows = (int) x.rows();
        int columns = (int) x.columns();
        return new Prediction(Kind.X0, x, new Once(x0), new Once(a), new Once(b),
                new Once(() -> HostRows.matrix(eps, rows, columns)), null, eps);
    }

    /** A noise prediction eps at coefficients a, b ([B, 1] each). */
    public static Prediction ofEps(INDArray x, INDArray eps, INDArray a, INDArray b) {
        return new Prediction(Kind.EPS, x, held(eps), held(a), held(b), null, null, null);
    }

    /** A time-free gradient field f(x) ~ grad E(x) (EqM, docs/science.md §3.5). */
    public static Prediction ofField(INDArray x, INDArray field) {
        return new Prediction(Kind.FIELD, x, held(field), held(null), held(null), null, null, null);
    }

    /** The same prediction carrying the divergence of eps, {@code div eps-hat} as a [B, 1] column. */
    public Prediction withDivergence(INDArray divergenceOfEps) {
        return new Prediction(kind, x, value, a, b, eps, held(divergenceOfEps), hostEps);
    }

    /** The same prediction with {@code div eps-hat} [B, 1] computed on the first {@link #divergence()} call only. */
    public Prediction withLazyDivergence(Supplier<INDArray> divergenceOfEps) {
        return new Prediction(kind, x, value, a, b, eps, new Once(divergenceOfEps), hostEps);
    }

    public Kind kind() {
        return kind;
    }

    /** The evaluated points x [B, D]. */
    public INDArray x() {
        return x;
    }

    /** Signal coefficient per row [B, 1]. */
    public INDArray a() {
        return a.get();
    }

    /** Noise coefficient per row [B, 1]. */
    public INDArray b() {
        return b.get();
    }

    /** E[x0 | x]: stored, or {@code (x - b eps) / a}. */
    public INDArray x0() {
        requireTimed();
        if (kind == Kind.X0) {
            return value.get();
        }
        return Conversions.x0FromEps(x, value.get(), a(), b());
    }

    /** E[eps | x]: stored, or {@code (x - a x0) / b}. */
    public INDArray eps() {
        requireTimed();
        if (kind == Kind.EPS) {
            return value.get();
        }
        return eps != null ? eps.get() : Conversions.epsFromX0(x, value.get(), a(), b());
    }

    /** Score {@code grad log p_t(x) = -eps / b}. */
    public INDArray score() {
        return Conversions.scoreFromEps(eps(), b());
    }

    /** Probability-flow velocity {@code u = aDot x0 + bDot eps} for the given derivative columns. */
    public INDArray velocity(INDArray aDot, INDArray bDot) {
        return Conversions.velocity(x0(), eps(), aDot, bDot);
    }

    /** The EqM gradient field; only for {@link Kind#FIELD}. */
    public INDArray field() {
        if (kind != Kind.FIELD) {
            throw new IllegalStateException("prediction is " + kind + ", not a gradient field");
        }
        return value.get();
    }

    /**
     * eps as row-major {@code [B, D]} Java values when a host kernel computed it there, else null: a sampler updating
     * the particles on the host reads it without an ND4J array being made. Read-only, like every accessor's result.
     */
    public double[] hostEps() {
        return hostEps;
    }

    /** {@code div eps-hat} per row [B, 1], or null when the model did not provide it. */
    public INDArray divergence() {
        return divergence == null ? null : divergence.get();
    }

    /** Whether the model provides {@link #divergence()} (without computing it). */
    public boolean hasDivergence() {
        return divergence != null;
    }

    private void requireTimed() {
        if (kind == Kind.FIELD) {
            throw new IllegalStateException("a time-free gradient field has no x0 / eps");
        }
    }

    /** An array already at hand. */
    private static Supplier<INDArray> held(INDArray array) {
        return () -> array;
    }

    /** A supplier evaluated at most once (predictions may be read from several threads). */
    private static final class Once implements Supplier<INDArray> {

        private Supplier<INDArray> source;
        private INDArray value;

        Once(Supplier<INDArray> source) {
            this.source = source;
        }

        @Override
        public synchronized INDArray get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
    }
}
