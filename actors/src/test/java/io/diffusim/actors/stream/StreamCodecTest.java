package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SBE messages of the stream: every field survives encode and decode, and overlong strings follow one rule. */
class StreamCodecTest {

    private final StreamEncoder encoder = new StreamEncoder();
    private final RecordedEvents decoded = new RecordedEvents();
    private long heartbeatDropped = -1;
    private final StreamDecoder decoder = new StreamDecoder(decoded, (sent, dropped) -> heartbeatDropped = sent * 1000 + dropped);

    private void decode(int length) {
        assertThat(length).isPositive();
        decoder.decode(encoder.buffer(), 0, length);
    }

    @Test
    void shouldRoundTripEveryFieldOfAMetricRecordIncludingSpecialDoubles() {
        MetricRecord[] records = {
            new MetricRecord("kl", "kl", 0, 0.5, 1.25),
            new MetricRecord("noise-posterior", "var-t", Long.MAX_VALUE, -0.0, Double.NaN),
            new MetricRecord("paired", "cösine ∂", -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
            new MetricRecord("", "", Long.MIN_VALUE, Double.MIN_VALUE, -0.0),
        };
        for (int i = 0; i < records.length; i++) {
            decode(encoder.record("moons-s0-20261130T101500Z", Integer.MAX_VALUE - i, records[i]));
        }
        assertThat(decoded.records).hasSize(records.length);
        for (int i = 0; i < records.length; i++) {
            RecordedEvents.Indexed got = decoded.records.get(i);
            assertThat(got.runId()).isEqualTo("moons-s0-20261130T101500Z");
            assertThat(got.index()).isEqualTo(Integer.MAX_VALUE - i);
            // record equality compares doubles bit for bit (Double.compare): NaN and -0.0 survive exactly
            assertThat(got.record()).isEqualTo(records[i]);
        }
        assertThat(Double.doubleToRawLongBits(decoded.records.get(3).record().value()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void shouldRoundTripStatusesWithAndWithoutAnErrorOrAPace() {
        RunStatus[] statuses = {
            new RunStatus("r1", "queued", 0, 100, null),
            new RunStatus("r1", "running", 42, 100, null),
            new RunStatus("r1", "running", 42, 100, null, 12.5, 4.64),
            new RunStatus("r1", "running", 42, 100, null, 0.75, Double.NaN),
            new RunStatus("r1", "stopping", 42, 100, null),
            new RunStatus("r1", "paused", 43, 100, null),
            new RunStatus("r1", "done", 100, 100, null),
            new RunStatus("r2", "failed", 7, 9, "diverged: non-finite particles at step 7"),
            new RunStatus("r3", "stopped", 1, 2, ""),
        };
        for (RunStatus status : statuses) {
            decode(encoder.status(status, 3));
        }
        assertThat(decoded.statuses).containsExactly(statuses);
    }

    @Test
    void shouldRefuseARecordOrStatusWhoseNameIsTooLong() {
        String longName = "m".repeat(StreamEncoder.MAX_NAME_BYTES + 1);
        assertThat(encoder.record("r", 0, new MetricRecord("kl", longName, 1, 0, 0))).isEqualTo(StreamEncoder.REFUSED);
        assertThat(encoder.record(longName, 0, new MetricRecord("kl", "kl", 1, 0, 0))).isEqualTo(StreamEncoder.REFUSED);
        assertThat(encoder.status(new RunStatus(longName, "running", 0, 1, null), 0)).isEqualTo(StreamEncoder.REFUSED);
        assertThat(encoder.status(new RunStatus("r", "exploded", 0, 1, null), 0)).isEqualTo(StreamEncoder.REFUSED);
        String longest = "m".repeat(StreamEncoder.MAX_NAME_BYTES);
        decode(encoder.record("r", 3, new MetricRecord("kl", longest, 1, 0, 0)));
        assertThat(decoded.records).singleElement().extracting(r -> r.record().metric()).isEqualTo(longest);
    }

    @Test
    void shouldCutALongErrorToWholeCharactersWithinTheLimit() {
        // 3-byte characters: the limit falls inside one, which is left out whole
        String error = "∂".repeat(StreamEncoder.MAX_ERROR_BYTES / 3 + 10);
        decode(encoder.status(new RunStatus("r", "failed", 1, 2, error), -1));
        String got = decoded.statuses.get(0).error();
        assertThat(got.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(StreamEncoder.MAX_ERROR_BYTES);
        assertThat(got).isEqualTo("∂".repeat(StreamEncoder.MAX_ERROR_BYTES / 3));
    }

    @Test
    void shouldRoundTripAHeartbeat() {
        decode(encoder.heartbeat(12, 345));
        assertThat(heartbeatDropped).isEqualTo(12_345);
        assertThat(decoded.records).isEmpty();
        assertThat(decoded.statuses).isEmpty();
    }
}
