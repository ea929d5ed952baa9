package io.diffusim.analysis.plot;

import io.diffusim.analysis.output.OutputFiles;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Shared XChart set-up and PNG output for the plot writers (headless AWT: no display is needed). */
final class Charts {

    private Charts() {
    }

    static XYChart xyChart(int width, int height, String title, String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    /** Writes the chart as a PNG exactly at {@code png} (XChart's path variant would append an extension). */
    static void save(XYChart chart, Path png) throws IOException {
        OutputFiles.createParent(png);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
