package io.diffusim.model.denoise;

/**
 * PSPC-Flex's sensitivity heat maps (docs/science.md §3.6): for each noise level of the tau schedule and each pixel p
 * of an {@code H x W} image, a non-negative map {@code h_{t,p}} over the image's pixels (row-major, all channels share it).
 */
public interface HeatMaps {

    int height();

    int width();

    /** The map of pixel {@code p = y W + x} at schedule entry {@code level}: {@code H W} values, >= 0, not all 0. */
    double[] map(int level, int pixel);
}
