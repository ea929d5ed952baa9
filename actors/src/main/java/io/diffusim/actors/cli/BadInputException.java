package io.diffusim.actors.cli;

/** Input from outside (arguments, files) that cannot be used; exits with {@link ExitCode#BAD_INPUT}. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
