package io.diffusim.actors.store;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * How much the state store must hold (docs/architecture.md §4), from the {@code diffusim.store} settings: run records,
 * bytes of the latest checkpoints of all live particle batches together, and metric records of all runs.
 * The map sizes derived from it carry {@link #MARGIN}.
 */
public record StoreSizing(int maxRuns, long checkpointBytes, long metricRecords) {

    public static final String MAX_RUNS = "diffusim.store.max-runs";
    public static final String CHECKPOINT_BYTES = "diffusim.store.checkpoint-bytes";
    public static final String METRIC_RECORDS = "diffusim.store.metric-records";

    /** Head room on every derived entry count (Chronicle Map adds its own tier slack on top). */
    public static final double MARGIN = 1.25;

    public StoreSizing {
        require(maxRuns, MAX_RUNS);
        require(checkpointBytes, CHECKPOINT_BYTES);
        require(metricRecords, METRIC_RECORDS);
    }

    /** Reads {@code diffusim.store.*} from a config that includes reference.conf. */
    public static StoreSizing from(Config config) {
        return new StoreSizing(config.getInt(MAX_RUNS), config.getBytes(CHECKPOINT_BYTES), config.getLong(METRIC_RECORDS));
    }

    /** The larger of each setting: files are grown when a setting is raised, never shrunk. */
    public StoreSizing max(StoreSizing other) {
        return new StoreSizing(Math.max(maxRuns, other.maxRuns), Math.max(checkpointBytes, other.checkpointBytes),
                Math.max(metricRecords, other.metricRecords));
    }

    /** The sizing the store files were made with, or empty when the file is missing. */
    static Optional<StoreSizing> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new StoreSizing(Integer.parseInt(p.getProperty(MAX_RUNS)),
                    Long.parseLong(p.getProperty(CHECKPOINT_BYTES)), Long.parseLong(p.getProperty(METRIC_RECORDS))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable store sizing file " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path file) {
        Properties p = new Properties();
        p.setProperty(MAX_RUNS, Integer.toString(maxRuns));
        p.setProperty(CHECKPOINT_BYTES, Long.toString(checkpointBytes));
        p.setProperty(METRIC_RECORDS, Long.toString(metricRecords));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "sizes the store files were made with");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(long value, String setting) {
        if (value <= 0) {
            throw new IllegalArgumentException(setting + " must be positive, got " + value);
        }
    }
}
