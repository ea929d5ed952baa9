package io.diffusim.sampling;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The whole state of a batch of particles between two model evaluations: positions {@code x [B, D]},
 * the global ids of the particles (their noise counters), the step index and sub-step, the number
 * of model evaluations so far, and sampler-specific arrays ({@code aux}, e.g. a Heun first slope,
 * the previous iterate for Nesterov, per-particle stop steps), all of which a checkpoint saves.
 *
 * <p>Treated as immutable: a sampler never mutates the arrays of a state it was given.
 */
public record SamplerState(INDArray x, long[] particles, int step, int subStep, long nfe, Map<String, INDArray> aux) {

    /** Aux key of a per-particle evaluation count {@code [B, 1]}, for samplers that stop particles early. */
    public static final String PER_PARTICLE_NFE = "nfe";

    public SamplerState {
        aux = Map.copyOf(aux);
    }

    /** Number of particles in the batch. */
    public int batch() {
        return particles.length;
    }

    /** Model evaluations summed over the batch's particles (each particle counts the evaluations it used). */
    public double nfeTotal() {
        INDArray perParticle = aux.get(PER_PARTICLE_NFE);
        return perParticle == null ? (double) nfe * particles.length : perParticle.sumNumber().doubleValue();
    }

    /** The named auxiliary array, or null. */
    public INDArray aux(String name) {
        return aux.get(name);
    }
}
