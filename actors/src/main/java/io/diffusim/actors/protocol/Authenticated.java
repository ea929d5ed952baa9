package io.diffusim.actors.protocol;

/**
 * A front-door request from another process with the token of the daemon it is meant for (docs/security.md,
 * {@code daemon.json}). The daemon's remote gate passes it on only when the token is the daemon's; otherwise the
 * request's {@code replyTo} is answered {@link Refused}.
 */
public record Authenticated(String token, FrontDoorCommand request) implements CborSerializable {

    /** The answer to a request whose token is missing or wrong; nothing was done. */
    public record Refused(String reason) implements CborSerializable {
    }
}
