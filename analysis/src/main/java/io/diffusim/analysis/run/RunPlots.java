package io.diffusim.analysis.run;

import io.diffusim.analysis.Matrices;
import io.diffusim.analysis.plot.ImageGrid;
import io.diffusim.analysis.plot.SampleScatter;
import io.diffusim.analysis.plot.SeriesPlot;
import io.diffusim.model.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The figures of a run's {@code plots/} (docs/user-guide.md): the samples (a scatter against the data for
 * vectors, over the first two coordinates when D > 2; an image grid for images) and one line plot per
 * metric series that has at least two records, and the denoiser agreements of a run against the noise level in one
 * plot ({@code denoiser-agreement.png}, docs/science.md §3.6 evaluation; logarithmic t when every t is > 0).
 */
final class RunPlots {

    private static final int GRID_COLUMNS = 8;
    private static final int SCATTER_SAMPLES = 10_000;
    private static final String AGREEMENT = "denoiser-agreement";

    private RunPlots() {
    }

    static void write(Path dir, String title, Dataset data, INDArray samples, Map<String, MetricRecorder.Series> series)
            throws IOException {
        if (data.imageShape() != null) {
            int[] shape = data.imageShape();
            INDArray shown = firstRows(samples, ImageGrid.MAX_IMAGES);
            ImageGrid.write(dir.resolve("samples.png"), Matrices.toMatrix(shown, "samples"), shape[0], shape[1], shape[2],
                    data.points().minNumber().doubleValue(), data.points().maxNumber().doubleValue(), GRID_COLUMNS);
        } else if (data.dimension() >= 2) {
            SampleScatter.write(dir.resolve("samples.png"), firstTwoColumns(data.points(), SampleScatter.MAX_DATA_POINTS),
                    firstTwoColumns(samples, SCATTER_SAMPLES), title);
        }
        agreementByNoiseLevel(dir, title, series);
        for (Map.Entry<String, MetricRecorder.Series> entry : series.entrySet()) {
            MetricRecorder.Series s = entry.getValue();
            if (s.steps().size() < 2) {
                continue;
            }
            double[] x = s.steps().stream().mapToDouble(Long::doubleValue).toArray();
            double[] y = s.values().stream().mapToDouble(Double::doubleValue).toArray();
            SeriesPlot.write(dir.resolve(entry.getKey() + ".png"), title + ": " + entry.getKey(), "step", x,
                    Map.of(s.metric(), y));
        }
    }

    /** Every denoiser-agreement series over the noise level t, if they share their times and have two records. */
    private static void agreementByNoiseLevel(Path dir, String title, Map<String, MetricRecorder.Series> series) throws IOException {
        List<MetricRecorder.Series> agreements = series.values().stream()
                .filter(s -> s.analysis().equals(AGREEMENT) && s.times().size() >= 2).toList();
        if (agreements.isEmpty() || agreements.stream().anyMatch(s -> !s.times().equals(agreements.get(0).times()))) {
            return;
        }
        double[] t = agreements.get(0).times().stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, double[]> lines = new LinkedHashMap<>();
        agreements.forEach(s -> lines.put(s.metric(), s.values().stream().mapToDouble(Double::doubleValue).toArray()));
        SeriesPlot.write(dir.resolve(AGREEMENT + ".png"), title + ": MSE between denoisers by noise level", "t", t, lines,
                Arrays.stream(t).allMatch(v -> v > 0));
    }

    private static INDArray firstRows(INDArray points, long rows) {
        return points.get(NDArrayIndex.interval(0, Math.min(rows, points.rows())), NDArrayIndex.all());
    }

    private static double[][] firstTwoColumns(INDArray points, long rows) {
        return Matrices.toMatrix(firstRows(points, rows).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)), "points");
    }
}
