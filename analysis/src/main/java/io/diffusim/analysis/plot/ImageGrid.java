package io.diffusim.analysis.plot;

import io.diffusim.analysis.output.OutputFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A grid of the first up to {@value #MAX_IMAGES} flattened images (channel-major {@code (c, h, w)}, as
 * {@code Dataset.imageShape}) written as a PNG (docs/user-guide.md {@code plots/}). Values in {@code [lo, hi]} map linearly
 * to 0..255 and are clamped outside it (NaN draws black); small images are enlarged by an integer factor.
 */
public final class ImageGrid {

    /** Most images drawn. */
    public static final int MAX_IMAGES = 64;
    /** Gap between tiles and around the grid, in pixels. */
    public static final int PADDING = 2;
    /** Tiles are enlarged by an integer factor until their longer side is at least this many pixels. */
    public static final int MIN_TILE = 56;

    private ImageGrid() {
    }

    /** Writes the PNG; {@code channels} is 1 (grey) or 3 (RGB) and every image has {@code channels·h·w} values. */
    public static void write(Path png, double[][] images, int channels, int h, int w, double lo, double hi, int cols) throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels = " + channels + " must be 1 or 3");
        }
        if (h < 1 || w < 1 || cols < 1) {
            throw new IllegalArgumentException("h = " + h + ", w = " + w + ", cols = " + cols + " must all be >= 1");
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("value range [" + lo + ", " + hi + "] is empty");
        }
        if (images == null || images.length == 0) {
            throw new IllegalArgumentException("images must contain at least one image");
        }
        int count = Math.min(images.length, MAX_IMAGES);
        int columns = Math.min(cols, count);
        int rows = (count + columns - 1) / columns;
        int scale = scale(h, w);
        BufferedImage grid = new BufferedImage(PADDING + columns * (w * scale + PADDING), PADDING + rows * (h * scale + PADDING),
                BufferedImage.TYPE_INT_RGB);
        for (int n = 0; n < count; n++) {
            if (images[n].length != channels * h * w) {
                throw new IllegalArgumentException("image " + n + " has " + images[n].length + " values, expected " + channels * h * w);
            }
            int left = PADDING + (n % columns) * (w * scale + PADDING);
            int top = PADDING + (n / columns) * (h * scale + PADDING);
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < w * scale; x++) {
                    int pixel = (y / scale) * w + x / scale;
                    int r = level(images[n][pixel], lo, hi);
                    int g = channels == 1 ? r : level(images[n][h * w + pixel], lo, hi);
                    int b = channels == 1 ? r : level(images[n][2 * h * w + pixel], lo, hi);
                    grid.setRGB(left + x, top + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        OutputFiles.createParent(png);
        if (!ImageIO.write(grid, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    /** The integer enlargement applied to {@code h × w} tiles. */
    public static int scale(int h, int w) {
        return Math.max(1, (MIN_TILE + Math.max(h, w) - 1) / Math.max(h, w));
    }

    private static int level(double value, double lo, double hi) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double unit = Math.min(1.0, Math.max(0.0, (value - lo) / (hi - lo)));
        return (int) Math.round(unit * 255.0);
    }
}
