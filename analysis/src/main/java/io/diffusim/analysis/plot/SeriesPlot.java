package io.diffusim.analysis.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line plot of metric series against a common x axis, e.g. a metric per step (docs/user-guide.md {@code plots/}).
 * Non-finite values are drawn as gaps; a series with no finite value is left out.
 */
public final class SeriesPlot {

    /** Image width in pixels. */
    public static final int WIDTH = 800;
    /** Image height in pixels. */
    public static final int HEIGHT = 500;

    private SeriesPlot() {
    }

    /** Writes the PNG; every series must have {@code x.length} values. */
    public static void write(Path png, String title, String xLabel, double[] x, Map<String, double[]> series) throws IOException {
        write(png, title, xLabel, x, series, false);
    }

    /** As above, with a logarithmic x axis when {@code logX} (every x must then be > 0). */
    public static void write(Path png, String title, String xLabel, double[] x, Map<String, double[]> series, boolean logX)
            throws IOException {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x must contain at least one value");
        }
        if (logX && Arrays.stream(x).anyMatch(v -> !(v > 0))) {
            throw new IllegalArgumentException("a logarithmic x axis needs every x > 0");
        }
        XYChart chart = Charts.xyChart(WIDTH, HEIGHT, title, xLabel, "");
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(4);
        boolean any = false;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            if (y.length != x.length) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + y.length + " values, x has " + x.length);
            }
            double[] finite = y.clone();
            boolean hasFinite = false;
            for (int i = 0; i < finite.length; i++) {
                hasFinite |= Double.isFinite(finite[i]) && Double.isFinite(x[i]);
                finite[i] = Double.isFinite(finite[i]) ? finite[i] : Double.NaN;
            }
            if (hasFinite) {
                chart.addSeries(e.getKey(), x, finite).setMarker(x.length > 50 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                any = true;
            }
        }
        if (!any) {
            chart.setTitle((title == null ? "" : title) + " (no finite values)");
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        }
        Charts.save(chart, png);
    }
}
