package io.diffusim.actors.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Values that are rewritten in place, kept safe against a kill in the middle of a write: each value has two
 * entries, {@code key | byte 0} and {@code key | byte 1}, each a sequence number and the value. A put overwrites
 * the entry that does not hold the latest version, so a kill mid-write can cost only that entry (Chronicle Map's
 * recovery drops an entry whose checksum fails), and the other one still holds the previous version. A get takes
 * the newest entry that decodes.
 */
final class TwinEntries {

    private final StoreMap<byte[], byte[]> map;

    TwinEntries(StoreMap<byte[], byte[]> map) {
        this.map = map;
    }

    synchronized void put(byte[] key, byte[] value) {
        byte[] zero = twin(key, 0);
        byte[] one = twin(key, 1);
        long seq0 = sequence(map.get(zero));
        long seq1 = sequence(map.get(one));
        long next = Math.max(seq0, seq1) + 1;
        byte[] entry = ByteBuffer.allocate(Long.BYTES + value.length).putLong(next).put(value).array();
        map.put(seq0 <= seq1 ? zero : one, entry);
    }

    /**
     * The latest version that {@code decode} accepts; a version it rejects with an {@link IllegalArgumentException}
     * gives way to the older one, and when both are rejected the newest one's error is thrown.
     */
    synchronized <T> Optional<T> get(byte[] key, Function<byte[], T> decode) {
        byte[][] entries = Stream.of(map.get(twin(key, 0)), map.get(twin(key, 1)))
                .filter(e -> e != null && e.length >= Long.BYTES)
                .sorted(Comparator.comparingLong(TwinEntries::sequence).reversed())
                .toArray(byte[][]::new);
        IllegalArgumentException newest = null;
        for (byte[] entry : entries) {
            try {
                return Optional.of(decode.apply(Arrays.copyOfRange(entry, Long.BYTES, entry.length)));
            } catch (IllegalArgumentException e) {
                newest = newest == null ? e : newest;
            }
        }
        if (newest != null) {
            throw newest;
        }
        return Optional.empty();
    }

    /** The keys of every stored value (each once, whichever of its entries survived), in no particular order. */
    synchronized Set<byte[]> keys() {
        Set<ByteBuffer> keys = new LinkedHashSet<>();
        map.forEachKey(entry -> keys.add(ByteBuffer.wrap(Arrays.copyOf(entry, entry.length - 1))));
        Set<byte[]> result = new LinkedHashSet<>();
        keys.forEach(k -> result.add(k.array()));
        return result;
    }

    synchronized void remove(byte[] key) {
        map.remove(twin(key, 0));
        map.remove(twin(key, 1));
    }

    private static byte[] twin(byte[] key, int which) {
        byte[] twin = Arrays.copyOf(key, key.length + 1);
        twin[key.length] = (byte) which;
        return twin;
    }

    /** The entry's sequence number; 0 for a missing (or impossibly short) entry, so it is written first. */
    private static long sequence(byte[] entry) {
        return entry == null || entry.length < Long.BYTES ? 0 : ByteBuffer.wrap(entry).getLong();
    }
}
