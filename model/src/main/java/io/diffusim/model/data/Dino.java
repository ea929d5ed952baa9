package io.diffusim.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Datasaurus "dino": n of its 142 points drawn with replacement, jittered by N(0, 0.15^2) in original units and
 * mapped by {@code x <- 4(x/54 - 1)}, {@code y <- 4(y/48 - 1)} (docs/science.md §7.1, Appendix A).
 */
public final class Dino {

    /** Rows of the Datasaurus dino table. */
    public static final int ROWS = 142;

    private static final String RESOURCE = "datasaurus-dino.tsv";
    private static final double JITTER_STD = 0.15;

    private Dino() {
    }

    /** n points from the seed; draw order: all indices, all x-noise, all y-noise. */
    public static Dataset generate(int n, long seed) {
        Points.requireCount(n);
        double[] table = points().points().data().asDouble();
        SplittableRandom random = new SplittableRandom(seed);
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = random.nextInt(ROWS);
        }
        double[] dx = Points.normal(random, n, JITTER_STD);
        double[] dy = Points.normal(random, n, JITTER_STD);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (table[2 * index[i]] + dx[i]) / 54 * 4 - 4;
            xy[2 * i + 1] = (table[2 * index[i] + 1] + dy[i]) / 48 * 4 - 4;
        }
        return new Dataset("dino", Points.matrix(xy, n, 2), null, null);
    }

    /** The 142 (x, y) points in original units and file order, read from the bundled table. */
    public static Dataset points() {
        try (InputStream in = Dino.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Dataset table = CsvDataset.parse(reader, RESOURCE, Integer.MAX_VALUE);
            INDArray xy = table.points();
            if (xy.rows() != ROWS || xy.columns() != 2) {
                throw new IllegalStateException(RESOURCE + " has " + xy.rows() + " x " + xy.columns()
                        + " values, expected " + ROWS + " x 2");
            }
            return new Dataset("dino-table", xy, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }
}
