package io.diffusim.model.denoise;

import io.diffusim.model.data.Dataset;
import io.diffusim.model.process.ForwardProcess;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test-local processes, requests and finite-difference oracles for the closed-form denoiser tests. */
final class DenoiserFixtures {

    private DenoiserFixtures() {
    }

    /** A process with the given coefficient functions of t. */
    static ForwardProcess process(DoubleUnaryOperator a, DoubleUnaryOperator b) {
        return new ForwardProcess() {
            @Override
            public double a(double t) {
                return a.applyAsDouble(t);
            }

            @Override
            public double b(double t) {
                return b.applyAsDouble(t);
            }

            @Override
            public double aDot(double t) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double bDot(double t) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double tMin() {
                return 0;
            }

            @Override
            public double tMax() {
                return 100;
            }
        };
    }

    /** VE: a = 1, b = t = sigma. */
    static ForwardProcess ve() {
        return process(t -> 1, t -> t);
    }

    /** Continuous VP-like: a = cos(t), b = sin(t) for t in (0, pi/2). */
    static ForwardProcess vp() {
        return process(Math::cos, Math::sin);
    }

    /** Constant coefficients: every t maps to (a, b). */
    static ForwardProcess constant(double a, double b) {
        return process(t -> a, t -> b);
    }

    static INDArray matrix(double[][] rows) {
        int cols = rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return Nd4j.create(flat, new long[] {rows.length, cols}, DataType.DOUBLE);
    }

    static INDArray column(double... values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
    }

    /** Standard normal entries scaled, from an explicit seed. */
    static INDArray gaussian(SplittableRandom random, int rows, int cols, double scale) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * normal(random);
        }
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
    }

    static double normal(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Times drawn uniformly in [lo, hi] per row, as a [B, 1] column. */
    static INDArray times(SplittableRandom random, int rows, double lo, double hi) {
        double[] t = new double[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = lo + (hi - lo) * random.nextDouble();
        }
        return column(t);
    }

    /** Central-difference divergence of eps-hat per row (step h in every coordinate, all rows at once). */
    static double[] centralDifferenceDivergence(Denoiser denoiser, INDArray x, INDArray t, double h) {
        double[] divergence = new double[(int) x.rows()];
        for (int k = 0; k < x.columns(); k++) {
            INDArray plus = x.dup();
            plus.getColumn(k).addi(h);
            INDArray minus = x.dup();
            minus.getColumn(k).subi(h);
            INDArray epsPlus = denoiser.evaluate(new EvalRequest(plus, t, null)).eps();
            INDArray epsMinus = denoiser.evaluate(new EvalRequest(minus, t, null)).eps();
            for (int i = 0; i < divergence.length; i++) {
                divergence[i] += (epsPlus.getDouble(i, k) - epsMinus.getDouble(i, k)) / (2 * h);
            }
        }
        return divergence;
    }

    /** Evaluates every row on its own and stacks the posterior means and divergences: [B, D + 1]. */
    static INDArray rowByRow(Denoiser denoiser, INDArray x, INDArray t) {
        INDArray out = Nd4j.zeros(DataType.DOUBLE, x.rows(), x.columns() + 1);
        for (int i = 0; i < x.rows(); i++) {
            Prediction p = denoiser.evaluate(new EvalRequest(x.getRow(i, true).dup(), t.getRow(i, true).dup(), null));
            out.getRow(i, true).assign(withDivergence(p));
        }
        return out;
    }

    /** [x0, div] side by side ([B, D + 1]); divergence column of zeros when absent. */
    static INDArray withDivergence(Prediction p) {
        INDArray div = p.divergence() == null ? Nd4j.zeros(DataType.DOUBLE, p.x0().rows(), 1) : p.divergence();
        return Nd4j.hstack(p.x0(), div);
    }

    /** Largest absolute entry difference. */
    static double maxAbsDiff(INDArray expected, INDArray actual) {
        return expected.sub(actual).amaxNumber().doubleValue();
    }

    /** n random images in [-1, 1] of shape (channels, height, width). */
    static Dataset randomImages(SplittableRandom random, int n, int channels, int height, int width) {
        double[][] rows = new double[n][channels * height * width];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * random.nextDouble() - 1;
            }
        }
        return new Dataset("random", matrix(rows), null, new int[] {channels, height, width});
    }
}
