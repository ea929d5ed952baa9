package io.diffusim.actors.stream;

import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;

/** A run's stored metric log, paged from an index on ({@code DaemonClient::metrics} in the CLI). */
@FunctionalInterface
public interface RunHistory {

    /** The records of run {@code runId} from {@code fromIndex} on, with its status. */
    Metrics metrics(String runId, int fromIndex);
}
