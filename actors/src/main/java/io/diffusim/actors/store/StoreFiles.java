package io.diffusim.actors.store;

import java.nio.file.Path;
import java.util.Set;

/** Where the state store lives under a data directory (docs/architecture.md §4): {@code <data-dir>/store/}. */
record StoreFiles(Path dataDir) {

    static final String RUNS = "run-records.dat";
    static final String CHECKPOINT_HEADS = "checkpoint-heads.dat";
    static final String CHECKPOINTS = "checkpoints.dat";
    static final String METRICS = "metrics.dat";
    static final String OWNER_LOCK = "owner.lock";
    static final String OPEN_MARKER = "open.marker";
    static final String SIZING = "sizing.properties";

    /** Every file the store may leave behind after a clean close. */
    static final Set<String> CLOSED_FILES = Set.of(RUNS, CHECKPOINT_HEADS, CHECKPOINTS, METRICS, OWNER_LOCK, SIZING);

    Path dir() {
        return dataDir.resolve("store");
    }

    Path file(String name) {
        return dir().resolve(name);
    }
}
