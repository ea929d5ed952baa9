package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.io.PrintWriter;

/** {@code watch --json}: one JSON line per metric record, then the final status object (as {@code status --json}). */
final class JsonWatchView implements WatchView {

    private final PrintWriter out;

    JsonWatchView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void show(Metrics metrics) {
        metrics.records().forEach(record -> out.println(RunStatusText.json(record)));
        out.flush();
    }

    @Override
    public void end(RunStatus status) {
        out.println(RunStatusText.json(status));
        out.flush();
    }
}
