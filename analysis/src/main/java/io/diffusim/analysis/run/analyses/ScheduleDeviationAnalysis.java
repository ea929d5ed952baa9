package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.deviation.DenoiserSigmaField;
import io.diffusim.analysis.deviation.DivergenceMode;
import io.diffusim.analysis.deviation.ScheduleDeviation;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.host.HostRows;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The schedule deviation of a run's model from its own final samples (docs/science.md §4.1-4.2; one condition, the
 * run's): the first {@code kdeSamples} samples are the KDE centres, the model is the run's denoiser in sigma-space
 * ({@link DenoiserSigmaField}), and the levels are 9 noise levels log-spaced over the process's own range, clipped to
 * the reference's [0.01, 35]. Records SI per level (metric {@code si}, step = level index, t = sigma) and
 * summarises the mean over the levels, the mean over levels 2..6 and the schedule-time integral.
 */
public final class ScheduleDeviationAnalysis implements RunAnalysis {

    /** The reference's evaluation range and count (gen[::8] of its 64-step grid: 35 ... 0.01). */
    static final double SIGMA_MAX = 35;
    static final double SIGMA_MIN = 0.01;
    static final int LEVELS = 9;

    private final DenoiserSigmaField field;
    private final int kdeSamples;
    private final int probes;
    private final DivergenceMode mode;
    private final long seed;
    private ScheduleDeviation.Result result;

    public ScheduleDeviationAnalysis(Denoiser denoiser, int kdeSamples, int probes, DivergenceMode mode, long seed) {
        this.field = new DenoiserSigmaField(denoiser);
        this.kdeSamples = kdeSamples;
        this.probes = probes;
        this.mode = mode;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "schedule-deviation";
    }

    /** 9 levels, descending, log-spaced over the process's noise range within [0.01, 35]. */
    double[] levels() {
        double top = Math.min(SIGMA_MAX, field.sigma(field.time(Double.POSITIVE_INFINITY)));
        double bottom = Math.max(SIGMA_MIN, field.sigmaAtStart());
        double[] levels = new double[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            levels[i] = top * Math.pow(bottom / top, i / (LEVELS - 1.0));
        }
        return levels;
    }

    @Override
    public void onFinish(INDArray samples, int finalStep, MetricSink sink) {
        int n = (int) Math.min(kdeSamples, samples.rows());
        double[] centres = HostRows.read(samples.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup());
        // its own stream: the run's noise is not touched, so adding the analysis changes no sample
        result = ScheduleDeviation.measure(field, centres, n, new ScheduleDeviation.Settings(levels(), probes, mode),
                new SplittableRandom(seed ^ 0x5DL));
        for (int level = 0; level < result.sigmas().length; level++) {
            sink.put(name(), "si", level, result.sigmas()[level], result.si()[level].result());
        }
    }

    @Override
    public Map<String, Double> summary() {
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("sd", result == null ? Double.NaN : result.mean());
        summary.put("sd-middle", result == null ? Double.NaN : result.mean(2, 6));
        summary.put("sd-schedule-integral", result == null ? Double.NaN : result.scheduleIntegral());
        return summary;
    }
}
