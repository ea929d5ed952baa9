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
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
