package io.diffusim.actors.client;

/** The daemon has no run with the given id (docs/user-guide.md: bad input, exit code 2). */
public final class UnknownRunException extends IllegalArgumentException {
    public UnknownRunException(String runId, DaemonLocation location) {
        super("unknown run " + runId + " (bin/diffusim list " + location.options() + " shows the runs)");
    }
}
