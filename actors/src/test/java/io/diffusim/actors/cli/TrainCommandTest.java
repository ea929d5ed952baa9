package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.learned.Checkpoint;
import io.diffusim.model.learned.MlpShape;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train SPEC} (docs/user-guide.md "Train a model"): writes the checkpoint that {@code run} then samples from. */
class TrainCommandTest {

    private static final String SPEC = """
            run {
              name = "tiny-mlp"
              particles = 64
              batch-size = 32
              data { kind = moons, n = 200 }
              process { kind = vp, timesteps = 10 }
              model { kind = mlp, checkpoint = "tiny.ckpt", width = 16, blocks = 1, train { steps = 30, batch-size = 32 } }
              sampler { kind = ddpm }
              analyses = [ { kind = kl, k = 3 } ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheCheckpointThatRunSamplesFrom() throws IOException {
        Path spec = SpecFiles.write(dir, "tiny.conf", SPEC);

        Cli train = Cli.run("train", spec.toString());

        assertThat(train.exitCode()).as(train.err()).isEqualTo(ExitCode.OK);
        assertThat(train.err()).contains("step 30/30").contains("loss").contains("steps/s");
        assertThat(train.out()).contains("checkpoint").contains("tiny.ckpt").contains("width=16").contains("30 steps");
        Checkpoint checkpoint = Checkpoint.read(dir.resolve("tiny.ckpt"));
        assertThat(checkpoint.step()).isEqualTo(30);
        assertThat(((MlpShape) checkpoint.shape()).width()).isEqualTo(16);

        Path out = dir.resolve("out");
        Cli run = Cli.run("run", spec.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(SummaryJson.read(out.resolve("summary.json")).metrics().get("kl.kl")).isFinite();
    }

    @Test
    void shouldWriteWhereTheOptionSays() throws IOException {
        Path spec = SpecFiles.write(dir, "tiny.conf", SPEC.replace("steps = 30", "steps = 3"));
        Path elsewhere = dir.resolve("nets/other.ckpt");

        Cli train = Cli.run("train", spec.toString(), "--checkpoint", elsewhere.toString());

        assertThat(train.exitCode()).as(train.err()).isEqualTo(ExitCode.OK);
        assertThat(Checkpoint.read(elsewhere).step()).isEqualTo(3);
        assertThat(dir.resolve("tiny.ckpt")).doesNotExist();
    }

    @Test
    void shouldResumeATrainingCutShortToTheWeightsOfAWholeOne() throws IOException {
        Path spec = SpecFiles.write(dir, "tiny.conf", SPEC);
        Path whole = dir.resolve("whole.ckpt");
        assertThat(Cli.run("train", spec.toString(), "--checkpoint", whole.toString()).exitCode()).isZero();
        // what a training killed after step 20 leaves behind (it saves every model.train.save-every steps)
        RunSpec run = SpecLoader.load(spec);
        Trainer.Session cut = LearnedModels.trainer((ModelSpec.Mlp) run.model(), run, Datasets.from(run.data(), run.seed()),
                Processes.from(run.process())).start();
        for (int k = 0; k < 20; k++) {
            cut.step();
        }
        Path resumedFile = dir.resolve("cut.ckpt");
        cut.checkpoint().write(resumedFile);

        Cli resumed = Cli.run("train", spec.toString(), "--resume", "--checkpoint", resumedFile.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming at step 20 of 30").contains("step 30/30");
        Checkpoint expected = Checkpoint.read(whole);
        Checkpoint actual = Checkpoint.read(resumedFile);
        expected.ema().arrays().forEach((name, w) -> assertThat(actual.ema().get(name)).as(name).isEqualTo(w));
        assertThat(Cli.run("train", spec.toString(), "--resume", "--checkpoint", dir.resolve("none.ckpt").toString())
                .exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void shouldRefuseASpecWithoutAnMlpNamingTheKey() throws IOException {
        Path spec = SpecFiles.write(dir, "empirical.conf", SPEC.replaceAll("model \\{[^\\n]*}", "model { kind = empirical }"));

        Cli train = Cli.run("train", spec.toString());

        assertThat(train.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(train.err()).contains("model.kind = empirical: train needs model.kind = mlp | unet");
    }

    @Test
    void shouldRefuseToRunAnMlpWithoutACheckpointFile() throws IOException {
        Path spec = SpecFiles.write(dir, "tiny.conf", SPEC);

        Cli run = Cli.run("run", spec.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("model.checkpoint = ").contains("tiny.ckpt");
    }
}
