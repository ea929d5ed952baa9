package io.diffusim.actors.client;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;

/** A pause, resume or stop that does not apply to the run as it is; the message says why, nothing changed. */
public final class ControlRefusedException extends RuntimeException {

    private final transient RunStatus status;

    public ControlRefusedException(String reason, RunStatus status) {
        super(reason);
        this.status = status;
    }

    /** The run as it is. */
    public RunStatus status() {
        return status;
    }
}
