package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** docs/user-guide.md: every failure is one line on stderr and one of the documented exit codes. */
class ErrorReportTest {

    @Test
    void shouldJoinAMultiLineMessageIntoOneLine() {
        ErrorReport report = ErrorReport.of(new IllegalArgumentException("shape [3, 2]\n  does not match\n[3, 1]"));
        assertThat(report.lines()).containsExactly("shape [3, 2]; does not match; [3, 1]");
        assertThat(report.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void shouldNameTheExceptionWhenItHasNoMessage() {
        assertThat(ErrorReport.of(new IllegalArgumentException()).lines()).containsExactly("IllegalArgumentException");
    }

    @Test
    void shouldReportAnErrorAsOneLineAndFailure() {
        ErrorReport report = ErrorReport.of(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"));
        assertThat(report.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(report.lines()).singleElement().asString()
                .startsWith("UnsatisfiedLinkError: no jnind4jcpu in java.library.path");
    }

    @Test
    void shouldTreatUnreadableAndCorruptFilesAsBadInput() {
        ErrorReport denied = ErrorReport.of(new UncheckedIOException(new AccessDeniedException("/data/x.csv")));
        assertThat(denied).isEqualTo(new ErrorReport(List.of("/data/x.csv: permission denied"), ExitCode.BAD_INPUT));
        ErrorReport corrupt = ErrorReport.of(new UncheckedIOException("cannot read /data/x.gz",
                new ZipException("Corrupt GZIP trailer")));
        assertThat(corrupt).isEqualTo(new ErrorReport(List.of("cannot read /data/x.gz: Corrupt GZIP trailer"),
                ExitCode.BAD_INPUT));
    }
}
