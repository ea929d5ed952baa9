package io.diffusim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

/** Helpers of the config tests: parse spec text and collect the errors it raises. */
final class SpecTexts {

    /** Directory that relative paths in test specs resolve against. */
    static final Path BASE = Path.of("/specs");

    private SpecTexts() {
    }

    static RunSpec parse(String hocon) {
        return SpecLoader.parse(hocon, BASE);
    }

    /** Every error of an invalid spec (fails if the spec is valid). */
    static List<SpecError> errorsOf(String hocon) {
        SpecException thrown = catchThrowableOfType(() -> SpecLoader.parse(hocon, BASE), SpecException.class);
        assertThat(thrown).as("errors of %s", hocon).isNotNull();
        return thrown.errors();
    }

    /** The one error of a spec with exactly one mistake. */
    static SpecError onlyErrorOf(String hocon) {
        List<SpecError> errors = errorsOf(hocon);
        assertThat(errors).as("errors of %s", hocon).hasSize(1);
        return errors.get(0);
    }
}
