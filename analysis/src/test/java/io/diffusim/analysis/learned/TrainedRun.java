package io.diffusim.analysis.learned;

import io.diffusim.analysis.run.LocalRun;
import io.diffusim.analysis.run.RunProgress;
import io.diffusim.analysis.run.RunResult;
import io.diffusim.config.RunSpec;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.learned.Checkpoint;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.file.Path;

/** Trains a spec's network (mlp or unet) into its checkpoint, then runs the spec, as {@code bin/diffusim train} and {@code run} do. */
final class TrainedRun {

    /** The run's result and the training's wall time. */
    record Outcome(RunResult result, double trainingSeconds) {
    }

    private TrainedRun() {
    }

    static Outcome of(RunSpec run, Path out) throws IOException {
        long t0 = System.nanoTime();
        Checkpoint trained = LearnedModels.trainer(run.model(), run, Datasets.from(run.data(), run.seed()),
                Processes.from(run.process())).train(Trainer.Progress.NONE);
        double trainingSeconds = (System.nanoTime() - t0) * 1e-9;
        trained.write(run.model().asLearned().orElseThrow().checkpoint().orElseThrow());
        return new Outcome(new LocalRun(run, out, RunProgress.NONE).run(), trainingSeconds);
    }
}
