package io.diffusim.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One analysis of a run (docs/spec-reference.md {@code analyses}), one record per kind; each writes metric series
 * and the summary values named {@code <kind>.<metric>}.
 */
public sealed interface AnalysisSpec {

    /** The kinds of analysis, spelled as in the spec ({@code nearest-neighbour}, ...). */
    enum Kind { KL, NEAREST_NEIGHBOUR, NOISE_POSTERIOR, SCHEDULE_DEVIATION, PAIRED, DENOISER_AGREEMENT, W1 }

    /** How the divergence term of the schedule deviation is estimated (docs/science.md §4.2). */
    enum Divergence { RANDOM_DIAGONAL, EXACT_TRACE, NONE }

    Kind kind();

    /** KL(data || samples) by the k-NN estimator of docs/science.md §7.5, in units of log {@code base}. */
    record Kl(int k, double base) implements AnalysisSpec {
        public Kind kind() {
            return Kind.KL;
        }
    }

    /** Distance of each sample to its nearest training point; copied = closer than copyRatio times the median NN spacing. */
    record NearestNeighbour(double copyRatio) implements AnalysisSpec {
        public Kind kind() {
            return Kind.NEAREST_NEIGHBOUR;
        }
    }

    /** p(t | x_t) along the trajectory (docs/science.md §3.4, §6). */
    record NoisePosterior(TimePosteriorSpec posterior) implements AnalysisSpec {
        public NoisePosterior {
            Objects.requireNonNull(posterior, "posterior");
        }

        public Kind kind() {
            return Kind.NOISE_POSTERIOR;
        }
    }

    /** Schedule deviation (docs/science.md §4.2) with N = kdeSamples KDE centres and n_div = probes divergence probes. */
    record ScheduleDeviation(int kdeSamples, int probes, Divergence divergence) implements AnalysisSpec {
        public ScheduleDeviation {
            Objects.requireNonNull(divergence, "divergence");
        }

        public Kind kind() {
            return Kind.SCHEDULE_DEVIATION;
        }
    }

    /**
     * A second trajectory on shared noise (docs/science.md §5.4) with this sampler and model; whichever the
     * spec does not give is the run's own.
     */
    record Paired(SamplerSpec sampler, ModelSpec model) implements AnalysisSpec {
        public Paired {
            Objects.requireNonNull(sampler, "sampler");
            Objects.requireNonNull(model, "model");
        }

        public Kind kind() {
            return Kind.PAIRED;
        }
    }

    /**
     * MSE between the run's denoiser and this one along the path (docs/science.md §3.6 evaluation); its metric is
     * {@code mse}, or {@code mse-<label>} with a label, so that several comparisons in one run keep apart.
     */
    record DenoiserAgreement(ModelSpec model, Optional<String> label) implements AnalysisSpec {
        public DenoiserAgreement {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(label, "label");
        }

        /** Without a label. */
        public DenoiserAgreement(ModelSpec model) {
            this(model, Optional.empty());
        }

        public Kind kind() {
            return Kind.DENOISER_AGREEMENT;
        }
    }

    /** Exact W1 (Hungarian, docs/science.md §4.4) between {@code subsample} samples and as many reference points. */
    record W1(int subsample) implements AnalysisSpec {
        public Kind kind() {
            return Kind.W1;
        }
    }
}
