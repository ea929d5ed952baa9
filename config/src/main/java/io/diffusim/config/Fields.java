package io.diffusim.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/** Typed reads of one key of a {@link Block}, each with the range or words it accepts. */
final class Fields {

    private Fields() {
    }

    static int count(Block b, String key, IntRange range) {
        IntRange bounded = new IntRange(range.min(), Math.min(range.max(), Integer.MAX_VALUE));
        return (int) longInteger(b, key, bounded);
    }

    static long longInteger(Block b, String key, IntRange range) {
        return b.read(key, Values::integer, range::contains, range.describe(), range.min());
    }

    static double number(Block b, String key, NumberRange range) {
        return b.read(key, Values::number, range::contains, range.describe(), range.lo());
    }

    /** A number or {@code null} (absent). */
    static OptionalDouble optionalNumber(Block b, String key, NumberRange range) {
        if (Values.isNull(b.value(key))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(b.read(key, Values::number, range::contains, range.describe() + " or null", range.lo()));
    }

    static boolean flag(Block b, String key) {
        return b.read(key, Values::bool, x -> true, "true or false", false);
    }

    static <E extends Enum<E>> E word(Block b, String key, Class<E> type) {
        return b.read(key, v -> Values.string(v).flatMap(w -> Words.parse(type, w)), x -> true,
                "one of " + Words.allowed(type), type.getEnumConstants()[0]);
    }

    /** A string or {@code null} (absent). */
    static Optional<String> optionalString(Block b, String key, Predicate<String> valid,
            String expected) {
        if (Values.isNull(b.value(key))) {
            return Optional.empty();
        }
        return Optional.ofNullable(b.read(key, Values::string, valid, expected + " or null", null));
    }

    /** A file path or {@code null}; relative paths resolve against the spec file's directory. */
    static Optional<Path> optionalPath(Block b, String key) {
        return optionalString(b, key, Fields::isPath, "a file path").map(b.context()::resolve);
    }

    /** A required file path; relative paths resolve against the spec file's directory. */
    static Path path(Block b, String key) {
        String text = b.read(key, Values::string, Fields::isPath, "a file path", ".");
        return b.context().resolve(text);
    }

    /** The elements of a list (an error and no elements if the value is not a list). */
    static List<ConfigValue> list(Block b, String key) {
        return b.read(key, v -> v instanceof ConfigList items ? Optional.of(List.copyOf(items)) : Optional.empty(),
                x -> true, "a list [ ... ]", List.<ConfigValue>of());
    }

    /** A list of finite numbers, each in range, accepted by the size rule. */
    static List<Double> numbers(Block b, String key, NumberRange range, IntPredicate size,
            String expected) {
        return b.read(key, v -> numbers(v, range), xs -> size.test(xs.size()), expected, List.of());
    }

    /** A list of finite numbers each in range, if the value is one. */
    static Optional<List<Double>> numbers(ConfigValue value, NumberRange range) {
        if (!(value instanceof ConfigList items)) {
            return Optional.empty();
        }
        List<Double> out = new ArrayList<>(items.size());
        for (ConfigValue item : items) {
            Optional<Double> x = Values.number(item).filter(range::contains);
            if (x.isEmpty()) {
                return Optional.empty();
            }
            out.add(x.get());
        }
        return Optional.of(List.copyOf(out));
    }

    /**
     * Two numbers that must be ordered, e.g. sigma-min and sigma-max: returns {low, high}, with an
     * error on the high key when it is below (or, if strict, equal to) the low one.
     */
    static double[] ordered(Block b, String lowKey, String highKey, NumberRange range, boolean strict) {
        double low = number(b, lowKey, range);
        double high = number(b, highKey, range);
        if (strict ? high <= low : high < low) {
            b.error(highKey, "expected a number " + (strict ? "> " : ">= ") + lowKey + " = " + NumberRange.show(low));
        }
        return new double[] {low, high};
    }

    private static boolean isPath(String text) {
        try {
            return !text.isBlank() && Path.of(text) != null;
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
