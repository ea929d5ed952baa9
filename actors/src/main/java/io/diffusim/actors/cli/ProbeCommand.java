package io.diffusim.actors.cli;

import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.config.TimePosteriorSpec;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.posterior.EffectiveTarget;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code probe SPEC --points IN.csv --t T --out OUT.csv [--posterior-t]}: evaluates the spec's model once
 * at the given points (docs/user-guide.md "Probing a denoiser"), at --t or at each row's own time from a column t of IN.csv. The spec's analyses are not read: probe runs none.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Evaluate SPEC's model at the points of IN.csv and write x0_*, eps_*, score_* (and t_mean, t_var,"
                + " effective_target_error with --posterior-t) to OUT.csv.")
final class ProbeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Run spec (HOCON); its data, process and model are used.")
    Path spec;

    @Option(names = "--points", required = true, paramLabel = "IN.csv", description = "Points, header x0..x{d-1}; an optional column t gives each row its own noise level.")
    Path points;

    @Option(names = "--t", paramLabel = "T", description = "Noise level in the process's own time (vp: timestep index), for every row.")
    Double t;

    @Option(names = "--posterior-t", description = "Also write the posterior of the noise level given only the point.")
    boolean posteriorT;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Output CSV.")
    Path out;

    @Override
    public Integer call() throws Exception {
        RunSpec run = SpecLoader.loadWithoutAnalyses(spec);
        ProbePoints.Input input = ProbePoints.read(points);
        INDArray x = input.x();
        CliRuntime.init();
        Dataset data = Datasets.from(run.data(), run.seed());
        if (x.columns() != data.dimension()) {
            throw new BadInputException("--points " + points + " has " + x.columns() + " columns, but the spec's data has dimension "
                    + data.dimension());
        }
        ForwardProcess process = Processes.from(run.process());
        List<String> header = new ArrayList<>();
        List<INDArray> blocks = new ArrayList<>();
        if (t != null || !posteriorT || input.times() != null) {
            INDArray column = times(run, input);
            Prediction prediction = Denoisers.from(run.model(), run, data, process).evaluate(new EvalRequest(x, column, null));
            if (prediction.kind() == Prediction.Kind.FIELD) {
                add(header, blocks, "field_", prediction.field());
            } else {
                add(header, blocks, "x0_", prediction.x0());
                add(header, blocks, "eps_", prediction.eps());
                add(header, blocks, "score_", prediction.score());
            }
        }
        if (posteriorT) {
            EffectiveTarget target = Denoisers.noiseUnconditional(posteriorSpec(run), run, data, process).effectiveTarget(x);
            header.addAll(List.of("t_mean", "t_var", "effective_target_error"));
            blocks.add(target.moments().mean().reshape(x.rows(), 1));
            blocks.add(target.moments().variance().reshape(x.rows(), 1));
            blocks.add(target.error().reshape(x.rows(), 1));
        }
        ProbeCsv.write(out, header, blocks);
        return ExitCode.OK;
    }

    /** Each row's time: the points' t column, else --t for every row. */
    private INDArray times(RunSpec run, ProbePoints.Input input) {
        if (input.times() == null) {
            return Nd4j.valueArrayOf(new long[] {input.x().rows(), 1}, ProbeTime.check(run.process(), t), DataType.DOUBLE);
        }
        if (t != null) {
            throw new BadInputException("--t and the column t of --points " + points + " exclude each other; give one");
        }
        double[] times = input.times();
        for (int i = 0; i < times.length; i++) {
            ProbeTime.check(run.process(), times[i], "--points " + points + " row " + (i + 1) + ", column t = " + times[i]);
        }
        return Nd4j.create(times, new long[] {times.length, 1}, DataType.DOUBLE);
    }

    /** The model's own p(t | x_t) settings (empirical-unconditional), else the time-posterior defaults. */
    private static TimePosteriorSpec posteriorSpec(RunSpec run) {
        return run.model() instanceof ModelSpec.EmpiricalUnconditional unconditional ? unconditional.posterior()
                : SpecLoader.defaultTimePosterior();
    }

    private static void add(List<String> header, List<INDArray> blocks, String prefix, INDArray values) {
        for (int j = 0; j < values.columns(); j++) {
            header.add(prefix + j);
        }
        blocks.add(values);
    }
}
