package io.diffusim.actors.runtime;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One line for a failure that ends a run or a request: the message of the exception under the future's wrapper. */
final class Failures {

    private Failures() {
    }

    static String message(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.toString() : cause.getMessage();
        // a reason is shown on one line (list, status, the dashboard): the first line of a multi-line message
        return message.strip().lines().findFirst().orElse(message);
    }

    /** Whether {@code failure} is, under its wrappers, a file write that failed (a full disk, a directory in the way). */
    static boolean isWriteFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
