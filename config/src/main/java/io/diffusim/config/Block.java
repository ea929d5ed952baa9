package io.diffusim.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One HOCON object of a run spec being read: what the user wrote, layered over its defaults (the
 * common ones plus those of each chosen variant). Every read records a {@link SpecError} instead of
 * stopping, and returns the default so that reading goes on; {@link #finish()} reports the keys
 * the user wrote that no default declares, naming the variants they belong to.
 */
final class Block {

    private static final ConfigObject EMPTY = ConfigFactory.empty().root();

    private final String path;
    private final ConfigObject user;
    private final SpecContext context;
    private final Map<String, ConfigObject> variantTables = new LinkedHashMap<>();
    private ConfigObject defaults;
    private boolean variantUnknown;

    private Block(String path, ConfigObject user, ConfigObject defaults, SpecContext context) {
        this.path = path;
        this.user = user;
        this.defaults = defaults;
        this.context = context;
    }

    /** A block for a user value (absent or null: only defaults; not an object: an error) over its defaults. */
    static Block of(String path, ConfigValue userValue, ConfigObject defaults, SpecContext context) {
        ConfigObject user = EMPTY;
        if (!Values.isNull(userValue)) {
            if (userValue.valueType() == ConfigValueType.OBJECT) {
                user = (ConfigObject) userValue;
            } else {
                context.errors().add(path, userValue, "expected an object { ... }");
            }
        }
        return new Block(path, user, defaults, context);
    }

    SpecContext context() {
        return context;
    }

    String keyPath(String key) {
        return path + "." + key;
    }

    /** True when the user wrote a non-null value for the key. */
    boolean given(String key) {
        return !Values.isNull(user.get(key));
    }

    /** The user's value, else the default; a key without a default is a bug in reference.conf. */
    ConfigValue value(String key) {
        ConfigValue given = user.get(key);
        if (given != null) {
            return given;
        }
        ConfigValue fallback = defaults.get(key);
        if (fallback == null) {
            throw new IllegalStateException("reference.conf declares no default for " + keyPath(key));
        }
        return fallback;
    }

    /** The nested object at key, over this block's defaults for it. */
    Block child(String key) {
        ConfigValue fallback = defaults.get(key);
        return childOver(key, fallback instanceof ConfigObject object ? object : EMPTY);
    }

    /** The nested object at key, over the given defaults (e.g. a model block inside an analysis). */
    Block childOver(String key, ConfigObject childDefaults) {
        return of(keyPath(key), user.get(key), childDefaults, context);
    }

    /** The index-th element of the list at key, over the given defaults. */
    Block element(String key, int index, ConfigValue item, ConfigObject elementDefaults) {
        return of(keyPath(key) + "[" + index + "]", item, elementDefaults, context);
    }

    /** Declares a table of variant defaults so that keys of other variants are named as such. */
    void declare(String key, ConfigObject table) {
        variantTables.put(key, table);
    }

    /**
     * Reads the word choosing a variant and layers that variant's defaults over this block's;
     * empty when the word is missing (an error if required) or unknown.
     */
    <E extends Enum<E>> Optional<E> variant(String key, Class<E> type, ConfigObject table, boolean required) {
        declare(key, table);
        if (!required && Values.isNull(value(key))) {
            return Optional.empty();
        }
        Optional<E> choice = Optional.ofNullable(read(key, v -> Values.string(v).flatMap(w -> Words.parse(type, w)),
                c -> true, "one of " + Words.allowed(type), null));
        choice.ifPresentOrElse(c -> {
            if (table.get(Words.of(c)) instanceof ConfigObject layer) {
                defaults = layer.withFallback(defaults);
            }
        }, () -> variantUnknown = true);
        return choice;
    }

    /**
     * Reads and converts one value; on failure records {@code key = value: expected ...} and returns
     * the (valid) default, or {@code fallback} when there is none.
     */
    <T> T read(String key, Function<ConfigValue, Optional<T>> convert, Predicate<? super T> valid, String expected,
            T fallback) {
        ConfigValue value = value(key);
        Optional<T> converted = convert.apply(value).filter(valid);
        if (converted.isPresent()) {
            return converted.get();
        }
        if (Values.isNull(value)) {
            context.errors().add(keyPath(key), "", "missing; expected " + expected);
        } else {
            context.errors().add(keyPath(key), value, "expected " + expected);
        }
        return Optional.ofNullable(defaults.get(key)).flatMap(convert).filter(valid).orElse(fallback);
    }

    /** Records an error about the current value of key (a rule that spans several keys). */
    void error(String key, String expected) {
        context.errors().add(keyPath(key), value(key), expected);
    }

    /** Reports every key the user wrote that neither the common nor the chosen variants' defaults declare. */
    void finish() {
        for (String key : new TreeSet<>(user.keySet())) {
            if (defaults.containsKey(key)) {
                continue;
            }
            List<String> owners = owners(key);
            if (owners.isEmpty()) {
                context.errors().add(keyPath(key), user.get(key),
                        "unknown key; expected one of " + String.join(", ", new TreeSet<>(defaults.keySet())));
            } else if (!variantUnknown) {
                context.errors().add(keyPath(key), user.get(key), "applies only to " + String.join(" or ", owners));
            }
        }
    }

    private List<String> owners(String key) {
        List<String> owners = new ArrayList<>();
        variantTables.forEach((discriminator, table) -> {
            List<String> words = table.keySet().stream().sorted()
                    .filter(w -> table.get(w) instanceof ConfigObject layer && layer.containsKey(key)).toList();
            if (!words.isEmpty()) {
                owners.add(discriminator + " = " + String.join(" | ", words));
            }
        });
        return owners;
    }
}
