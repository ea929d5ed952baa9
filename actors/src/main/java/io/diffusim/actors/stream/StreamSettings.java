package io.diffusim.actors.stream;

import com.typesafe.config.Config;
import io.aeron.ChannelUri;
import io.aeron.CommonContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The {@code diffusim.stream} settings (diffusim-stream.conf), read and validated once (docs/style.md habit 7): where
 * and how the daemon publishes its metric stream.
 *
 * @param directory      the media driver's directory (embedded: made and deleted by the daemon; external: given)
 * @param termLength     bytes of one term of the publication's log buffer
 * @param idleMaxPark    longest sleep of the embedded driver's thread when idle
 */
public record StreamSettings(boolean enabled, String channel, int streamId, boolean embeddedDriver, Path directory,
        int termLength, Duration idleMaxPark, Duration heartbeatInterval) {

    private static final String ROOT = "diffusim.stream.";
    private static final int MIN_TERM = 64 * 1024;
    private static final int MAX_TERM = 1024 * 1024 * 1024;
    private static final Path SHM = Path.of("/dev/shm");

    public StreamSettings {
        if (channel == null || !(channel.startsWith("aeron:ipc") || channel.startsWith("aeron:udp"))) {
            throw bad("channel", channel, "an aeron:ipc or aeron:udp channel URI");
        }
        try {
            ChannelUri.parse(channel);
        } catch (RuntimeException e) {
            throw bad("channel", channel, "a valid Aeron channel URI (" + e.getMessage() + ")");
        }
        if (channel.startsWith("aeron:udp") && !onLoopback(ChannelUri.parse(channel))) {
            throw bad("channel", channel, "a UDP channel on loopback (endpoint and control 127.0.0.1 or localhost): "
                    + "the stream is not encrypted; from another machine, watch polls through remoting "
                    + "(docs/security.md)");
        }
        if (streamId == 0) {
            throw bad("stream-id", streamId, "a non-zero integer");
        }
        if (directory == null) {
            throw new IllegalArgumentException(ROOT + "directory must not be null");
        }
        if (termLength < MIN_TERM || termLength > MAX_TERM || Integer.bitCount(termLength) != 1) {
            throw bad("term-length", termLength, "a power of two from 64 KiB to 1 GiB");
        }
        if (idleMaxPark.isNegative() || idleMaxPark.isZero() || idleMaxPark.compareTo(Duration.ofSeconds(1)) > 0) {
            throw bad("idle-max-park", idleMaxPark, "a positive duration of at most 1s");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw bad("heartbeat-interval", heartbeatInterval, "a positive duration");
        }
    }

    /** Whether every address the UDP channel names (endpoint, control, interface) is loopback; names are not resolved. */
    private static boolean onLoopback(ChannelUri uri) {
        for (String key : new String[] {CommonContext.ENDPOINT_PARAM_NAME, CommonContext.MDC_CONTROL_PARAM_NAME,
                CommonContext.INTERFACE_PARAM_NAME}) {
            String address = uri.get(key);
            if (address != null && !loopbackHost(address)) {
                return false;
            }
        }
        return uri.get(CommonContext.ENDPOINT_PARAM_NAME) != null || uri.get(CommonContext.MDC_CONTROL_PARAM_NAME) != null;
    }

    private static boolean loopbackHost(String address) {
        String host = address.startsWith("[") ? address.substring(1, Math.max(1, address.indexOf(']')))
                : address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
        int slash = host.indexOf('/');
        host = slash < 0 ? host : host.substring(0, slash); // an interface may carry a subnet
        return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The settings under {@code diffusim.stream}; the default directory derives from {@code dataDir}. */
    public static StreamSettings from(Config config, Path dataDir) {
        Config stream = config.getConfig("diffusim.stream");
        boolean embedded = stream.getBoolean("embedded-driver");
        String directory = stream.getString("directory");
        if (directory.isBlank() && !embedded) {
            throw bad("directory", "\"\"", "the external media driver's directory when embedded-driver = false");
        }
        long termLength = stream.getBytes("term-length");
        if (termLength > MAX_TERM) {
            throw bad("term-length", termLength, "a power of two from 64 KiB to 1 GiB");
        }
        return new StreamSettings(stream.getBoolean("enabled"), stream.getString("channel"), stream.getInt("stream-id"),
                embedded, directory.isBlank() ? defaultDirectory(dataDir) : Path.of(directory).toAbsolutePath(),
                (int) termLength, stream.getDuration("idle-max-park"), stream.getDuration("heartbeat-interval"));
    }

    /** What the daemon advertises in daemon.json for subscribers. */
    public StreamAddress address() {
        return new StreamAddress(directory.toString(), channel, streamId);
    }

    /** The channel with this term length, unless the channel sets its own. */
    public String publicationChannel() {
        ChannelUri uri = ChannelUri.parse(channel);
        if (uri.get(CommonContext.TERM_LENGTH_PARAM_NAME) == null) {
            uri.put(CommonContext.TERM_LENGTH_PARAM_NAME, Integer.toString(termLength));
        }
        return uri.toString();
    }

    /** One directory per data directory: a daemon restarted after a kill reuses (and cleans) the one it left. */
    static Path defaultDirectory(Path dataDir) {
        Path parent = Files.isDirectory(SHM) ? SHM : Path.of(System.getProperty("java.io.tmpdir"));
        return parent.resolve("diffusim-" + shortHash(dataDir.toAbsolutePath().normalize().toString()));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IllegalArgumentException bad(String key, Object value, String expected) {
        return new IllegalArgumentException(ROOT + key + " = " + value + ": expected " + expected);
    }
}
