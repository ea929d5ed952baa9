package io.diffusim.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/spec-reference.md documents every key of reference.conf with its default, and nothing else: each
 * key a user can write, for each kind it applies to, has exactly one table row {@code | `key` | for | default
 * | ... |} whose default parses to the value reference.conf gives, and every row names a real key.
 */
class SpecReferenceDocTest {

    private static final Path DOC = Path.of(System.getProperty("diffusim.root", ".."), "docs", "spec-reference.md");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** Where each table of reference.conf appears in a user's spec; a null prefix marks the common run block. */
    private static final Map<String, String> TABLES = Map.of(
            "data-defaults", "data.", "geometry-defaults", "data.", "process-defaults", "process.",
            "schedule-defaults", "process.", "model-defaults", "model.", "sampler-defaults", "sampler.",
            "analysis-defaults", "analyses[].");
    private static final String COMMON = "";

    /** One documented key: what a user writes, the kind it applies to ("" for every kind) and its default. */
    private record Entry(String key, String variant, Object value) {
    }

    private static List<Entry> reference;
    private static List<Row> rows;

    private record Row(String key, Set<String> variants, Object value, String line) {
    }

    @BeforeAll
    static void read() throws IOException {
        Config diffusim = ConfigFactory.parseResources("reference.conf").resolve().getConfig("diffusim");
        reference = new ArrayList<>();
        leaves(diffusim.getObject("run"), "", COMMON, reference);
        leaves(diffusim.getObject("gmm-component"), "data.components[].", COMMON, reference);
        leaves(diffusim.getObject("analysis"), "analyses[].", COMMON, reference);
        TABLES.forEach((table, prefix) -> diffusim.getObject(table).forEach((variant, block) ->
                leaves((ConfigObject) block, prefix, variant, reference)));
        rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                rows.add(row(line));
            }
        }
    }

    @Test
    void shouldDocumentEveryKeyOfReferenceConfWithItsDefault() {
        List<String> problems = new ArrayList<>();
        for (Entry entry : reference) {
            List<Row> matches = rows.stream().filter(r -> r.key().equals(entry.key())
                    && (entry.variant().isEmpty() ? r.variants().isEmpty() : r.variants().contains(entry.variant()))).toList();
            String what = "`" + entry.key() + "`" + (entry.variant().isEmpty() ? "" : " for `" + entry.variant() + "`")
                    + " (default " + entry.value() + ")";
            if (matches.size() != 1) {
                problems.add(what + ": " + matches.size() + " rows");
            } else if (!Objects.equals(matches.get(0).value(), entry.value())) {
                problems.add(what + ": the row says " + matches.get(0).value());
            }
        }
        assertThat(problems).as("keys of reference.conf missing from or wrong in %s", DOC).isEmpty();
    }

    @Test
    void shouldDocumentOnlyKeysThatReferenceConfHas() {
        List<String> unknown = new ArrayList<>();
        for (Row row : rows) {
            Set<String> variants = row.variants().isEmpty() ? Set.of(COMMON) : row.variants();
            for (String variant : variants) {
                if (reference.stream().noneMatch(e -> e.key().equals(row.key()) && e.variant().equals(variant))) {
                    unknown.add(row.key() + (variant.isEmpty() ? "" : " for " + variant));
                }
            }
        }
        assertThat(unknown).as("rows of %s that reference.conf does not declare", DOC).isEmpty();
    }

    /** Every leaf under {@code block} (objects are walked, lists and scalars are leaves). */
    private static void leaves(ConfigObject block, String prefix, String variant, List<Entry> out) {
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
            String key = prefix + e.getKey();
            ConfigValue value = e.getValue();
            if (value.valueType() == ConfigValueType.OBJECT && !((ConfigObject) value).isEmpty()) {
                leaves((ConfigObject) value, key + ".", variant, out);
            } else {
                out.add(new Entry(key, variant, normal(value.unwrapped())));
            }
        }
    }

    private static Row row(String line) {
        String[] cells = CELL_SEPARATOR.split(line);
        assertThat(cells.length).as("a key row has key, for, default and description cells: %s", line).isGreaterThanOrEqualTo(5);
        String key = code(cells[1]).stream().findFirst().orElseThrow();
        Set<String> variants = code(cells[2]);
        String text = cells[3].trim().replace("`", "").replace("\\|", "|");
        Object value = normal(ConfigFactory.parseString("v = " + text).root().get("v").unwrapped());
        return new Row(key, variants, value, line);
    }

    private static Set<String> code(String cell) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            words.add(m.group(1));
        }
        return words;
    }

    /** Numbers as doubles, lists and maps element by element, so that 1e-4 and 0.0001 compare equal. */
    private static Object normal(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SpecReferenceDocTest::normal).toList();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), e -> normal(e.getValue())));
        }
        return value;
    }
}
