package io.diffusim.actors.client;

/** No daemon answers where the CLI looked (docs/user-guide.md exit code 3); the message is the one line to print. */
public final class DaemonUnreachableException extends RuntimeException {
    public DaemonUnreachableException(String message) {
        super(message);
    }
}
