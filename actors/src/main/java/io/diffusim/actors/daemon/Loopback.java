package io.diffusim.actors.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a bind address stays on this machine: what decides if remoting and the dashboard must use TLS. */
public final class Loopback {

    private Loopback() {
    }

    /** @throws IllegalArgumentException naming {@code --bind} when the host is unknown */
    public static boolean is(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + host + ": unknown host", e);
        }
    }
}
