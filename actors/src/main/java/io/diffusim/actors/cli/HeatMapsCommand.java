package io.diffusim.actors.cli;

import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.config.Words;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.data.NpyFile;
import io.diffusim.model.denoise.PatchFlexDenoiser;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.NetworkHeatMaps;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heat-maps SPEC --out FILE}: PSPC-Flex's heat maps from the input gradients of the spec's trained unet
 * (docs/science.md §3.6), written as the {@code .npy} array {@code model.heat-maps} of a patch-flex run reads.
 */
@Command(name = "heat-maps", mixinStandardHelpOptions = true,
        description = "Write PSPC-Flex heat maps from the input gradients of the trained unet of SPEC (a .npy file).")
final class HeatMapsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Run spec (HOCON) whose model is a trained unet.")
    Path spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The .npy file to write.")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "8",
            description = "Noisy training images averaged per noise level (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--sigmas", paramLabel = "S", split = ",",
            description = "Noise levels, in the order of the patch-flex run's tau-schedule entries "
                    + "(default: the 18 values of the EDM grid the pspc schedule uses).")
    List<Double> sigmas;

    @Option(names = "--data-dir", paramLabel = "D",
            description = "Data directory whose model registry a named model.checkpoint is in (default: ~/.diffusim).")
    Path dataDir = DaemonFile.defaultDataDir();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        RunSpec run = ModelRegistry.of(dataDir).resolve(SpecLoader.load(spec));
        if (!(run.model() instanceof ModelSpec.Unet)) {
            throw new BadInputException("model.kind = " + (run.model() == null ? "null" : Words.of(run.model().kind()))
                    + ": heat-maps needs a trained model.kind = unet");
        }
        if (samples < 1) {
            throw new BadInputException("--samples = " + samples + ": expected an integer >= 1");
        }
        double[] levels = sigmas == null ? PatchFlexDenoiser.pspcTau().sigmas()
                : sigmas.stream().mapToDouble(Double::doubleValue).toArray();
        for (double sigma : levels) {
            if (!(sigma > 0) || Double.isInfinite(sigma)) {
                throw new BadInputException("--sigmas: " + sigma + " is not a noise level (expected a number > 0)");
            }
        }
        CliRuntime.init();
        Dataset data = Datasets.from(run.data(), run.seed());
        ForwardProcess process = Processes.from(run.process());
        NetworkHeatMaps maps = LearnedModels.heatMaps(run.model(), run, data, process);
        PrintWriter err = command.commandLine().getErr();
        long t0 = System.nanoTime();
        double[] points = data.points().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        double[] heat = maps.compute(points, levels, samples, run.seed(), (level, all) -> {
            err.printf("level %d/%d  %.1f s%n", level, all, (System.nanoTime() - t0) * 1e-9);
            err.flush();
        });
        int[] image = data.imageShape();
        NpyFile.write(out, new int[] {levels.length, image[1], image[2], image[1], image[2]}, heat);
        command.commandLine().getOut().printf("heat maps %s  (%d levels of %dx%d maps, %d samples each, %.1f s)%n",
                out, levels.length, image[1], image[2], samples, (System.nanoTime() - t0) * 1e-9);
        return ExitCode.OK;
    }
}
