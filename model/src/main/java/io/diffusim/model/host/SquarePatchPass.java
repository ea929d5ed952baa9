package io.diffusim.model.host;

import java.util.Arrays;

/**
 * PSPC-Square's posterior mean for one particle (docs/science.md §3.6) in passes over the training images, with no
 * crop of the data ever copied. A square M of side P has the log-weight {@code -||a c_j[M] - x[M]||^2 / (2 b^2)} on
 * image j; its distance is a box sum of the per-pixel squared differences e_j, formed separably (P-wide sums along
 * each pixel row, then P of those down each column), so one image costs O(H W P) instead of O(squares P^2). After a
 * softmax over the images for each square, the per-pixel average of the squares' means is
 * {@code (1/n_p) sum_j c_j[p] W_j(p)} with {@code W_j(p)} the summed weights of image j over the squares covering p,
 * box-summed the same way. Every sum is of terms of one sign, so no prefix-sum cancellation enters the small-noise
 * logits. An image whose weight underflows to 0 in every square is skipped (it adds exact zeros).
 *
 * <p>The arithmetic of a row is fixed, so a particle's bits depend neither on its batch nor on the thread; each
 * thread keeps its scratch arrays between calls. Immutable and thread-safe.
 */
public final class SquarePatchPass {

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final double[] images;
    private final int count;
    private final int channels;
    private final int height;
    private final int width;

    /**
     * @param images row-major {@code [n, C, H, W]} values of the training images
     */
    public SquarePatchPass(double[] images, int count, int channels, int height, int width) {
        if (count < 1 || channels < 1 || height < 1 || width < 1
                || images.length != (long) count * channels * height * width) {
            throw new IllegalArgumentException("need " + count + " x " + channels + " x " + height + " x " + width
                    + " image values, got " + images.length);
        }
        this.images = images;
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** C H W. */
    public int dimension() {
        return channels * height * width;
    }

    /**
     * Writes the composite posterior mean of row {@code r} of {@code x} into the same row of {@code x0}.
     *
     * @param size the side P of the squares
     * @param rowsAt the squares' top rows (strictly increasing, each {@code <= H - P}, covering every row)
     * @param columnsAt their left columns, likewise
     */
    public void row(double[] x, int r, double a, double b, int size, int[] rowsAt, int[] columnsAt, double[] x0) {
        int pixels = height * width;
        int dimension = channels * pixels;
        int squaresDown = rowsAt.length;
        int squaresAcross = columnsAt.length;
        int squares = squaresDown * squaresAcross;
        Scratch s = SCRATCH.get().fit(count * squares, pixels, height * squaresAcross, squaresDown * width, dimension,
                squares);
        Cover rows = Cover.of(rowsAt, size, height);
        Cover columns = Cover.of(columnsAt, size, width);
        double scale = -1 / (2 * b * b);
        int xOffset = r * dimension;

        for (int j = 0; j < count; j++) {
            squaredDifferences(x, xOffset, j, a, s.difference);
            boxSums(s.difference, size, rowsAt, columnsAt, s.across, s.logits, j * squares, scale);
        }
        Arrays.fill(s.max, 0, squares, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < count; j++) {
            for (int k = 0; k < squares; k++) {
                s.max[k] = Math.max(s.max[k], s.logits[j * squares + k]);
            }
        }
        Arrays.fill(s.total, 0, squares, 0.0);
        for (int j = 0; j < count; j++) {
            for (int k = 0; k < squares; k++) {
                double w = HostExp.exp(s.logits[j * squares + k] - s.max[k]);
                s.logits[j * squares + k] = w;
                s.total[k] += w;
            }
        }
        for (int k = 0; k < squares; k++) {
            s.total[k] = 1 / s.total[k];
        }

        Arrays.fill(s.mean, 0, dimension, 0.0);
        for (int j = 0; j < count; j++) {
            if (coveringWeights(s, j * squares, squares, squaresAcross, rows, columns)) {
                int image = j * dimension;
                for (int c = 0; c < channels; c++) {
                    for (int q = 0; q < pixels; q++) {
                        s.mean[c * pixels + q] += images[image + c * pixels + q] * s.cover[q];
                    }
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            for (int q = 0; q < pixels; q++) {
                int i = q / width;
                int col = q % width;
                x0[xOffset + c * pixels + q] = s.mean[c * pixels + q] / (rows.count(i) * columns.count(col));
            }
        }
    }

    /** e[q] = sum_c (a c_j[c, q] - x[c, q])^2. */
    private void squaredDifferences(double[] x, int xOffset, int j, double a, double[] e) {
        int pixels = height * width;
        int image = j * channels * pixels;
        Arrays.fill(e, 0, pixels, 0.0);
        for (int c = 0; c < channels; c++) {
            for (int q = 0; q < pixels; q++) {
                double d = a * images[image + c * pixels + q] - x[xOffset + c * pixels + q];
                e[q] += d * d;
            }
        }
    }

    /** The scaled distance of every square, {@code logits[at + iu * across + iv]}. */
    private void boxSums(double[] e, int size, int[] rowsAt, int[] columnsAt, double[] across, double[] logits,
            int at, double scale) {
        int squaresAcross = columnsAt.length;
        for (int i = 0; i < height; i++) {
            for (int iv = 0; iv < squaresAcross; iv++) {
                int from = i * width + columnsAt[iv];
                double sum = 0;
                for (int t = 0; t < size; t++) {
                    sum += e[from + t];
                }
                across[i * squaresAcross + iv] = sum;
            }
        }
        for (int iu = 0; iu < rowsAt.length; iu++) {
            for (int iv = 0; iv < squaresAcross; iv++) {
                double sum = 0;
                for (int t = 0; t < size; t++) {
                    sum += across[(rowsAt[iu] + t) * squaresAcross + iv];
                }
                logits[at + iu * squaresAcross + iv] = sum * scale;
            }
        }
    }

    /**
     * {@code cover[p] = W_j(p)}, the normalised weights of image j summed over the squares covering p; false when
     * every weight of the image is 0 (then it adds nothing and cover is left as it was).
     */
    private boolean coveringWeights(Scratch s, int at, int squares, int squaresAcross, Cover rows, Cover columns) {
        boolean any = false;
        for (int k = 0; k < squares; k++) {
            double w = s.logits[at + k] * s.total[k];
            s.weight[k] = w;
            any |= w != 0;
        }
        if (!any) {
            return false;
        }
        int squaresDown = squares / squaresAcross;
        for (int iu = 0; iu < squaresDown; iu++) {
            for (int col = 0; col < width; col++) {
                double sum = 0;
                for (int iv = columns.first(col); iv <= columns.last(col); iv++) {
                    sum += s.weight[iu * squaresAcross + iv];
                }
                s.down[iu * width + col] = sum;
            }
        }
        for (int i = 0; i < height; i++) {
            for (int col = 0; col < width; col++) {
                double sum = 0;
                for (int iu = rows.first(i); iu <= rows.last(i); iu++) {
                    sum += s.down[iu * width + col];
                }
                s.cover[i * width + col] = sum;
            }
        }
        return true;
    }

    /** For each pixel row (or column), the first and last square holding it. */
    private record Cover(int[] first, int[] last) {

        static Cover of(int[] starts, int size, int side) {
            int[] first = new int[side];
            int[] last = new int[side];
            Arrays.fill(first, -1);
            for (int k = 0; k < starts.length; k++) {
                for (int i = starts[k]; i < starts[k] + size; i++) {
                    if (first[i] < 0) {
                        first[i] = k;
                    }
                    last[i] = k;
                }
            }
            for (int i = 0; i < side; i++) {
                if (first[i] < 0) {
                    throw new IllegalArgumentException("no square of side " + size + " covers pixel " + i);
                }
            }
            return new Cover(first, last);
        }

        int first(int i) {
            return first[i];
        }

        int last(int i) {
            return last[i];
        }

        int count(int i) {
            return last[i] - first[i] + 1;
        }
    }

    /** A thread's work arrays, grown as needed and kept. */
    private static final class Scratch {
        double[] logits = new double[0];
        double[] difference = new double[0];
        double[] across = new double[0];
        double[] down = new double[0];
        double[] cover = new double[0];
        double[] mean = new double[0];
        double[] max = new double[0];
        double[] total = new double[0];
        double[] weight = new double[0];

        Scratch fit(int logitValues, int pixels, int acrossValues, int downValues, int dimension, int squares) {
            logits = grown(logits, logitValues);
            difference = grown(difference, pixels);
            cover = grown(cover, pixels);
            across = grown(across, acrossValues);
            down = grown(down, downValues);
            mean = grown(mean, dimension);
            max = grown(max, squares);
            total = grown(total, squares);
            weight = grown(weight, squares);
            return this;
        }

        private static double[] grown(double[] array, int length) {
            return array.length >= length ? array : new double[length];
        }
    }
}
