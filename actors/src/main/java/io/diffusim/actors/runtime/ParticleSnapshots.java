package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.Snapshot;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.actors.store.RunStore;
import io.diffusim.analysis.output.PointsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's current particles for viewing (the dashboard's scatter or image grid): the latest checkpoint of each of its
 * batches while it is in progress, its samples.csv once done. Only a stride sample of the particles is kept, so a
 * snapshot of a large run stays small; values cross as raw floats.
 */
final class ParticleSnapshots {

    private ParticleSnapshots() {
    }

    /**
     * At most {@code maxRows} particles and {@code maxValues} numbers (but at least one particle if there are any);
     * none, without reading them, when either is 0.
     */
    static Snapshot read(RunStore store, RunRecord run, Path samples, int maxRows, int maxValues) {
        if (maxRows < 1 || maxValues < 1) {
            return new Snapshot(RunTable.stored(run), run.spec(), run.step(), 0, 0, new float[0]);
        }
        Source source;
        try {
            source = run.state().equals(RunStates.DONE) ? fromSamples(samples, run.step()) : fromCheckpoints(store, run.id());
        } catch (RuntimeException unreadable) {
            // a view only: a torn or missing file shows no particles rather than failing the store's actor
            source = new Source(run.step(), 0, List.of());
        }
        int rows = source.rows();
        int keep = source.dimension() == 0 ? 0
                : Math.min(rows, Math.max(1, Math.min(maxRows, maxValues / source.dimension())));
        float[] points = new float[keep * source.dimension()];
        for (int i = 0; i < keep; i++) {
            int row = (int) ((long) i * rows / keep);
            for (int j = 0; j < source.dimension(); j++) {
                points[i * source.dimension() + j] = (float) source.value(row, j);
            }
        }
        return new Snapshot(RunTable.stored(run), run.spec(), source.step(), source.dimension(), rows, points);
    }

    /** Particles as blocks of row-major rows, each block [rows, dimension]. */
    private record Source(int step, int dimension, List<double[]> blocks) {

        int rows() {
            return dimension == 0 ? 0 : blocks.stream().mapToInt(b -> b.length / dimension).sum();
        }

        double value(int row, int column) {
            for (double[] block : blocks) {
                int blockRows = block.length / dimension;
                if (row < blockRows) {
                    return block[row * dimension + column];
                }
                row -= blockRows;
            }
            throw new IndexOutOfBoundsException("row " + row);
        }
    }

    private static Source fromCheckpoints(RunStore store, String runId) {
        List<double[]> blocks = new ArrayList<>();
        int dimension = 0;
        int step = 0;
        for (int batch = 0; ; batch++) {
            Optional<Checkpoint> checkpoint = store.checkpoint(runId, batch);
            if (checkpoint.isEmpty()) {
                break;
            }
            Checkpoint c = checkpoint.get();
            dimension = (int) c.xShape()[c.xShape().length - 1];
            step = Math.max(step, c.step());
            blocks.add(c.x());
        }
        return new Source(step, dimension, blocks);
    }

    /** samples.csv, read as every point file is (a label column, when there is one, is not a coordinate). */
    private static Source fromSamples(Path samples, int step) {
        if (!Files.isRegularFile(samples)) {
            return new Source(step, 0, List.of());
        }
        double[][] points;
        try {
            points = PointsCsv.read(samples).values();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + samples + " failed", e);
        }
        int dimension = points.length == 0 ? 0 : points[0].length;
        double[] values = new double[points.length * dimension];
        for (int row = 0; row < points.length; row++) {
            System.arraycopy(points[row], 0, values, row * dimension, dimension);
        }
        return new Source(step, dimension, List.of(values));
    }
}
