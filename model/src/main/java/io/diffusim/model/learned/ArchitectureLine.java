package io.diffusim.model.learned;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code kind key=value ...} line an {@link Architecture} describes itself with. */
final class ArchitectureLine {

    private ArchitectureLine() {
    }

    /** The key-value pairs of {@code line}, which must start with {@code kind} and hold exactly {@code count}. */
    static Map<String, String> values(String line, String kind, int count) {
        String[] words = line.split(" ");
        if (words.length != count + 1 || !words[0].equals(kind)) {
            throw bad(line);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            if (kv.length != 2) {
                throw bad(line);
            }
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    static int integer(Map<String, String> values, String key, String line) {
        try {
            return Integer.parseInt(values.getOrDefault(key, ""));
        } catch (NumberFormatException e) {
            throw bad(line);
        }
    }

    static boolean flag(Map<String, String> values, String key, String line) {
        String value = values.getOrDefault(key, "");
        if (!value.equals("true") && !value.equals("false")) {
            throw bad(line);
        }
        return Boolean.parseBoolean(value);
    }

    private static IllegalArgumentException bad(String line) {
        return new IllegalArgumentException("bad architecture '" + line + "'");
    }
}
