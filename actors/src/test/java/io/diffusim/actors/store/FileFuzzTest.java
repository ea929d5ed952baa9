package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffusim.actors.testing.Fuzz;
import io.diffusim.config.DataSpec.Split;
import io.diffusim.model.data.CsvDataset;
import io.diffusim.model.data.FashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite, files (docs/security.md): checkpoints, run records, CSV and IDX files and the store's map files,
 * truncated and bit-flipped with the suite's seed. Every damaged input is read back intact or refused with an error
 * naming it; a store whose files were damaged still opens (setting a map aside when it must) and gives back every run
 * record that survived exactly as it was written.
 */
class FileFuzzTest {

    private static final int CASES = 200;
    private static final int STORES = 30;
    /** Smaller than the store tests' sizes: each case copies every file, holes included. */
    private static final StoreSizing TINY = new StoreSizing(8, 1L << 20, 200);

    @TempDir
    Path dir;

    private final Random random = new Random(Fuzz.SEED);
    private final Fuzz fuzz = new Fuzz();

    private byte[] damage(byte[] bytes, String kind) {
        boolean cut = random.nextBoolean();
        fuzz.count(kind, cut ? "truncated" : "bit-flipped");
        return cut ? Fuzz.truncated(bytes, random) : Fuzz.bitFlipped(bytes, random);
    }

    @Test
    void shouldRefuseEveryDamagedCheckpointAndRunRecordNamingTheRun() {
        byte[] checkpoint = CheckpointCodec.encode(StoreFixtures.checkpoint(7, 50));
        byte[] record = RunRecordCodec.encode(StoreFixtures.run("r1", 5));
        for (int i = 0; i < CASES; i++) {
            byte[] damagedCheckpoint = damage(checkpoint, "checkpoint");
            assertThatThrownBy(() -> CheckpointCodec.decode(damagedCheckpoint, "checkpoint of run r1 batch 0"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("checkpoint of run r1 batch 0 is corrupt:");
            byte[] damagedRecord = damage(record, "run record");
            try {
                assertThat(RunRecordCodec.decode("r1", damagedRecord).id()).isEqualTo("r1");
                fuzz.count("run record", "read (a flip in its text)");
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("run record of run r1 is corrupt:");
            }
        }
        fuzz.print("checkpoint and run record fuzz (seed " + Fuzz.SEED + ")");
    }

    @Test
    void shouldReadOrNameEveryDamagedCsvAndIdxFile() throws IOException {
        StringBuilder csv = new StringBuilder("x0,x1,label\n");
        for (int i = 0; i < STORES; i++) {
            csv.append(i * 0.25).append(',').append(-i * 1.5e-3).append(',').append(i % 3).append('\n');
        }
        byte[] csvBytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] labels = idx(2049, new int[] {12}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1});
        byte[] images = idx(2051, new int[] {12, 28, 28}, new byte[12 * 28 * 28]);
        for (int i = 0; i < CASES; i++) {
            Path file = Files.write(dir.resolve("points-" + i + ".csv"), damage(csvBytes, "csv"));
            readOrNamed(file, () -> CsvDataset.read(file, 100), "csv");
            Path images28 = Files.createDirectories(dir.resolve("idx-" + i));
            boolean labelsDamaged = random.nextBoolean();
            Files.write(images28.resolve("train-labels-idx1-ubyte"), labelsDamaged ? damage(labels, "idx") : labels);
            Files.write(images28.resolve("train-images-idx3-ubyte"), labelsDamaged ? images : damage(images, "idx"));
            readOrNamed(images28, () -> FashionMnist.read(images28, Split.TRAIN, 12, List.of(), -1, 1), "idx");
        }
        fuzz.print("csv and idx fuzz (seed " + Fuzz.SEED + ")");
    }

    @Test
    void shouldOpenEveryDamagedStoreAndKeepTheRecordsThatSurvived() throws IOException {
        Path pristine = dir.resolve("pristine");
        List<RunRecord> written = List.of(StoreFixtures.run("r1", 1), StoreFixtures.run("r2", 2),
                StoreFixtures.run("r3", 3));
        try (ChronicleRunStore store = ChronicleRunStore.open(pristine, TINY)) {
            written.forEach(store::putRun);
            StoreFixtures.putMetrics(store, "r1", StoreFixtures.metrics());
            store.putCheckpoint("r2", 0, StoreFixtures.checkpoint(3, 20));
        }
        List<String> maps = List.of(StoreFiles.RUNS, StoreFiles.CHECKPOINT_HEADS, StoreFiles.CHECKPOINTS,
                StoreFiles.METRICS);
        for (int i = 0; i < STORES; i++) {
            Path dataDir = copy(pristine, dir.resolve("store-" + i));
            String map = maps.get(random.nextInt(maps.size()));
            Path file = dataDir.resolve("store").resolve(map);
            Files.write(file, damage(Files.readAllBytes(file), "store " + map));
            try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, TINY)) {
                fuzz.count("store " + map, store.notices().isEmpty() ? "opened" : "set aside");
                assertThat(written).containsAll(store.runs());
                readOrNamed(file, () -> store.checkpoint("r2", 0), "checkpoint read");
                readOrNamed(file, () -> store.metrics("r1"), "metrics read");
            }
        }
        fuzz.print("store fuzz (seed " + Fuzz.SEED + ")");
    }

    /** Runs {@code read}; a failure must be a named error (the file, or what was read, in its message). */
    private void readOrNamed(Path file, Runnable read, String kind) {
        try {
            read.run();
            fuzz.count(kind + " read back", "ok");
        } catch (IllegalArgumentException | UncheckedIOException e) {
            assertThat(e.getMessage()).as(kind).satisfiesAnyOf(m -> assertThat(m).contains(file.getFileName().toString()),
                    m -> assertThat(m).contains("corrupt"));
            fuzz.count(kind + " read back", "refused: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] idx(int magic, int[] sizes, byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length + body.length).putInt(magic);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        return buffer.put(body).array();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }
}
