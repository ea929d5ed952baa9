package io.diffusim.actors.cli;

import io.diffusim.config.SpecError;
import io.diffusim.config.SpecException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/** Turns a failure into the lines printed on stderr and the exit code of docs/user-guide.md, one line per problem. */
record ErrorReport(List<String> lines, int exitCode) {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    static ErrorReport of(Throwable ex) {
        if (ex instanceof SpecException spec) {
            return new ErrorReport(spec.errors().stream().map(SpecError::message).map(ErrorReport::oneLine).toList(),
                    ExitCode.BAD_INPUT);
        }
        Throwable e = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (e instanceof FileSystemException file) {
            // the user's paths: a missing input, an output under a plain file, no permission
            return bad(file.getFile() + (file.getOtherFile() == null ? "" : " -> " + file.getOtherFile()) + ": " + reason(file));
        }
        if (e instanceof FileNotFoundException missing) {
            return bad("no such file: " + missing.getMessage());
        }
        if (e instanceof ZipException || e instanceof CharacterCodingException) {
            // a corrupt gzip or a text file that is not UTF-8: the reader's context names the file
            return bad(message(ex) + (ex == e ? "" : ": " + message(e)));
        }
        if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
            return bad(message(e));
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message(e);
        return new ErrorReport(List.of(what + (Verbosity.verbose() ? "" : " (--verbose shows details)")), ExitCode.FAILURE);
    }

    private static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static String oneLine(String text) {
        return LINE_BREAKS.matcher(text.strip()).replaceAll("; ");
    }

    private static ErrorReport bad(String line) {
        return new ErrorReport(List.of(line), ExitCode.BAD_INPUT);
    }
}
