package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chronicle Map store: the contract, plus persistence, ownership, capacity and damage. */
class ChronicleRunStoreTest extends RunStoreContract {

    /** A checkpoint this long spans three chunks of {@link StateStores#CHUNK_BYTES}. */
    private static final int MULTI_CHUNK_ROWS = 150_000;

    @TempDir
    Path dataDir;

    @Override
    RunStore newStore() {
        return ChronicleRunStore.open(dataDir, StoreFixtures.SMALL);
    }

    @Test
    void shouldKeepEverythingAcrossACleanCloseAndReopen() {
        store.putRun(StoreFixtures.run("r1", 1));
        store.putRun(StoreFixtures.run("r2", 2).withState("done", null));
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(10, MULTI_CHUNK_ROWS));
        store.putCheckpoint("r1", 1, StoreFixtures.checkpoint(10, 4));
        StoreFixtures.putMetrics(store, "r1", StoreFixtures.metrics());
        store.close();

        store = ChronicleRunStore.open(dataDir, StoreFixtures.SMALL);
        assertThat(((ChronicleRunStore) store).recovered()).isFalse();
        assertThat(store.runs()).containsExactly(StoreFixtures.run("r1", 1),
                StoreFixtures.run("r2", 2).withState("done", null));
        StoreFixtures.assertSameBits(store.checkpoint("r1", 0).orElseThrow(),
                StoreFixtures.checkpoint(10, MULTI_CHUNK_ROWS));
        StoreFixtures.assertSameBits(store.checkpoint("r1", 1).orElseThrow(), StoreFixtures.checkpoint(10, 4));
        assertThat(store.metrics("r1")).hasSize(StoreFixtures.metrics().size());
        assertThat(Files.exists(dataDir.resolve("store").resolve(StoreFiles.OPEN_MARKER))).isTrue();
    }

    @Test
    void shouldReadAShorterCheckpointAfterALongerOneInTheSameSlot() {
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(10, MULTI_CHUNK_ROWS)); // slot 0
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(20, MULTI_CHUNK_ROWS)); // slot 1
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(30, 4)); // slot 0 again, one chunk
        StoreFixtures.assertSameBits(store.checkpoint("r1", 0).orElseThrow(), StoreFixtures.checkpoint(30, 4));
    }

    @Test
    void shouldRefuseASecondOwnerNamingTheDataDirectoryAndThePid() {
        assertThatThrownBy(() -> ChronicleRunStore.open(dataDir, StoreFixtures.SMALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir.toString())
                .hasMessageContaining("in use by process " + ProcessHandle.current().pid());
        store.putRun(StoreFixtures.run("r1", 1)); // the owner is unaffected
        assertThat(store.run("r1")).isPresent();
    }

    @Test
    void shouldNameTheSettingToRaiseWhenTheMetricMapIsFullAndGrowWhenItIsRaised() {
        store.close();
        Path small = dataDir.resolve("small");
        store = ChronicleRunStore.open(small, new StoreSizing(16, 4L << 20, 50));
        int stored = 0;
        IllegalStateException full = null;
        while (full == null && stored < 100_000) {
            try {
                store.putMetric("r1", stored, new MetricRecord("kl", "kl", stored, 0.5, stored));
                stored++;
            } catch (IllegalStateException e) {
                full = e;
            }
        }
        assertThat(full).isNotNull();
        assertThat(full.getMessage()).contains("metrics.dat is full").contains("raise diffusim.store.metric-records (now 50)");
        store.close();

        store = ChronicleRunStore.open(small, new StoreSizing(16, 4L << 20, 20 * 50));
        store.putMetric("r1", stored, new MetricRecord("kl", "kl", stored, 0.5, stored));
        assertThat(store.metrics("r1")).hasSize(stored + 1);
    }

    @Test
    void shouldFreeCheckpointEntriesWhenDropped() {
        int batches = fillCheckpoints("r1");
        assertThat(batches).isPositive();
        store.dropCheckpoints("r1");
        assertThat(fillCheckpoints("r2")).isGreaterThanOrEqualTo(batches);
        assertThat(store.checkpoint("r1", 0)).isEmpty();
        assertThat(store.checkpoint("r2", 0)).isPresent();
    }

    @Test
    void shouldFailNamingTheRunWhenACheckpointIsDamagedOnDisk() throws IOException {
        store.putCheckpoint("damaged-run", 2, StoreFixtures.checkpoint(10, 1000));
        store.close();
        flipAByteInTheFirstCheckpoint(dataDir.resolve("store").resolve(StoreFiles.CHECKPOINTS));

        store = ChronicleRunStore.open(dataDir, StoreFixtures.SMALL);
        assertThatThrownBy(() -> store.checkpoint("damaged-run", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("checkpoint of run damaged-run batch 2 is corrupt:")
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void shouldLeaveOnlyItsOwnFilesAndNoChronicleAnalyticsFile() throws IOException {
        Map<String, Long> analyticsBefore = analyticsFiles();
        store.putRun(StoreFixtures.run("r1", 1));
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(1, 4));
        store.putMetric("r1", 0, new MetricRecord("kl", "kl", 1, 0.5, 2.0));
        store.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).map(dataDir::relativize).map(Path::toString))
                    .allMatch(name -> name.startsWith("store/")
                            && StoreFiles.CLOSED_FILES.contains(name.substring("store/".length())));
        }
        assertThat(analyticsFiles()).isEqualTo(analyticsBefore);
    }

    @Test
    void shouldRefuseCallsAfterClose() {
        store.close();
        assertThatThrownBy(() -> store.runs()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        store.close(); // closing twice is harmless
    }

    /** Puts checkpoints of distinct batches of a run until the store is full; returns how many fitted. */
    private int fillCheckpoints(String runId) {
        for (int batch = 0; batch < 10_000; batch++) {
            try {
                store.putCheckpoint(runId, batch, StoreFixtures.checkpoint(1, 4096));
            } catch (IllegalStateException full) {
                assertThat(full.getMessage()).contains("raise diffusim.store.checkpoint-bytes (now 4 MiB)");
                return batch;
            }
        }
        throw new AssertionError("10000 checkpoints fitted in " + StoreFixtures.SMALL);
    }

    /** Chronicle's analytics files in the home directory (name to modification time); empty when none. */
    static Map<String, Long> analyticsFiles() throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".chronicle"))
                    .collect(Collectors.toMap(p -> p.getFileName().toString(), p -> p.toFile().lastModified(),
                            (a, b) -> a, TreeMap::new));
        }
    }

    private static void flipAByteInTheFirstCheckpoint(Path file) throws IOException {
        byte[] magic = {'D', 'F', 'C', 'K'};
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer content = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            for (int i = 0; i + magic.length < content.limit(); i++) {
                if (content.get(i) == magic[0] && content.get(i + 1) == magic[1] && content.get(i + 2) == magic[2]
                        && content.get(i + 3) == magic[3]) {
                    int at = i + 200; // inside the x values
                    content.put(at, (byte) (content.get(at) ^ 0x01));
                    return;
                }
            }
        }
        throw new AssertionError("no checkpoint found in " + file);
    }
}
