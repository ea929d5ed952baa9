package io.diffusim.actors.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code bin/diffusim fsck} finds in a data directory's state store (docs/user-guide.md): each map file opened as
 * it is and every entry of it read back through its codec, and the files set aside in {@code store/damaged/}. It
 * changes nothing (no recovery, no setting aside), and holds the store's owner lock while it reads, so it never runs
 * beside a daemon.
 */
public final class StoreCheck {

    /** One line of the report. */
    public record Finding(String file, boolean intact, String detail) {
        public String line() {
            return file + ": " + (intact ? "intact" : "DAMAGED") + (detail.isEmpty() ? "" : ", " + detail);
        }
    }

    private static final List<String> MAPS = List.of(StoreFiles.RUNS, StoreFiles.CHECKPOINT_HEADS,
            StoreFiles.CHECKPOINTS, StoreFiles.METRICS);

    private StoreCheck() {
    }

    /**
     * @throws IllegalArgumentException when {@code dataDir} has no store, or a daemon owns it
     */
    public static List<Finding> run(Path dataDir) {
        StoreFiles files = new StoreFiles(dataDir.toAbsolutePath().normalize());
        if (!Files.isDirectory(files.dir())) {
            throw new IllegalArgumentException("no state store in " + files.dataDir() + " (" + files.dir()
                    + " does not exist)");
        }
        OwnerLock lock;
        try {
            lock = OwnerLock.acquire(files);
        } catch (IllegalStateException inUse) {
            throw new IllegalArgumentException(inUse.getMessage(), inUse);
        }
        try {
            List<Finding> findings = new ArrayList<>();
            if (Files.exists(files.file(StoreFiles.OPEN_MARKER))) {
                findings.add(new Finding(files.file(StoreFiles.OPEN_MARKER).toString(), true,
                        "its last owner died with the maps open: the daemon recovers them at its next start"));
            }
            for (String name : MAPS) {
                findings.add(check(files, name));
            }
            findings.addAll(setAside(files));
            return findings;
        } finally {
            lock.close();
        }
    }

    private static Finding check(StoreFiles files, String name) {
        Path file = files.file(name);
        if (!Files.exists(file)) {
            return new Finding(file.toString(), true, "absent (the daemon makes it at its next start)");
        }
        try (StoreMap<byte[], byte[]> map = StateStores.openAsIs(files, name)) {
            return switch (name) {
                case StoreFiles.RUNS -> runs(file, map);
                case StoreFiles.METRICS -> metrics(file, map);
                default -> entries(file, map);
            };
        } catch (RuntimeException | InternalError e) {
            return new Finding(file.toString(), false, "cannot be opened or read: " + e.getMessage());
        }
    }

    private static Finding runs(Path file, StoreMap<byte[], byte[]> map) {
        TwinEntries twins = new TwinEntries(map);
        int good = 0;
        List<String> bad = new ArrayList<>();
        for (byte[] key : twins.keys()) {
            try {
                String id = new ValueReader(key, "run key").readString("id");
                twins.get(key, value -> RunRecordCodec.decode(id, value));
                good++;
            } catch (IllegalArgumentException e) {
                bad.add(e.getMessage());
            }
        }
        return new Finding(file.toString(), bad.isEmpty(), good + " run records read back"
                + (bad.isEmpty() ? "" : ", " + bad.size() + " damaged (the daemon skips them): " + String.join("; ", bad)));
    }

    private static Finding metrics(Path file, StoreMap<byte[], byte[]> map) {
        long[] counts = new long[2];
        map.forEach((key, value) -> {
            try {
                MetricKey.decode(key).decodeValue(value);
                counts[0]++;
            } catch (IllegalArgumentException e) {
                counts[1]++;
            }
        });
        return new Finding(file.toString(), counts[1] == 0, counts[0] + " metric records read back"
                + (counts[1] == 0 ? "" : ", " + counts[1] + " damaged (the daemon skips them)"));
    }

    private static Finding entries(Path file, StoreMap<byte[], byte[]> map) {
        long[] count = new long[1];
        map.forEach((key, value) -> count[0]++);
        return new Finding(file.toString(), true, count[0] + " entries read (checkpoint values are checked when a run"
                + " resumes from them)");
    }

    private static List<Finding> setAside(StoreFiles files) {
        Path dir = files.dir().resolve(DamagedFiles.DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> damaged = Files.list(dir)) {
            return damaged.sorted().map(f -> new Finding(f.toString(), false, "set aside by the daemon at a start;"
                    + " delete it once its bytes are no longer wanted")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
