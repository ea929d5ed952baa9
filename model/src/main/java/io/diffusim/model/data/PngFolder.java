package io.diffusim.model.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Images from a folder of PNG files (docs/spec-reference.md {@code data.kind = png}): the first n {@code *.png} in name
 * order, all grey (1 channel) or all colour (3 channels, RGB; alpha is ignored) and all of one size; a sample u of
 * bit depth k is mapped to {@code lo + (hi - lo) u / (2^k - 1)}. A file of another size or kind is named.
 */
public final class PngFolder {

    private PngFolder() {
    }

    /** The first n images of the folder (fewer if it has fewer). */
    public static Dataset read(Path dir, int n, double lo, double hi, DataFiles files) {
        Points.requireCount(n);
        ImageArrays.byteLevels(lo, hi);
        List<Path> images = files.list(dir, ".png");
        int count = Math.min(n, images.size());
        int[] shape = null;
        double[] values = null;
        for (int i = 0; i < count; i++) {
            Path file = images.get(i);
            BufferedImage image = decode(file, files);
            int[] own = {grey(image) ? 1 : 3, image.getHeight(), image.getWidth()};
            if (shape == null) {
                shape = own;
                values = new double[ImageArrays.valueCount(dir.toString(), count, shape)];
            } else if (own[0] != shape[0] || own[1] != shape[1] || own[2] != shape[2]) {
                throw new DataFormatException(file.toString(), describe(own) + ", but " + images.get(0).getFileName()
                        + " is " + describe(shape) + "; every image of a folder must have one size and kind");
            }
            pixels(image, own, lo, hi, values, i * own[0] * own[1] * own[2]);
        }
        return new Dataset(dir.toString(), Points.matrix(values, count, shape[0] * shape[1] * shape[2]), null, shape);
    }

    private static BufferedImage decode(Path file, DataFiles files) {
        try (InputStream in = files.open(file)) {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new DataFormatException(file.toString(), "not a readable PNG image");
            }
            return image;
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "not a readable PNG image (" + e.getMessage() + ")");
        }
    }

    private static boolean grey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1;
    }

    /** Writes the image channel-major at {@code offset}: grey from its one band, colour from its RGB (8 bits). */
    private static void pixels(BufferedImage image, int[] shape, double lo, double hi, double[] out, int offset) {
        int h = shape[1];
        int w = shape[2];
        if (shape[0] == 1) {
            Raster raster = image.getRaster();
            double max = (1L << image.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[offset + y * w + x] = lo + (hi - lo) * raster.getSample(x, y, 0) / max;
                }
            }
            return;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                for (int k = 0; k < 3; k++) {
                    int u = (rgb >> (16 - 8 * k)) & 0xff;
                    out[offset + (k * h + y) * w + x] = lo + (hi - lo) * u / 255.0;
                }
            }
        }
    }

    private static String describe(int[] shape) {
        return shape[1] + "x" + shape[2] + (shape[0] == 1 ? " grey" : " RGB");
    }
}
