package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;

/** How {@code watch} shows a run as it polls it: JSON lines, or a progress line and a table of latest metrics. */
interface WatchView {

    /** One poll's answer: the metric records new since the last one, and the run's status. */
    void show(Metrics metrics);

    /** The run ended with {@code status}. */
    void end(RunStatus status);
}
