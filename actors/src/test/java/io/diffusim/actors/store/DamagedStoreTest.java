package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.testing.LogCapture;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/user-guide.md, fsck: a store map that cannot be opened is set aside into {@code store/damaged/} at the next
 * open, named in the log and the store's notices, and the runs of the other maps still load; {@link StoreCheck} reports
 * the damaged file before and the set-aside one after, and the intact ones as intact.
 */
class DamagedStoreTest {

    @TempDir
    Path dataDir;

    private Path storeFile(String name) {
        return dataDir.resolve("store").resolve(name);
    }

    private void writeTwoRuns() {
        try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, StoreFixtures.SMALL)) {
            store.putRun(StoreFixtures.run("r1", 1));
            store.putRun(StoreFixtures.run("r2", 2));
            StoreFixtures.putMetrics(store, "r1", StoreFixtures.metrics());
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    @Test
    void shouldReportEveryMapIntactAfterACleanClose() {
        writeTwoRuns();
        List<StoreCheck.Finding> findings = StoreCheck.run(dataDir);
        assertThat(findings).allMatch(StoreCheck.Finding::intact).hasSize(4);
        assertThat(findings.get(0).line()).isEqualTo(storeFile(StoreFiles.RUNS) + ": intact, 2 run records read back");
        assertThat(findings.get(3).line()).isEqualTo(storeFile(StoreFiles.METRICS) + ": intact, 5 metric records read back");
    }

    @Test
    void shouldSetATruncatedMapAsideAndStillLoadTheOtherMapsRuns() throws IOException {
        writeTwoRuns();
        truncate(storeFile(StoreFiles.METRICS), 100);
        assertThat(StoreCheck.run(dataDir)).filteredOn(f -> !f.intact()).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo(storeFile(StoreFiles.METRICS).toString()));

        try (LogCapture log = LogCapture.of(DamagedFiles.class);
                ChronicleRunStore store = ChronicleRunStore.open(dataDir, StoreFixtures.SMALL)) {
            assertThat(store.runs()).extracting(RunRecord::id).containsExactly("r1", "r2");
            assertThat(store.metrics("r1")).as("the metrics were in the damaged file").isEmpty();
            assertThat(store.notices()).singleElement().asString()
                    .startsWith("store file " + storeFile(StoreFiles.METRICS) + " could not be opened (")
                    .contains("it was moved to " + dataDir.resolve("store/damaged/metrics.dat."));
            assertThat(log.lines()).singleElement().asString().startsWith("ERROR store file ");
            store.putMetric("r1", 0, new MetricRecord("kl", "kl", 1, 0.5, 2.0));
        }
        try (Stream<Path> damaged = Files.list(dataDir.resolve("store/damaged"))) {
            assertThat(damaged).singleElement().satisfies(f -> assertThat(Files.size(f)).isEqualTo(100));
        }
        List<StoreCheck.Finding> after = StoreCheck.run(dataDir);
        assertThat(after).filteredOn(StoreCheck.Finding::intact).hasSize(4);
        assertThat(after).filteredOn(f -> !f.intact()).singleElement().satisfies(f -> assertThat(f.line())
                .contains("store/damaged/metrics.dat.").contains("set aside by the daemon"));
    }
}
