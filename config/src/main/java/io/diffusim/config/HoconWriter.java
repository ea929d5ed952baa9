package io.diffusim.config;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes nested maps (keys in insertion order), lists and scalars as HOCON: enum constants as bare
 * words, strings and paths quoted, doubles in their exact shortest form so that parsing gives back
 * the same value.
 */
final class HoconWriter {

    private static final String INDENT = "  ";

    private HoconWriter() {
    }

    static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder();
        value(out, object, 0);
        return out.toString();
    }

    private static void value(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> object) {
            object(out, object, depth);
        } else if (value instanceof List<?> list) {
            list(out, list, depth);
        } else if (value instanceof Enum<?> word) {
            out.append(Words.of(word));
        } else if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("cannot write the non-finite number " + x + " as HOCON");
            }
            out.append(x);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof String || value instanceof Path) {
            out.append(ConfigValueFactory.fromAnyRef(value.toString()).render(ConfigRenderOptions.concise()));
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as HOCON");
        }
    }

    private static void object(StringBuilder out, Map<?, ?> object, int depth) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            // key { ... } for objects, key = value otherwise
            out.append(INDENT.repeat(depth + 1)).append(entry.getKey()).append(entry.getValue() instanceof Map ? " " : " = ");
            value(out, entry.getValue(), depth + 1);
            out.append('\n');
        }
        out.append(INDENT.repeat(depth)).append('}');
    }

    private static void list(StringBuilder out, List<?> list, int depth) {
        boolean objects = list.stream().anyMatch(x -> x instanceof Map);
        if (!objects) {
            // Scalars and matrices stay on one line.
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                value(out, list.get(i), depth);
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        for (Object item : list) {
            out.append(INDENT.repeat(depth + 1));
            value(out, item, depth + 1);
            out.append('\n');
        }
        out.append(INDENT.repeat(depth)).append(']');
    }
}
