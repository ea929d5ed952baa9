package io.diffusim.model.learned;

/**
 * Cosine annealing of the learning rate to 0 over the run (docs/science.md §7.3; PyTorch's {@code CosineAnnealingLR}
 * with {@code T_max = steps}, stepped once per optimiser step): {@code lr_k = lr_0 (1 + cos(pi k / steps)) / 2}
 * for the k-th step, k = 0 .. steps - 1.
 */
public record CosineDecay(double initialLr, int steps) {

    public CosineDecay {
        if (!(initialLr > 0) || steps < 1) {
            throw new IllegalArgumentException("cosine decay needs lr > 0 and steps >= 1, got " + initialLr + ", " + steps);
        }
    }

    /** The learning rate of step k (0-based). */
    public double lr(long k) {
        return initialLr * 0.5 * (1 + Math.cos(Math.PI * k / steps));
    }
}
