package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;

/** Polls a run at the daemon's poll interval until it has ended (done, failed or stopped): submit --wait and stop. */
final class AwaitEnd {

    private AwaitEnd() {
    }

    static RunStatus of(DaemonClient client, RunStatus status) throws InterruptedException {
        RunStatus current = status;
        while (!RunStatusText.ended(current)) {
            Thread.sleep(client.settings().pollInterval().toMillis());
            current = client.status(current.id());
        }
        return current;
    }
}
