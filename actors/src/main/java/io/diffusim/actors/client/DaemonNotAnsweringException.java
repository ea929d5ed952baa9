package io.diffusim.actors.client;

/**
 * A daemon is there (its process lives and its port accepts connections) but did not answer in time
 * (docs/user-guide.md exit code 4): unlike {@link DaemonUnreachableException}, what was sent may have been acted on.
 * The message is the one line to print.
 */
public final class DaemonNotAnsweringException extends RuntimeException {
    public DaemonNotAnsweringException(String message) {
        super(message);
    }
}
