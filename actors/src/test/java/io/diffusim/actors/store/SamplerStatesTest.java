package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffusim.analysis.run.RunParts;
import io.diffusim.analysis.run.StepDriver;
import io.diffusim.config.SpecLoader;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.noise.CounterNoise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** SamplerState to Checkpoint and back: exact float64 bits, so a restored batch goes on as if never stopped. */
class SamplerStatesTest {

    /** Steps taken before the checkpoint, and after it on both the original and the restored state. */
    private static final int STEPS_BEFORE = 4;
    private static final int STEPS_AFTER = 5;

    @Test
    void shouldRestoreEveryArrayBitForBitThroughTheCodec() {
        INDArray wide = Nd4j.create(new double[] {-0.0, 1e-300, Double.MIN_VALUE, 7, 0.1, -3, 9, 9, 9},
                new long[] {3, 3}, DataType.DOUBLE);
        INDArray x = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)); // a view: not its buffer's layout
        INDArray nfe = Nd4j.create(new double[] {1, 2, 3}, new long[] {3, 1}, DataType.DOUBLE);
        SamplerState state = new SamplerState(x, new long[] {5, 6, 7}, 12, 1, 30, Map.of("nfe", nfe));

        Checkpoint checkpoint = CheckpointCodec.decode(CheckpointCodec.encode(SamplerStates.of(state)), "test");
        SamplerState restored = SamplerStates.restore(checkpoint);

        assertThat(restored.x().shape()).containsExactly(3, 2);
        assertThat(StoreFixtures.bits(restored.x().dup('c').data().asDouble()))
                .containsExactly(StoreFixtures.bits(new double[] {-0.0, 1e-300, 7, 0.1, 9, 9}));
        assertThat(restored.aux("nfe").shape()).containsExactly(3, 1);
        assertThat(restored.aux("nfe").data().asDouble()).containsExactly(1, 2, 3);
        assertThat(restored.x().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(restored.particles()).containsExactly(5, 6, 7);
        assertThat(restored.step()).isEqualTo(12);
        assertThat(restored.subStep()).isEqualTo(1);
        assertThat(restored.nfe()).isEqualTo(30);
    }

    @Test
    void shouldRefuseANonFloat64Array() {
        SamplerState state = new SamplerState(Nd4j.zeros(DataType.FLOAT, 2, 2), new long[] {0, 1}, 0, 0, 0, Map.of());
        assertThatThrownBy(() -> SamplerStates.of(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x is FLOAT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddpm", "eqm-nag"})
    void shouldContinueARestoredBatchExactlyAsTheOriginal(String sampler) {
        RunParts parts = RunParts.of(SpecLoader.parse("""
                run {
                  seed = 3
                  particles = 32
                  data { kind = moons, n = 100 }
                  process { kind = %s }
                  model { kind = %s }
                  sampler { kind = %s }
                }
                """.formatted(sampler.equals("ddpm") ? "vp, timesteps = 20" : "fm",
                sampler.equals("ddpm") ? "empirical" : "eqm-empirical, grid = 32",
                sampler.equals("ddpm") ? "ddpm" : "eqm-nag, max-steps = 20, stop-gradient-norm = 0.5"), Path.of(".")));
        NoiseSource noise = new CounterNoise(3);
        SamplerState state = parts.sampler().start(new long[] {3, 4, 5, 6, 7, 8, 9, 10}, noise);
        state = steps(parts, state, noise, STEPS_BEFORE);
        SamplerState restored = SamplerStates.restore(
                CheckpointCodec.decode(CheckpointCodec.encode(SamplerStates.of(state)), "test"));

        SamplerState original = steps(parts, state, noise, STEPS_AFTER);
        SamplerState resumed = steps(parts, restored, noise, STEPS_AFTER);

        assertThat(resumed.step()).isEqualTo(original.step());
        assertThat(StoreFixtures.bits(resumed.x().data().asDouble()))
                .containsExactly(StoreFixtures.bits(original.x().dup('c').data().asDouble()));
        assertThat(resumed.nfeTotal()).isEqualTo(original.nfeTotal());
    }

    private static SamplerState steps(RunParts parts, SamplerState state, NoiseSource noise, int count) {
        SamplerState s = state;
        for (int i = 0; i < count && !parts.sampler().finished(s); i++) {
            s = StepDriver.step(parts.sampler(), parts.denoiser(), s, noise, new ArrayList<>(2));
        }
        return s;
    }
}
