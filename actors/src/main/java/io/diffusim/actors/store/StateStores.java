package io.diffusim.actors.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * Every Chronicle Map builder call of the store (docs/style.md habit 2): the four maps, sized from a {@link StoreSizing},
 * opened with {@code createPersistedTo}, or with {@code recoverPersistedTo} after an unclean shutdown, and grown
 * by copying into new files when a setting was raised since they were made.
 */
final class StateStores {

    /** Checkpoints are split into values of at most this size, whatever the batch (see {@link CheckpointSlots}). */
    static final int CHUNK_BYTES = 1 << 20;

    /** Typical sizes, for Chronicle Map's slot layout only: larger values fit, they take more chunks. */
    private static final String AVERAGE_RUN_ID = "demo-moons-ddpm-s0-20261130T101500Z";
    private static final int AVERAGE_SPEC_BYTES = 4096;
    private static final int AVERAGE_BATCH_KEY_BYTES = 64;
    private static final int AVERAGE_METRIC_KEY_BYTES = 96;
    private static final int METRIC_VALUE_BYTES = MetricKey.VALUE_BYTES;

    /** The open maps, and a line for each damaged file that was set aside and made anew. */
    record Maps(StoreMap<byte[], byte[]> runs, StoreMap<byte[], byte[]> heads, StoreMap<byte[], byte[]> chunks,
            StoreMap<byte[], byte[]> metrics, List<String> setAside) {

        void close() {
            runs.close();
            heads.close();
            chunks.close();
            metrics.close();
        }
    }

    private StateStores() {
    }

    /**
     * Opens (creating, recovering or growing as needed) the maps under {@code files.dir()}.
     *
     * @param recover the last owner died with the maps open: recover them before use
     */
    static Maps open(StoreFiles files, StoreSizing requested, boolean recover) {
        Optional<StoreSizing> made = StoreSizing.read(files.file(StoreFiles.SIZING));
        StoreSizing sizing = made.map(m -> m.max(requested)).orElse(requested);
        boolean growRuns = made.isPresent() && sizing.maxRuns() > made.get().maxRuns();
        boolean growCheckpoints = made.isPresent() && sizing.checkpointBytes() > made.get().checkpointBytes();
        boolean growMetrics = made.isPresent() && sizing.metricRecords() > made.get().metricRecords();
        long chunkEntries = chunkEntries(sizing);
        String runs = Integer.toString(sizing.maxRuns());
        long mib = 1 << 20;
        String bytes = sizing.checkpointBytes() % mib == 0 ? sizing.checkpointBytes() / mib + " MiB"
                : sizing.checkpointBytes() + " bytes";
        String records = Long.toString(sizing.metricRecords());
        List<String> setAside = new ArrayList<>();
        Maps maps = new Maps(
                new StoreMap<>(openOrSetAside(runs(sizing), files, StoreFiles.RUNS, recover, growRuns, setAside),
                        StoreSizing.MAX_RUNS, runs),
                new StoreMap<>(openOrSetAside(heads(chunkEntries), files, StoreFiles.CHECKPOINT_HEADS, recover,
                        growCheckpoints, setAside), StoreSizing.CHECKPOINT_BYTES, bytes),
                new StoreMap<>(openOrSetAside(chunks(chunkEntries), files, StoreFiles.CHECKPOINTS, recover,
                        growCheckpoints, setAside), StoreSizing.CHECKPOINT_BYTES, bytes),
                new StoreMap<>(openOrSetAside(metrics(sizing), files, StoreFiles.METRICS, recover, growMetrics,
                        setAside), StoreSizing.METRIC_RECORDS, records),
                List.copyOf(setAside));
        sizing.write(files.file(StoreFiles.SIZING));
        return maps;
    }

    /**
     * Opens map file {@code name} as it is, for reading only what {@link StoreCheck} reads (nothing is recovered,
     * grown or set aside).
     */
    static StoreMap<byte[], byte[]> openAsIs(StoreFiles files, String name) {
        StoreSizing sizing = StoreSizing.read(files.file(StoreFiles.SIZING))
                .orElseThrow(() -> new IllegalStateException(files.file(StoreFiles.SIZING) + " is missing"));
        long chunkEntries = chunkEntries(sizing);
        ChronicleMapBuilder<byte[], byte[]> builder = switch (name) {
            case StoreFiles.RUNS -> runs(sizing);
            case StoreFiles.CHECKPOINT_HEADS -> heads(chunkEntries);
            case StoreFiles.CHECKPOINTS -> chunks(chunkEntries);
            case StoreFiles.METRICS -> metrics(sizing);
            default -> throw new IllegalArgumentException("no store map " + name);
        };
        return new StoreMap<>(open(builder, files.file(name), false, false), name, "");
    }

    /** Two slots per batch (the new checkpoint is written beside the last one) of half-full chunks on average. */
    static long chunkEntries(StoreSizing sizing) {
        return entries(2.0 * sizing.checkpointBytes() / (CHUNK_BYTES / 2.0));
    }

    /** Two entries per run and per checkpoint head: see {@link TwinEntries}. */
    private static ChronicleMapBuilder<byte[], byte[]> runs(StoreSizing sizing) {
        return ChronicleMap.of(byte[].class, byte[].class).name("diffusim-runs")
                .averageKeySize(ValueWriter.stringBytes(AVERAGE_RUN_ID) + 1.0).averageValueSize(AVERAGE_SPEC_BYTES)
                .entries(entries(2.0 * sizing.maxRuns())).sparseFile(true).checksumEntries(true);
    }

    private static ChronicleMapBuilder<byte[], byte[]> heads(long chunkEntries) {
        return ChronicleMap.of(byte[].class, byte[].class).name("diffusim-checkpoint-heads")
                .averageKeySize(AVERAGE_BATCH_KEY_BYTES).averageValueSize(Long.BYTES + CheckpointHead.BYTES)
                .entries(2 * chunkEntries).sparseFile(true).checksumEntries(true);
    }

    private static ChronicleMapBuilder<byte[], byte[]> chunks(long chunkEntries) {
        return ChronicleMap.of(byte[].class, byte[].class).name("diffusim-checkpoints")
                .averageKeySize(AVERAGE_BATCH_KEY_BYTES).averageValueSize(CHUNK_BYTES / 2.0)
                .entries(chunkEntries).sparseFile(true).checksumEntries(true);
    }

    private static ChronicleMapBuilder<byte[], byte[]> metrics(StoreSizing sizing) {
        return ChronicleMap.of(byte[].class, byte[].class).name("diffusim-metrics")
                .averageKeySize(AVERAGE_METRIC_KEY_BYTES).averageValueSize(METRIC_VALUE_BYTES)
                .entries(entries(sizing.metricRecords())).sparseFile(true).checksumEntries(true);
    }

    private static long entries(double expected) {
        return Math.max(1, (long) Math.ceil(expected * StoreSizing.MARGIN));
    }

    /**
     * Opens map file {@code name}; one that cannot be opened (truncated, overwritten) is moved into {@code damaged/}
     * (see {@link DamagedFiles}) and made anew, so the other maps' runs still load.
     */
    private static <K, V> ChronicleMap<K, V> openOrSetAside(ChronicleMapBuilder<K, V> builder, StoreFiles files,
            String name, boolean recover, boolean grow, List<String> setAside) {
        Path path = files.file(name);
        try {
            return open(builder, path, recover, grow);
        } catch (RuntimeException | InternalError e) {
            setAside.add(DamagedFiles.setAside(files, name, e));
            return open(builder, path, false, false);
        }
    }

    private static <K, V> ChronicleMap<K, V> open(ChronicleMapBuilder<K, V> builder, Path path, boolean recover,
            boolean grow) {
        File file = path.toFile();
        try {
            if (!file.exists()) {
                return builder.createPersistedTo(file);
            }
            // false: take the configuration from the file's header, which a recovery then checks
            ChronicleMap<K, V> map = recover ? builder.recoverPersistedTo(file, false) : builder.createPersistedTo(file);
            return grow ? grown(builder, map, path) : map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the state store file " + path, e);
        }
    }

    /** Copies a map into a new file made with the builder's (larger) sizes and puts it in the old one's place. */
    private static <K, V> ChronicleMap<K, V> grown(ChronicleMapBuilder<K, V> builder, ChronicleMap<K, V> old, Path path)
            throws IOException {
        Path grown = path.resolveSibling(path.getFileName() + ".grown");
        Files.deleteIfExists(grown);
        try (ChronicleMap<K, V> copy = builder.createPersistedTo(grown.toFile())) {
            old.forEachEntry(e -> copy.put(e.key().get(), e.value().get()));
        } finally {
            old.close();
        }
        Files.move(grown, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return builder.createPersistedTo(path.toFile());
    }
}
