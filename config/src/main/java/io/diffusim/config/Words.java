package io.diffusim.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The spec's spelling of enum constants: lower case with hyphens ({@code LOG_LINEAR} is
 * {@code log-linear}), so every closed set of words in docs/spec-reference.md is an enum and nothing else
 * needs to compare strings.
 */
public final class Words {

    private Words() {
    }

    /** The word for a constant, e.g. {@code fm-euler}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant spelled by a word, if any (exact, case-sensitive match). */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equals(word)).findFirst();
    }

    /** All words of an enum, as listed in error messages: {@code a | b | c}. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Words::of).collect(Collectors.joining(" | "));
    }
}
