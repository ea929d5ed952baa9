package io.diffusim.actors.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.analysis.metric.KnnKl;
import io.diffusim.analysis.metric.Wasserstein1;
import io.diffusim.model.data.CsvDataset;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code metric kl|w1 --reference X.csv --samples Y.csv}: one JSON object for point sets made anywhere. */
@Command(name = "metric", mixinStandardHelpOptions = true,
        description = "Compare two point sets (CSV with a header row) with the estimators the analyses use; prints JSON.")
final class MetricCommand implements Callable<Integer> {

    enum Kind { kl, w1 }

    @Parameters(index = "0", paramLabel = "KIND", description = "kl (kNN KL(reference || samples) in bits) | w1 (Hungarian 1-Wasserstein)")
    Kind kind;

    @Option(names = "--reference", required = true, paramLabel = "X.csv", description = "Reference points (the data).")
    Path reference;

    @Option(names = "--samples", required = true, paramLabel = "Y.csv", description = "Sample points (the model's).")
    Path samples;

    @Option(names = "--k", paramLabel = "K", description = "kl: neighbour index k (default ${DEFAULT-VALUE}).")
    int k = KnnKl.DEFAULT_K;

    @Option(names = "--base", paramLabel = "B", description = "kl: logarithm base (default ${DEFAULT-VALUE}: bits).")
    double base = KnnKl.DEFAULT_BASE;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        INDArray x = read(reference);
        INDArray y = read(samples);
        if (x.columns() != y.columns()) {
            throw new BadInputException("--reference has " + x.columns() + " columns but --samples has " + y.columns());
        }
        CliRuntime.init();
        double value = kind == Kind.kl ? kl(x, y) : Wasserstein1.between(x, y);
        command.commandLine().getOut().println(new ObjectMapper().writeValueAsString(Map.of(kind.name(), value)));
        return ExitCode.OK;
    }

    private double kl(INDArray x, INDArray y) {
        long limit = Math.min(x.rows(), y.rows());
        if (k < 1 || k >= limit) {
            throw new BadInputException("--k " + k + ": expected an integer in [1, " + (limit - 1) + "] (k < min(n, m))");
        }
        if (!(base > 1) || !Double.isFinite(base)) {
            throw new BadInputException("--base " + base + ": expected a finite number > 1");
        }
        return KnnKl.estimate(x, y, k, base);
    }

    private static INDArray read(Path file) {
        return CsvDataset.read(file, Integer.MAX_VALUE).points();
    }
}
