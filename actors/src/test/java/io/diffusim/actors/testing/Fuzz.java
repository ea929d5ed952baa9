package io.diffusim.actors.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The fuzz suite's shared seed, damage and counts: {@code SpecFuzzTest}, {@code WireFuzzTest} and {@code FileFuzzTest}
 * draw every case from {@link #SEED}, so a failure is replayed by running the test again, and each prints what it
 * tried, by kind, with how each ended.
 */
public final class Fuzz {

    public static final long SEED = 20_261_204L;

    private final Map<String, Integer> counts = new TreeMap<>();

    /** Counts one case of {@code kind} that ended as {@code outcome}. */
    public void count(String kind, String outcome) {
        counts.merge(kind + " -> " + outcome, 1, Integer::sum);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Prints the counts, one line each, under {@code title}. */
    public void print(String title) {
        System.out.println(title + ": " + total() + " cases");
        counts.forEach((what, n) -> System.out.printf("  %6d  %s%n", n, what));
    }

    /** {@code bytes} cut at a random length short of the whole. */
    public static byte[] truncated(byte[] bytes, Random random) {
        return Arrays.copyOf(bytes, bytes.length <= 1 ? 0 : random.nextInt(bytes.length));
    }

    /** {@code bytes} with one to eight random bits flipped. */
    public static byte[] bitFlipped(byte[] bytes, Random random) {
        byte[] flipped = bytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && flipped.length > 0; i++) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    /** Random bytes of a random length up to {@code max}. */
    public static byte[] noise(int max, Random random) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }
}
