package io.diffusim.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.TestPoints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    private static final int MNIST_SIDE = 28;
    private static final int GRID_COLUMNS = 8;

    @TempDir
    Path dir;

    @Test
    void shouldWriteASquareScatterPng() throws IOException {
        Path png = dir.resolve("plots/samples.png");
        double[][] samples = TestPoints.gaussian(1000, 2, null, 3);
        samples[5][0] = Double.NaN;
        SampleScatter.write(png, TestPoints.gaussian(20_000, 2, null, 4), samples, "moons");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(SampleScatter.SIZE);
        assertThat(image.getHeight()).isEqualTo(SampleScatter.SIZE);
    }

    @Test
    void shouldDrawDataAndSamplesInTwoColours() throws IOException {
        Path png = dir.resolve("two-colours.png");
        double[][] data = TestPoints.gaussian(500, 2, null, 5);
        double[][] samples = TestPoints.gaussian(500, 2, null, 6);
        for (double[] point : data) {
            point[0] -= 6;
        }
        for (double[] point : samples) {
            point[0] += 6;
        }
        SampleScatter.write(png, data, samples, "apart");
        BufferedImage image = ImageIO.read(png.toFile());
        int half = image.getWidth() / 2;
        // the data sit left of the middle, the samples right of it
        assertThat(count(image, SampleScatter.DATA_COLOR, 0, half)).isGreaterThan(500);
        assertThat(count(image, SampleScatter.SAMPLE_COLOR, half, image.getWidth())).isGreaterThan(500);
        assertThat(count(image, SampleScatter.DATA_COLOR, half + 40, image.getWidth())).isZero();
        assertThat(count(image, SampleScatter.SAMPLE_COLOR, 0, half - 40)).isLessThan(100);
    }

    /** Pixels in columns [from, to) within 40 of {@code color} in every channel. */
    private static int count(BufferedImage image, java.awt.Color color, int from, int to) {
        int n = 0;
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                java.awt.Color pixel = new java.awt.Color(image.getRGB(x, y));
                if (Math.abs(pixel.getRed() - color.getRed()) < 40 && Math.abs(pixel.getGreen() - color.getGreen()) < 40
                        && Math.abs(pixel.getBlue() - color.getBlue()) < 40) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void shouldWriteAnImageGridOfTheFirst64Images() throws IOException {
        Path png = dir.resolve("grid.png");
        double[][] images = new double[70][MNIST_SIDE * MNIST_SIDE];
        for (int n = 0; n < images.length; n++) {
            for (int p = 0; p < images[n].length; p++) {
                images[n][p] = Math.sin(n + p * 0.1);
            }
        }
        ImageGrid.write(png, images, 1, MNIST_SIDE, MNIST_SIDE, -1, 1, GRID_COLUMNS);
        BufferedImage image = ImageIO.read(png.toFile());
        int tile = MNIST_SIDE * ImageGrid.scale(MNIST_SIDE, MNIST_SIDE) + ImageGrid.PADDING;
        assertThat(ImageGrid.scale(MNIST_SIDE, MNIST_SIDE)).isEqualTo(2);
        assertThat(image.getWidth()).isEqualTo(ImageGrid.PADDING + GRID_COLUMNS * tile);
        assertThat(image.getHeight()).isEqualTo(ImageGrid.PADDING + (ImageGrid.MAX_IMAGES / GRID_COLUMNS) * tile);
        // Value 1 maps to white, -1 to black: image 0 pixel 0 is sin(0) = 0 → mid grey.
        assertThat(image.getRGB(ImageGrid.PADDING, ImageGrid.PADDING) & 0xFF).isEqualTo(128);
    }

    @Test
    void shouldWriteASeriesPlotEvenWithGapsAndEmptySeries() throws IOException {
        Path png = dir.resolve("kl.png");
        double[] x = {0, 1, 2, 3, 4};
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("kl", new double[] {1.0, 0.5, Double.NaN, 0.2, Double.POSITIVE_INFINITY});
        series.put("empty", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        SeriesPlot.write(png, "kl per step", "step", x, series);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(SeriesPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SeriesPlot.HEIGHT);

        Path nothing = dir.resolve("nothing.png");
        SeriesPlot.write(nothing, "all NaN", "step", x, Map.of("empty", series.get("empty")));
        assertThat(ImageIO.read(nothing.toFile())).isNotNull();
    }
}
