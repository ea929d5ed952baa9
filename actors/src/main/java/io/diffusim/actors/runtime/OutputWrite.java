package io.diffusim.actors.runtime;

import io.diffusim.analysis.run.RunOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a finished run's output directory and its checksums (docs/user-guide.md, "disk full"). The file system must
 * first have room for what the directory will hold plus the daemon's headroom; a shortfall, or a write that fails,
 * is a {@link Failed} whose message the run pauses with, so freeing space and resuming writes it again.
 */
final class OutputWrite {

    /** Bytes per value of samples.csv (a float64 in decimal and its separator, generously). */
    private static final long SAMPLE_BYTES = 26;
    /** Bytes per row of metrics.csv. */
    private static final long METRIC_BYTES = 96;
    /** The plots, spec, manifest, summary and checksums. */
    private static final long FIXED_BYTES = 16L << 20;

    private OutputWrite() {
    }

    /** The output could not be written; the message is one line, the run's pause reason. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @throws Failed when there is no room or a write fails; any other exception is the run's own fault */
    static void write(RunFinish.Output output, long headroomBytes) {
        Path directory = output.directory();
        DiskRoom.shortfall(usableBytes(directory), directory.toString(), bytes(output.contents()), headroomBytes)
                .ifPresent(shortfall -> {
                    throw new Failed(shortfall, null);
                });
        try {
            RunOutput.write(directory, output.contents());
            OutputChecksums.write(directory);
        } catch (IOException | UncheckedIOException e) {
            throw new Failed("writing the output to " + directory + " failed: " + e
                    + "; free space (or fix the directory), then resume the run", e);
        }
    }

    /** What the output directory of {@code contents} will hold, about. */
    static long bytes(RunOutput.Contents contents) {
        return SAMPLE_BYTES * contents.samples().length() + METRIC_BYTES * contents.records().size() + FIXED_BYTES;
    }

    /** Free bytes on the file system of {@code directory}, or of its nearest ancestor that exists. */
    private static long usableBytes(Path directory) {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw new Failed("cannot read the free space on " + directory + ": " + e, e);
        }
    }
}
