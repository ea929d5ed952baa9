package io.diffusim.config;

import java.util.List;
import java.util.stream.Collectors;

/** A run spec that cannot be used, with every problem found in one pass (docs/spec-reference.md). */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SpecError> errors;

    public SpecException(List<SpecError> errors) {
        super(errors.stream().map(SpecError::message).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one error, got none");
        }
        this.errors = List.copyOf(errors);
    }

    /** All problems, in the order they were found. */
    public List<SpecError> errors() {
        return errors;
    }
}
