package io.diffusim.actors.cli;

import io.diffusim.model.learned.Trainer;
import java.io.PrintWriter;

/**
 * Progress of {@code train} on stderr: a line redrawn in place on a terminal, otherwise one line per tenth of the
 * steps, each with the steps done, the mean loss of the recent steps (one batch's loss is too noisy to read), the
 * speed and an estimate of the time left.
 */
final class TrainingProgress implements Trainer.Progress {

    /** Steps the shown loss is averaged over. */
    private static final int WINDOW = 100;
    /** Steps between redraws on a terminal. */
    private static final int REDRAW = 20;

    private final PrintWriter err;
    private final boolean terminal;
    private final double[] recent = new double[WINDOW];
    private long seen;
    private int lastTenth = -1;
    private double elapsedSeconds;

    TrainingProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onStep(long step, long steps, double loss, double elapsedSeconds) {
        recent[(int) (seen++ % WINDOW)] = loss;
        this.elapsedSeconds = elapsedSeconds;
        int tenth = (int) Math.min(10, step * 10 / steps);
        boolean done = step >= steps;
        if (terminal ? step % REDRAW != 0 && !done : tenth == lastTenth && !done) {
            return;
        }
        lastTenth = tenth;
        // speed over the steps of this process, so a resumed training does not count the steps it inherited
        double left = elapsedSeconds * (steps - step) / seen;
        String line = String.format("step %d/%d  loss %.4f  %.1f steps/s  %.1f s  (%.0f s left)", step, steps,
                recentLoss(), seen / elapsedSeconds, elapsedSeconds, left);
        if (terminal) {
            err.print("\r" + line + (done ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Mean loss over the last {@value #WINDOW} steps (fewer at the start); NaN before the first. */
    double recentLoss() {
        int n = (int) Math.min(seen, WINDOW);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += recent[i];
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Steps reported so far (those of this process: a resumed training counts from where it resumed). */
    long stepsSeen() {
        return seen;
    }

    double elapsedSeconds() {
        return elapsedSeconds;
    }
}
