package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.Pace;
import io.diffusim.analysis.run.RunProgress;
import io.diffusim.analysis.run.StepRate;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress of an in-process run on stderr: a line redrawn in place on a terminal, otherwise one line per
 * tenth of the run, each with steps done, elapsed time, the rate and time left ({@link Pace}) and the latest
 * metric values.
 */
final class ConsoleProgress implements RunProgress {

    private static final int SHOWN_METRICS = 3;

    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, Double> latest = new LinkedHashMap<>();
    private int lastTenth = -1;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void put(String analysis, String metric, long step, double t, double value) {
        latest.put(analysis + "." + metric, value);
    }

    @Override
    public void onStep(int stepsDone, int steps, double elapsedSeconds, StepRate rate) {
        int tenth = steps <= 0 ? 0 : Math.min(10, stepsDone * 10 / steps);
        boolean done = stepsDone >= steps;
        if (!terminal && tenth == lastTenth && !done) {
            return;
        }
        lastTenth = tenth;
        StringBuilder line = new StringBuilder(String.format("step %d/%d  %.1f s  %s", stepsDone, steps,
                elapsedSeconds, Pace.text(rate.stepsPerSecond(), rate.secondsLeft(steps))));
        latest.entrySet().stream().skip(Math.max(0, latest.size() - SHOWN_METRICS))
                .forEach(e -> line.append(String.format("  %s %.4g", e.getKey(), e.getValue())));
        if (terminal) {
            err.print("\r" + line + (done ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }
}
