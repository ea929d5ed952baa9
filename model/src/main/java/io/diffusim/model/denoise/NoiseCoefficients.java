package io.diffusim.model.denoise;

import io.diffusim.model.host.HostRows;
import io.diffusim.model.process.ForwardProcess;
import java.util.function.DoubleBinaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-row coefficients a(t), b(t) of {@code x_t = a x_0 + b eps} (docs/science.md §1.1) for one batch, as
 * Java values and as float64 {@code [B, 1]} columns, shared by the closed-form denoisers of docs/science.md §3.
 */
public final class NoiseCoefficients {

    private final double[] a;
    private final double[] b;
    // made on first use: the fused host kernels read the Java values only
    private INDArray aColumn;
    private INDArray bColumn;

    private NoiseCoefficients(double[] a, double[] b) {
        this.a = a;
        this.b = b;
    }

    /** Reads each row's time from the request; rejects a missing time, a < 0 and b <= 0 (undefined posterior). */
    public static NoiseCoefficients of(ForwardProcess process, EvalRequest request) {
        if (request.t() == null) {
            throw new IllegalArgumentException("a closed-form denoiser needs a time per row; the request has none");
        }
        double[] times = HostRows.read(request.t());
        double[] a = new double[times.length];
        double[] b = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            // a sampler's batch shares one time: a(t) and b(t) are pure, so a repeated time reuses them
            boolean repeated = i > 0 && Double.doubleToRawLongBits(times[i]) == Double.doubleToRawLongBits(times[i - 1]);
            a[i] = repeated ? a[i - 1] : process.a(times[i]);
            b[i] = repeated ? b[i - 1] : process.b(times[i]);
            if (!(b[i] > 0) || !Double.isFinite(b[i]) || !(a[i] >= 0) || !Double.isFinite(a[i])) {
                throw new IllegalArgumentException("row " + i + " at t=" + times[i] + " has a=" + a[i] + ", b=" + b[i]
                        + "; closed-form posteriors need a >= 0 and b > 0");
            }
        }
        return new NoiseCoefficients(a, b);
    }

    /** The coefficients of the given rows only, in that order. */
    public NoiseCoefficients rows(int[] rows) {
        double[] subA = new double[rows.length];
        double[] subB = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            subA[i] = a[rows[i]];
            subB[i] = b[rows[i]];
        }
        return new NoiseCoefficients(subA, subB);
    }

    /** Rows in the batch. */
    public int batch() {
        return a.length;
    }

    /** a(t) of row i. */
    public double a(int row) {
        return a[row];
    }

    /** b(t) of row i. */
    public double b(int row) {
        return b[row];
    }

    /** a per row [B, 1]; read-only. */
    public synchronized INDArray a() {
        if (aColumn == null) {
            aColumn = kept(a);
        }
        return aColumn;
    }

    /** b per row [B, 1]; read-only. */
    public synchronized INDArray b() {
        if (bColumn == null) {
            bColumn = kept(b);
        }
        return bColumn;
    }

    /** A fresh [B, 1] column f(a_i, b_i), e.g. {@code (a, b) -> a / (b * b)}. */
    public INDArray column(DoubleBinaryOperator f) {
        double[] values = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            values[i] = f.applyAsDouble(a[i], b[i]);
        }
        return column(values);
    }

    /** {@code div eps-hat = D/b - (a^2/b^3) tr Cov[x0 | x]} per row (docs/science.md §3.1), from tr Cov [B, 1]. */
    public INDArray divergenceOfEps(int dimension, INDArray traceCov) {
        return traceCov.mulColumnVector(column((ai, bi) -> -ai * ai / (bi * bi * bi)))
                .addiColumnVector(column((ai, bi) -> dimension / bi));
    }

    /** A column kept for the coefficients' life: outside any workspace a pass of the caller may have open. */
    private static INDArray kept(double[] values) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return column(values);
        }
    }

    private static INDArray column(double[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
    }
}
