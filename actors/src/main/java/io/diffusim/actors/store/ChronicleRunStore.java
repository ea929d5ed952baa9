package io.diffusim.actors.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RunStore} on Chronicle Map files under {@code <data-dir>/store/} (docs/architecture.md §4): one owner process
 * (an OS file lock), an unclean-shutdown marker that makes the next open recover the maps, maps sized from
 * {@link StoreSizing}, and binary values validated when read. Thread-safe.
 */
public final class ChronicleRunStore implements RunStore {

    private static final Logger LOG = LoggerFactory.getLogger(ChronicleRunStore.class);

    private static final Comparator<RunRecord> SUBMISSION_ORDER =
            Comparator.comparingLong(RunRecord::submittedNs).thenComparing(RunRecord::id);

    private final StoreFiles files;
    private final OwnerLock lock;
    private final StateStores.Maps maps;
    private final TwinEntries runs;
    private final CheckpointSlots checkpoints;
    private final MetricIndex metricIndex = new MetricIndex();
    private final boolean recovered;
    private boolean closed;

    private ChronicleRunStore(StoreFiles files, OwnerLock lock, StateStores.Maps maps, boolean recovered) {
        this.files = files;
        this.lock = lock;
        this.maps = maps;
        this.runs = new TwinEntries(maps.runs());
        this.checkpoints = new CheckpointSlots(new TwinEntries(maps.heads()), maps.chunks());
        this.recovered = recovered;
        maps.metrics().forEachKey(this::index);
    }

    /**
     * Opens the store of a data directory, creating it if needed.
     *
     * @throws IllegalStateException if another process (or another store in this one) owns the directory
     */
    public static ChronicleRunStore open(Path dataDir, StoreSizing sizing) {
        StoreFiles files = new StoreFiles(dataDir.toAbsolutePath().normalize());
        try {
            Files.createDirectories(files.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state store directory " + files.dir(), e);
        }
        OwnerLock lock = OwnerLock.acquire(files);
        try {
            boolean unclean = OpenMarker.place(files);
            if (unclean) {
                LOG.warn("the state store in {} was not closed cleanly (its last owner died): recovering its maps",
                        files.dir());
            }
            StateStores.Maps maps = StateStores.open(files, sizing, unclean);
            try {
                return new ChronicleRunStore(files, lock, maps, unclean);
            } catch (RuntimeException | Error e) {
                maps.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /** Whether this open found an unclean shutdown and recovered the maps. */
    public boolean recovered() {
        return recovered;
    }

    public Path dataDir() {
        return files.dataDir();
    }

    @Override
    public void putRun(RunRecord run) {
        requireOpen();
        runs.put(runKey(run.id()), RunRecordCodec.encode(run));
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        requireOpen();
        return runs.get(runKey(runId), value -> RunRecordCodec.decode(runId, value));
    }

    /** Every run whose record reads back; a damaged one is skipped with a warning, so the others still load. */
    @Override
    public List<RunRecord> runs() {
        requireOpen();
        List<RunRecord> all = new ArrayList<>();
        for (byte[] key : runs.keys()) {
            try {
                String id = new ValueReader(key, "run key").readString("id");
                runs.get(key, value -> RunRecordCodec.decode(id, value)).ifPresent(all::add);
            } catch (IllegalArgumentException e) {
                LOG.warn("skipping a damaged run record in {}: {}", files.file(StoreFiles.RUNS), e.getMessage());
            }
        }
        all.sort(SUBMISSION_ORDER);
        return all;
    }

    @Override
    public List<String> notices() {
        return maps.setAside();
    }

    @Override
    public void putCheckpoint(String runId, int batch, Checkpoint checkpoint) {
        requireOpen();
        checkpoints.put(runId, batch, checkpoint);
    }

    @Override
    public Optional<Checkpoint> checkpoint(String runId, int batch) {
        requireOpen();
        return checkpoints.get(runId, batch);
    }

    @Override
    public void dropCheckpoints(String runId) {
        requireOpen();
        checkpoints.drop(runId);
    }

    @Override
    public void putMetric(String runId, long index, MetricRecord record) {
        requireOpen();
        MetricKey key = new MetricKey(runId, record.analysis(), record.metric(), record.step());
        maps.metrics().put(key.encode(), MetricKey.encodeValue(index, record));
        metricIndex.add(key);
    }

    @Override
    public List<MetricRecord> metrics(String runId) {
        requireOpen();
        List<IndexedMetric> records = new ArrayList<>();
        for (MetricIndex.Series series : metricIndex.series(runId)) {
            // one key buffer per series: only its step bytes change from record to record
            byte[] key = MetricKey.seriesKey(runId, series.analysis(), series.metric());
            for (long step : series.steps()) {
                byte[] value = maps.metrics().get(MetricKey.withStep(key, step));
                if (value == null) {
                    continue; // the index only ever grows with the map; nothing removes metric records
                }
                records.add(new MetricKey(runId, series.analysis(), series.metric(), step).decodeValue(value));
            }
        }
        return IndexedMetric.inIndexOrder(records);
    }

    @Override
    public long usableBytes() {
        try {
            return Files.getFileStore(files.dir()).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell the free space of " + files.dir(), e);
        }
    }

    @Override
    public String location() {
        return files.dir().toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            maps.close();
            OpenMarker.remove(files);
        } finally {
            lock.close();
        }
    }

    private static byte[] runKey(String runId) {
        return new ValueWriter(ValueWriter.stringBytes(runId)).putString(runId).bytes();
    }

    private void index(byte[] key) {
        try {
            metricIndex.add(MetricKey.decode(key));
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping an unreadable metric key in {}: {}", files.file(StoreFiles.METRICS), e.getMessage());
        }
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the state store in " + files.dir() + " is closed");
        }
    }
}
