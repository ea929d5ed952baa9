package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The binary forms of run records and metric keys. */
class RunRecordCodecTest {

    @Test
    void shouldRoundTripARunRecordWithAndWithoutAnError() {
        RunRecord running = StoreFixtures.run("moons-ddpm-s0-20261130T101500Z", 42);
        RunRecord failed = running.withState("failed", "non-finite x at step 12, particle 3 (ünïcode)");
        assertThat(RunRecordCodec.decode(running.id(), RunRecordCodec.encode(running))).isEqualTo(running);
        assertThat(RunRecordCodec.decode(failed.id(), RunRecordCodec.encode(failed))).isEqualTo(failed);
    }

    @Test
    void shouldKeepTheInterruptionsAndReadAVersion1RecordAsNeverInterrupted() {
        RunRecord interrupted = StoreFixtures.run("r1", 7).withInterruptions(1);
        byte[] v2 = RunRecordCodec.encode(interrupted);
        assertThat(RunRecordCodec.decode("r1", v2)).isEqualTo(interrupted);
        // version 1: the same bytes without the interruptions int, which sits just before the (last) error flag byte
        int afterSubmitted = v2.length - 1 - Integer.BYTES;
        byte[] v1 = new byte[v2.length - Integer.BYTES];
        System.arraycopy(v2, 0, v1, 0, afterSubmitted);
        v1[v1.length - 1] = v2[v2.length - 1];
        java.nio.ByteBuffer.wrap(v1).putShort(Integer.BYTES, (short) 1);
        assertThat(java.nio.ByteBuffer.wrap(v2).getShort(Integer.BYTES)).as("the current version").isEqualTo((short) 2);
        assertThat(RunRecordCodec.decode("r1", v1)).isEqualTo(interrupted.withInterruptions(0));
    }

    @Test
    void shouldNameTheRunWhenARecordIsTruncatedOrStoredUnderAnotherId() {
        byte[] value = RunRecordCodec.encode(StoreFixtures.run("r1", 1));
        assertThatThrownBy(() -> RunRecordCodec.decode("r1", Arrays.copyOf(value, value.length - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("run record of run r1 is corrupt:").hasMessageContaining("truncated");
        assertThatThrownBy(() -> RunRecordCodec.decode("r2", value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names run r1");
    }

    @Test
    void shouldKeepEveryKeyOfASeriesOnOnePrefix() {
        MetricKey key = new MetricKey("r1", "kl", "kl", 12);
        assertThat(MetricKey.decode(key.encode())).isEqualTo(key);
        byte[] series = MetricKey.seriesKey("r1", "kl", "kl");
        assertThat(MetricKey.withStep(series, 12)).isEqualTo(key.encode());
    }
}
