package io.diffusim.sampling;

import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.host.HostRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update {@code x' = cx x + ceps eps-hat + sigma z} shared by DDPM (docs/science.md §2.1) and DDIM (§2.2), z the
 * step's counter-based normals. When the model computed eps on the host ({@link Prediction#hostEps}) the update runs
 * there too, one pass over the particles' values and one ND4J array for the result, instead of several ND4J ops and
 * their temporaries; otherwise as ND4J ops. Both paths evaluate {@code (eps ceps + x cx) + z sigma} in that order with
 * one rounding per operation, so they give the same bits.
 */
public final class LinearUpdate {

    private LinearUpdate() {
    }

    /**
     * The new positions of a batch.
     *
     * @param sigma the noise scale; 0 draws no noise
     */
    public static INDArray of(SamplerState state, Prediction prediction, double cx, double cEps, double sigma,
                              NoiseSource noise, int dim) {
        double[] eps = prediction.hostEps();
        if (eps == null) {
            // the temporaries are closed at once: their native buffers would otherwise wait for a garbage collection
            INDArray next = prediction.eps().mul(cEps);
            try (INDArray scaled = state.x().mul(cx)) {
                next.addi(scaled);
            }
            if (sigma > 0) {
                try (INDArray z = noise.gaussian(state.particles(), dim, state.step(), 0)) {
                    next.addi(z.muli(sigma));
                }
            }
            return next;
        }
        double[] next = HostRows.read(state.x());
        if (next.length != eps.length) {
            throw new IllegalArgumentException("eps has " + eps.length + " values for " + next.length + " positions");
        }
        for (int k = 0; k < next.length; k++) {
            next[k] = eps[k] * cEps + next[k] * cx;
        }
        if (sigma > 0) {
            double[] z = noise.gaussianValues(state.particles(), dim, state.step(), 0);
            for (int k = 0; k < next.length; k++) {
                next[k] += z[k] * sigma;
            }
        }
        return HostRows.matrix(next, state.batch(), dim);
    }
}
