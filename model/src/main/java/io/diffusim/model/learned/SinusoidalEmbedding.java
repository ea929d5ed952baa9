package io.diffusim.model.learned;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sinusoidal embedding of a scalar of docs/science.md §7.3: {@code half = size/2},
 * {@code omega_k = exp(-k ln(10000)/(half-1))}, {@code emb(u) = [sin(lambda u omega_0..), cos(lambda u omega_0..)]}.
 *
 * <p>The network evaluates the embedding as one product: the argument matrix maps each input column to
 * {@code lambda omega} twice, and a phase row adds pi/2 to the second half, since {@code cos z = sin(z + pi/2)}.
 * That turns the concatenation of sines and cosines into a GEMM, an add and a sine, with no copies.
 */
public final class SinusoidalEmbedding {

    /** Embedding width per scalar (docs/science.md §7.3). */
    public static final int SIZE = 128;

    private SinusoidalEmbedding() {
    }

    /** The frequencies omega_k, k = 0 .. size/2 - 1. */
    public static double[] frequencies(int size) {
        if (size < 4 || size % 2 != 0) {
            throw new IllegalArgumentException("embedding size must be even and >= 4, got " + size);
        }
        int half = size / 2;
        double[] omega = new double[half];
        for (int k = 0; k < half; k++) {
            omega[k] = Math.exp(-k * Math.log(10000.0) / (half - 1));
        }
        return omega;
    }

    /** The embedding of one scalar u at scale lambda, in double (the reference form, every sine then every cosine). */
    public static double[] embed(double u, double scale, int size) {
        double[] omega = frequencies(size);
        double[] emb = new double[size];
        for (int k = 0; k < omega.length; k++) {
            emb[k] = Math.sin(scale * u * omega[k]);
            emb[k + omega.length] = Math.cos(scale * u * omega[k]);
        }
        return emb;
    }

    /**
     * The argument matrix {@code [inputs, inputs*size]}: input column j feeds columns {@code j*size .. (j+1)*size-1}
     * with {@code scale*omega}, repeated for the sine and the cosine half.
     */
    public static INDArray argumentMatrix(int inputs, double scale, int size, DataType dataType) {
        double[] omega = frequencies(size);
        int half = size / 2;
        double[][] m = new double[inputs][inputs * size];
        for (int j = 0; j < inputs; j++) {
            for (int k = 0; k < half; k++) {
                m[j][j * size + k] = scale * omega[k];
                m[j][j * size + half + k] = scale * omega[k];
            }
        }
        return Nd4j.create(m).castTo(dataType);
    }

    /** The phase row {@code [1, inputs*size]}: 0 on the sine halves, pi/2 on the cosine halves. */
    public static INDArray phaseRow(int inputs, int size, DataType dataType) {
        double[] phase = new double[inputs * size];
        for (int j = 0; j < inputs; j++) {
            for (int k = size / 2; k < size; k++) {
                phase[j * size + k] = Math.PI / 2;
            }
        }
        return Nd4j.create(phase, new long[] {1, phase.length}).castTo(dataType);
    }

    /** Embeds every row of {@code u [B, inputs]} into {@code [B, inputs*size]} (a fresh array). */
    public static INDArray embed(INDArray u, double scale, int size) {
        DataType dataType = u.dataType();
        INDArray z = u.mmul(argumentMatrix((int) u.columns(), scale, size, dataType));
        z.addiRowVector(phaseRow((int) u.columns(), size, dataType));
        return org.nd4j.linalg.ops.transforms.Transforms.sin(z, false);
    }
}
