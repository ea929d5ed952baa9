package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binary checkpoint format: bit-exact round trip, and a clear error for every kind of damage. */
class CheckpointCodecTest {

    private static final String WHAT = "checkpoint of run r1 batch 3";

    @Test
    void shouldRoundTripEveryDoubleBitForBit() {
        Checkpoint checkpoint = StoreFixtures.checkpoint(7, 5);
        StoreFixtures.assertSameBits(CheckpointCodec.decode(CheckpointCodec.encode(checkpoint), WHAT), checkpoint);
    }

    @Test
    void shouldRoundTripACheckpointWithoutAuxArrays() {
        Checkpoint bare = new Checkpoint(0, 1, 0, new long[] {4}, new long[] {1, 1}, new double[] {-0.0}, Map.of(),
                Map.of());
        StoreFixtures.assertSameBits(CheckpointCodec.decode(CheckpointCodec.encode(bare), WHAT), bare);
    }

    @Test
    void shouldNameTheRunWhenTheValueIsTruncated() {
        byte[] value = CheckpointCodec.encode(StoreFixtures.checkpoint(7, 5));
        assertThatThrownBy(() -> CheckpointCodec.decode(Arrays.copyOf(value, value.length - 9), WHAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("checkpoint of run r1 batch 3 is corrupt:");
        assertThatThrownBy(() -> CheckpointCodec.decode(Arrays.copyOf(value, 3), WHAT))
                .hasMessageContaining("run r1").hasMessageContaining("truncated");
    }

    @Test
    void shouldDetectAFlippedBitThroughTheChecksum() {
        byte[] value = CheckpointCodec.encode(StoreFixtures.checkpoint(7, 5));
        value[value.length / 2] ^= 0x10;
        assertThatThrownBy(() -> CheckpointCodec.decode(value, WHAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run r1 batch 3").hasMessageContaining("checksum mismatch");
    }

    @Test
    void shouldRejectAValueThatIsNotACheckpoint() {
        byte[] runRecord = RunRecordCodec.encode(StoreFixtures.run("r1", 1));
        assertThatThrownBy(() -> CheckpointCodec.decode(runRecord, WHAT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
    }

    @Test
    void shouldRefuseToEncodeAShapeThatDoesNotMatchItsValues() {
        Checkpoint wrong = new Checkpoint(0, 0, 0, new long[] {0}, new long[] {2, 2}, new double[3], Map.of(),
                Map.of());
        assertThatThrownBy(() -> CheckpointCodec.encode(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 2]").hasMessageContaining("3 values");
        assertThat(wrong.x()).hasSize(3);
    }
}
