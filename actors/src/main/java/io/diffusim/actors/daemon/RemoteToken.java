package io.diffusim.actors.daemon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-daemon secret every remoting request carries (docs/security.md): 32 random bytes, URL-safe Base64, made at
 * start-up and written to the owner-only {@code daemon.json}, so only processes of a user who can read that file may
 * control the daemon (as only the owner of Docker's socket may control Docker).
 */
public final class RemoteToken {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RemoteToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code given} is {@code expected}, compared in time independent of where they differ; null matches nothing. */
    public static boolean matches(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
