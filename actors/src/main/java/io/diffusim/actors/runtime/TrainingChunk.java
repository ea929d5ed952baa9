package io.diffusim.actors.runtime;

import io.diffusim.model.learned.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A stretch of a training job's optimiser steps, run on the device thread (docs/style.md habit 3): steps until
 * {@code budgetNs} has passed or the next checkpoint is due, then, at a checkpoint step, the state written to
 * {@code next} (the session's arrays change with the next step, so the state is written here, between two steps).
 * Chunks keep the actor answering between steps without a message per step; where a chunk ends does not change
 * the result, which depends on the steps alone.
 *
 * @param saveEvery steps between checkpoints (0: none before the end)
 */
record TrainingChunk(Trainer.Session session, long totalSteps, int saveEvery, long budgetNs, Path next) {

    /** The losses of steps {@code firstStep ..}, and whether the state after the last was written to {@code next}. */
    record Result(long firstStep, double[] losses, boolean saved) {

        long lastStep() {
            return firstStep + losses.length - 1;
        }
    }

    Result run() {
        long start = System.nanoTime();
        long first = session.steps() + 1;
        double[] losses = new double[(int) Math.min(totalSteps - session.steps(), 1 << 16)];
        int taken = 0;
        boolean saved = false;
        while (taken < losses.length) {
            losses[taken++] = session.step();
            long step = session.steps();
            if (saveEvery > 0 && step % saveEvery == 0 && step < totalSteps) {
                write();
                saved = true;
                break;
            }
            if (System.nanoTime() - start > budgetNs) {
                break;
            }
        }
        return new Result(first, java.util.Arrays.copyOf(losses, taken), saved);
    }

    private void write() {
        try {
            session.checkpoint().write(next);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the training checkpoint " + next + " failed", e);
        }
    }
}
