package io.diffusim.actors.store;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * One persisted map of the store and the setting that sizes it: a put that finds the map full fails with a
 * message naming that setting, instead of Chronicle Map's generic "Attempt to allocate extra segment tier".
 */
final class StoreMap<K, V> implements AutoCloseable {

    private final ChronicleMap<K, V> map;
    private final String setting;
    private final String current;

    StoreMap(ChronicleMap<K, V> map, String setting, String current) {
        this.map = map;
        this.setting = setting;
        this.current = current;
    }

    V get(K key) {
        return map.get(key);
    }

    void put(K key, V value) {
        try {
            map.put(key, value);
        } catch (IllegalStateException e) {
            throw isFull(e) ? full(e) : e;
        }
    }

    boolean containsKey(K key) {
        return map.containsKey(key);
    }

    void remove(K key) {
        map.remove(key);
    }

    /** Visits every entry; the key and value handed over are copies the visitor may keep. */
    void forEach(BiConsumer<K, V> visitor) {
        map.forEachEntry(e -> visitor.accept(e.key().getUsing(null), e.value().getUsing(null)));
    }

    /** Visits every key (a copy the visitor may keep), without reading the values. */
    void forEachKey(Consumer<K> visitor) {
        map.forEachEntry(e -> visitor.accept(e.key().getUsing(null)));
    }

    long size() {
        return map.longSize();
    }

    @Override
    public void close() {
        map.close();
    }

    private IllegalStateException full(IllegalStateException cause) {
        return new IllegalStateException("the state store file " + map.file() + " is full (" + map.longSize()
                + " entries): raise " + setting + " (now " + current + ") and restart the daemon; the store grows its"
                + " files to the new size when it opens", cause);
    }

    private static boolean isFull(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("extra segment tier") || message.contains("Entry is too large");
    }
}
