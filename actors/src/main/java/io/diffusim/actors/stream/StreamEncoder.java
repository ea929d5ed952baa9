package io.diffusim.actors.stream;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.stream.codec.MessageHeaderEncoder;
import io.diffusim.actors.stream.codec.MetricRecordEncoder;
import io.diffusim.actors.stream.codec.Presence;
import io.diffusim.actors.stream.codec.RunState;
import io.diffusim.actors.stream.codec.RunStatusEventEncoder;
import io.diffusim.actors.stream.codec.StreamHeartbeatEncoder;
import io.diffusim.actors.store.MetricRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the stream's messages (src/main/sbe/diffusim-metrics.xml) into one reused buffer; not thread-safe (one
 * per publishing thread). Names (run id, analysis, metric) longer than {@link #MAX_NAME_BYTES} UTF-8 bytes are not
 * encoded at all, so a subscriber never sees a record under a wrong name (it finds the record in the store); an
 * error text is cut to the longest whole-character prefix of at most {@link #MAX_ERROR_BYTES} bytes.
 */
final class StreamEncoder {

    static final int MAX_NAME_BYTES = 1024;
    static final int MAX_ERROR_BYTES = 4096;
    /** Not encoded: a name too long, or a state the schema does not know. */
    static final int REFUSED = -1;

    private static final int CAPACITY = 16 * 1024;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MetricRecordEncoder record = new MetricRecordEncoder();
    private final RunStatusEventEncoder status = new RunStatusEventEncoder();
    private final StreamHeartbeatEncoder heartbeat = new StreamHeartbeatEncoder();

    DirectBuffer buffer() {
        return buffer;
    }

    /** Encodes {@code line} at {@code index} of run {@code runId}; answers the length, or {@link #REFUSED}. */
    int record(String runId, int index, MetricRecord line) {
        byte[] id = name(runId);
        byte[] analysis = name(line.analysis());
        byte[] metric = name(line.metric());
        if (id == null || analysis == null || metric == null) {
            return REFUSED;
        }
        record.wrapAndApplyHeader(buffer, 0, header).index(index).step(line.step()).t(line.t()).value(line.value())
                .putRunId(id, 0, id.length).putAnalysis(analysis, 0, analysis.length).putMetric(metric, 0, metric.length);
        return MessageHeaderEncoder.ENCODED_LENGTH + record.encodedLength();
    }

    /** Encodes a status change with the run's log size ({@code -1}: unknown); answers the length, or {@link #REFUSED}. */
    int status(RunStatus run, int records) {
        byte[] id = name(run.id());
        RunState state = state(run.state());
        if (id == null || state == null) {
            return REFUSED;
        }
        byte[] error = run.error() == null ? new byte[0] : cut(run.error().getBytes(StandardCharsets.UTF_8));
        status.wrapAndApplyHeader(buffer, 0, header).state(state).step(run.step()).steps(run.steps())
                .hasError(run.error() == null ? Presence.ABSENT : Presence.PRESENT).records(records)
                .stepsPerSecond(run.stepsPerSecond()).secondsLeft(run.secondsLeft())
                .putRunId(id, 0, id.length).putErrorText(error, 0, error.length);
        return MessageHeaderEncoder.ENCODED_LENGTH + status.encodedLength();
    }

    int heartbeat(long published, long dropped) {
        heartbeat.wrapAndApplyHeader(buffer, 0, header).published(published).dropped(dropped);
        return MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength();
    }

    private static byte[] name(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_NAME_BYTES ? bytes : null;
    }

    private static RunState state(String state) {
        try {
            return RunState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The longest prefix of whole UTF-8 characters within {@link #MAX_ERROR_BYTES}. */
    static byte[] cut(byte[] utf8) {
        if (utf8.length <= MAX_ERROR_BYTES) {
            return utf8;
        }
        int end = MAX_ERROR_BYTES;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(utf8, end);
    }
}
