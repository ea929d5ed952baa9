package io.diffusim.model.denoise;

/**
 * The heat maps PSPC-Flex uses when none are given (docs/science.md §3.6): an isotropic Gaussian around the pixel,
 * {@code h_{t,p}(q) = exp(-||q - p||^2 / (2 s^2))} in pixel units, the same at every noise level.
 */
public final class GaussianHeatMaps implements HeatMaps {

    /** The paper's assumed spread, in pixels. */
    public static final double DEFAULT_STD = 2;

    private final int height;
    private final int width;
    private final double std;

    public GaussianHeatMaps(int height, int width, double std) {
        if (height < 1 || width < 1 || !(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("need an image of at least 1x1 and a finite std > 0, got " + height + "x"
                    + width + " and " + std);
        }
        this.height = height;
        this.width = width;
        this.std = std;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public double[] map(int level, int pixel) {
        int py = pixel / width;
        int px = pixel % width;
        double[] heat = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double squared = (double) (y - py) * (y - py) + (double) (x - px) * (x - px);
                heat[y * width + x] = Math.exp(-squared / (2 * std * std));
            }
        }
        return heat;
    }
}
