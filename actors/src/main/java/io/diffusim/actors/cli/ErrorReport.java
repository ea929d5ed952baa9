package io.diffusim.actors.cli;

import io.diffusim.config.SpecError;
import io.diffusim.config.SpecException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Turns a failure into the lines printed on stderr and the exit code of RUNSPEC.md. */
record ErrorReport(List<String> lines, int exitCode) {

    static ErrorReport of(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (e instanceof SpecException spec) {
            return new ErrorReport(spec.errors().stream().map(SpecError::message).toList(), ExitCode.BAD_INPUT);
        }
        if (e instanceof NoSuchFileException missing) {
            return bad("no such file: " + missing.getFile());
        }
        if (e instanceof FileNotFoundException missing) {
            return bad("no such file: " + missing.getMessage());
        }
        if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
            return bad(e.getMessage());
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new ErrorReport(List.of(what + (Verbosity.verbose() ? "" : " (--verbose shows details)")), ExitCode.FAILURE);
    }

    private static ErrorReport bad(String line) {
        return new ErrorReport(List.of(line), ExitCode.BAD_INPUT);
    }
}
