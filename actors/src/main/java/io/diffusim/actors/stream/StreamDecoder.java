package io.diffusim.actors.stream;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.stream.codec.MessageHeaderDecoder;
import io.diffusim.actors.stream.codec.MetricRecordDecoder;
import io.diffusim.actors.stream.codec.Presence;
import io.diffusim.actors.stream.codec.RunState;
import io.diffusim.actors.stream.codec.RunStatusEventDecoder;
import io.diffusim.actors.stream.codec.StreamHeartbeatDecoder;
import io.diffusim.actors.store.MetricRecord;
import java.util.List;
import java.util.Locale;
import org.agrona.DirectBuffer;

/**
 * Decodes whole stream messages (after a {@code FragmentAssembler}) into {@link RunEvents} calls, one record per
 * {@code recorded} call, and heartbeats into {@link Heartbeats}. Messages of another schema or an unknown state are
 * skipped. Not thread-safe: it belongs to one polling thread.
 */
final class StreamDecoder implements FragmentHandler {

    /** A consumer that also wants the run's log size when a status was sent ({@code -1}: unknown). */
    interface CountedStatus {
        void status(RunStatus status, int records);
    }

    /** The publisher's counters, as its latest heartbeat gave them. */
    interface Heartbeats {
        void heartbeat(long published, long dropped);
    }

    private final RunEvents events;
    private final Heartbeats heartbeats;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MetricRecordDecoder record = new MetricRecordDecoder();
    private final RunStatusEventDecoder status = new RunStatusEventDecoder();
    private final StreamHeartbeatDecoder heartbeat = new StreamHeartbeatDecoder();

    StreamDecoder(RunEvents events, Heartbeats heartbeats) {
        this.events = events;
        this.heartbeats = heartbeats;
    }

    @Override
    public void onFragment(DirectBuffer buffer, int offset, int length, Header ignored) {
        decode(buffer, offset, length);
    }

    void decode(DirectBuffer buffer, int offset, int length) {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH) {
            return;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MetricRecordDecoder.SCHEMA_ID) {
            return;
        }
        switch (header.templateId()) {
            case MetricRecordDecoder.TEMPLATE_ID -> onRecord(buffer, offset);
            case RunStatusEventDecoder.TEMPLATE_ID -> onStatus(buffer, offset);
            case StreamHeartbeatDecoder.TEMPLATE_ID -> onHeartbeat(buffer, offset);
            default -> {
                // a newer publisher's message: skipped
            }
        }
    }

    private void onRecord(DirectBuffer buffer, int offset) {
        record.wrapAndApplyHeader(buffer, offset, header);
        int index = record.index();
        long step = record.step();
        double t = record.t();
        double value = record.value();
        String runId = record.runId();
        String analysis = record.analysis();
        String metric = record.metric();
        events.recorded(runId, index, List.of(new MetricRecord(analysis, metric, step, t, value)));
    }

    private void onStatus(DirectBuffer buffer, int offset) {
        status.wrapAndApplyHeader(buffer, offset, header);
        RunState state = state(status.stateRaw());
        boolean hasError = status.hasError() == Presence.PRESENT;
        int step = status.step();
        int steps = status.steps();
        int records = status.records();
        double stepsPerSecond = status.stepsPerSecond();
        double secondsLeft = status.secondsLeft();
        String runId = status.runId();
        String error = status.errorText();
        if (state == null) {
            return;
        }
        RunStatus run = new RunStatus(runId, state.name().toLowerCase(Locale.ROOT), step, steps, hasError ? error : null,
                stepsPerSecond, secondsLeft);
        if (events instanceof CountedStatus counted) {
            counted.status(run, records);
        } else {
            events.status(run);
        }
    }

    /** The state of {@code raw}, or null for one this schema version does not know. */
    private static RunState state(short raw) {
        for (RunState state : RunState.values()) {
            if (state != RunState.NULL_VAL && state.value() == raw) {
                return state;
            }
        }
        return null;
    }

    private void onHeartbeat(DirectBuffer buffer, int offset) {
        heartbeat.wrapAndApplyHeader(buffer, offset, header);
        heartbeats.heartbeat(heartbeat.published(), heartbeat.dropped());
    }
}
