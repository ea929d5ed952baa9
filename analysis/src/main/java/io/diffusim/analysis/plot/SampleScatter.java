package io.diffusim.analysis.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Scatter plot of 2-D samples over the data (docs/user-guide.md {@code plots/}): data evenly subsampled to at most
 * {@value #MAX_DATA_POINTS} points as orange crosses over the samples as blue dots, with a legend and labelled axes,
 * both axes over the same range so shapes are not distorted. Non-finite points (diverged particles) are left out.
 */
public final class SampleScatter {

    /** Image width and height in pixels. */
    public static final int SIZE = 800;
    /** Most data points drawn. */
    public static final int MAX_DATA_POINTS = 5_000;

    /** The samples' colour (blue) and the data's (orange), told apart also in grey print by their markers. */
    static final Color SAMPLE_COLOR = new Color(31, 119, 180);
    static final Color DATA_COLOR = new Color(230, 85, 13);

    private static final double MARGIN = 0.05;

    private SampleScatter() {
    }

    /** Writes the PNG; {@code data2d} may be null; only the first two columns of each row are used. */
    public static void write(Path png, double[][] data2d, double[][] samples2d, String title) throws IOException {
        if (samples2d == null) {
            throw new IllegalArgumentException("samples2d must not be null");
        }
        double[][] data = finiteRows(data2d == null ? new double[0][] : data2d, MAX_DATA_POINTS);
        double[][] samples = finiteRows(samples2d, Integer.MAX_VALUE);
        XYChart chart = Charts.xyChart(SIZE, SIZE, title, "x0", "x1");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        // Legend inside the plot keeps the plot area close to square, so equal ranges mean equal scales.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        setSquareRange(chart, data, samples);
        // samples first, the data's crosses over them: a sample that copies a training point shows as a blue dot
        // under an orange cross, so memorisation is visible rather than one colour hiding the other
        if (samples[0].length > 0) {
            chart.addSeries("samples (" + samples[0].length + ")", samples[0], samples[1])
                    .setMarker(SeriesMarkers.CIRCLE).setMarkerColor(SAMPLE_COLOR);
        }
        if (data[0].length > 0) {
            chart.addSeries("data (" + data[0].length + " shown)", data[0], data[1])
                    .setMarker(SeriesMarkers.CROSS).setMarkerColor(DATA_COLOR);
        }
        Charts.save(chart, png);
    }

    // Columns {x, y} of the finite rows, evenly strided down to at most `limit` rows.
    private static double[][] finiteRows(double[][] points, int limit) {
        double[] xs = new double[points.length];
        double[] ys = new double[points.length];
        int count = 0;
        long stride = Math.max(1, (points.length + (long) limit - 1) / limit);
        for (int i = 0; i < points.length; i += (int) stride) {
            if (points[i].length < 2) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " coordinates, need 2");
            }
            if (Double.isFinite(points[i][0]) && Double.isFinite(points[i][1])) {
                xs[count] = points[i][0];
                ys[count++] = points[i][1];
            }
        }
        return new double[][] {Arrays.copyOf(xs, count), Arrays.copyOf(ys, count)};
    }

    private static void setSquareRange(XYChart chart, double[][] data, double[][] samples) {
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[][] set : new double[][][] {data, samples}) {
            for (int i = 0; i < set[0].length; i++) {
                box[0] = Math.min(box[0], set[0][i]);
                box[1] = Math.max(box[1], set[0][i]);
                box[2] = Math.min(box[2], set[1][i]);
                box[3] = Math.max(box[3], set[1][i]);
            }
        }
        if (box[0] > box[1]) {
            box = new double[] {-1, 1, -1, 1};
        }
        double half = Math.max(Math.max(box[1] - box[0], box[3] - box[2]) / 2 * (1 + MARGIN), 1e-9);
        double cx = (box[0] + box[1]) / 2;
        double cy = (box[2] + box[3]) / 2;
        chart.getStyler().setXAxisMin(cx - half).setXAxisMax(cx + half).setYAxisMin(cy - half).setYAxisMax(cy + half);
    }
}
