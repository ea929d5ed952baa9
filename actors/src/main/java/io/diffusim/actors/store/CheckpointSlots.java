package io.diffusim.actors.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Particle checkpoints on two maps (docs/architecture.md §4), safe against a kill at any moment: each batch has two
 * slots; a new checkpoint is written, in chunks of at most {@link StateStores#CHUNK_BYTES}, into the slot that does
 * not hold the latest one, and only then does the batch's head entry switch to it. A kill mid-write leaves the head
 * on the previous complete checkpoint, and the head itself is kept in {@link TwinEntries}, so a kill while it is
 * rewritten leaves the previous head. Keys: head {@code string run | int batch}; chunk
 * {@code string run | int batch | byte slot | int index}.
 */
final class CheckpointSlots {

    private final TwinEntries heads;
    private final StoreMap<byte[], byte[]> chunks;

    CheckpointSlots(TwinEntries heads, StoreMap<byte[], byte[]> chunks) {
        this.heads = heads;
        this.chunks = chunks;
    }

    synchronized void put(String runId, int batch, Checkpoint checkpoint) {
        byte[] value = CheckpointCodec.encode(checkpoint);
        byte[] headKey = headKey(runId, batch);
        int slot = 1 - latestSlot(headKey, runId, batch);
        int count = Math.max(1, (value.length + StateStores.CHUNK_BYTES - 1) / StateStores.CHUNK_BYTES);
        for (int i = 0; i < count; i++) {
            int from = i * StateStores.CHUNK_BYTES;
            byte[] chunk = count == 1 ? value
                    : Arrays.copyOfRange(value, from, Math.min(value.length, from + StateStores.CHUNK_BYTES));
            chunks.put(chunkKey(runId, batch, slot, i), chunk);
        }
        removeChunks(runId, batch, slot, count); // left over from a longer checkpoint in this slot
        heads.put(headKey, new CheckpointHead(slot, count, value.length, checkpoint.step()).encode());
    }

    synchronized Optional<Checkpoint> get(String runId, int batch) {
        String what = describe(runId, batch);
        Optional<CheckpointHead> latest = heads.get(headKey(runId, batch), value -> CheckpointHead.decode(value, what));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        CheckpointHead head = latest.get();
        byte[] value = new byte[head.bytes()];
        int at = 0;
        for (int i = 0; i < head.chunks(); i++) {
            byte[] chunk = chunks.get(chunkKey(runId, batch, head.slot(), i));
            if (chunk == null || at + chunk.length > value.length) {
                throw new IllegalArgumentException(what + " is corrupt: chunk " + i + " of " + head.chunks() + " is "
                        + (chunk == null ? "missing" : "longer than the " + head.bytes() + " bytes announced"));
            }
            System.arraycopy(chunk, 0, value, at, chunk.length);
            at += chunk.length;
        }
        if (at != value.length) {
            throw new IllegalArgumentException(what + " is corrupt: its chunks hold " + at + " of the " + value.length
                    + " bytes announced (truncated)");
        }
        return Optional.of(CheckpointCodec.decode(value, what));
    }

    /** Removes every chunk and head of the run, including chunks no head points at any more. */
    synchronized void drop(String runId) {
        List<byte[]> chunkKeys = new ArrayList<>();
        chunks.forEachKey(key -> {
            if (runOf(key).equals(runId)) {
                chunkKeys.add(key);
            }
        });
        chunkKeys.forEach(chunks::remove);
        heads.keys().stream().filter(key -> runOf(key).equals(runId)).forEach(heads::remove);
    }

    /** The slot of the latest checkpoint, or 1 when there is none (or its head is unreadable) so slot 0 is next. */
    private int latestSlot(byte[] headKey, String runId, int batch) {
        try {
            return heads.get(headKey, value -> CheckpointHead.decode(value, describe(runId, batch)).slot()).orElse(1);
        } catch (IllegalArgumentException unreadable) {
            return 1; // it is about to be replaced by a complete checkpoint in slot 0
        }
    }

    private void removeChunks(String runId, int batch, int slot, int from) {
        for (int i = from; ; i++) {
            byte[] key = chunkKey(runId, batch, slot, i);
            if (!chunks.containsKey(key)) {
                return;
            }
            chunks.remove(key);
        }
    }

    private static String describe(String runId, int batch) {
        return "checkpoint of run " + runId + " batch " + batch;
    }

    private static byte[] headKey(String runId, int batch) {
        return new ValueWriter(ValueWriter.stringBytes(runId) + Integer.BYTES).putString(runId).putInt(batch).bytes();
    }

    private static byte[] chunkKey(String runId, int batch, int slot, int index) {
        return new ValueWriter(ValueWriter.stringBytes(runId) + Integer.BYTES + 1 + Integer.BYTES)
                .putString(runId).putInt(batch).putByte((byte) slot).putInt(index).bytes();
    }

    private static String runOf(byte[] key) {
        return new ValueReader(key, "checkpoint key").readString("run");
    }
}
