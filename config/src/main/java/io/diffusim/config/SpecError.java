package io.diffusim.config;

import java.util.Objects;

/**
 * One problem in a run spec (docs/spec-reference.md): the key it concerns, the value found there and what is
 * allowed, e.g. {@code run.sampler.steps = -5: expected an integer >= 0}.
 *
 * @param key full HOCON path of the key ({@code run.analyses[1].k}), or the file name / {@code (syntax)}
 * @param value the offending value as written, or empty when the key is missing or the file unreadable
 * @param expected what is allowed, or why the value cannot be used
 */
public record SpecError(String key, String value, String expected) {

    public SpecError {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expected, "expected");
    }

    /** One line for the user: {@code key = value: expected} (or {@code key: expected} without a value). */
    public String message() {
        return value.isEmpty() ? key + ": " + expected : key + " = " + value + ": " + expected;
    }
}
