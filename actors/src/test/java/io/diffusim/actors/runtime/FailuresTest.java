package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A failure's reason is one line: the cause under the future's wrappers, first line only. */
class FailuresTest {

    @Test
    void shouldGiveTheFirstLineOfTheCauseUnderACompletionException() {
        Throwable failure = new CompletionException(new IllegalStateException("cannot read data.csv\n  row 3: 'x' is not a number"));
        assertThat(Failures.message(failure)).isEqualTo("cannot read data.csv");
    }

    @Test
    void shouldNameTheExceptionWhenItHasNoMessage() {
        assertThat(Failures.message(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
