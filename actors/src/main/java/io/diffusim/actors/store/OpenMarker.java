package io.diffusim.actors.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The unclean-shutdown marker {@code store/open.marker} (docs/style.md habit 2): placed before the maps open, removed
 * after they closed; found at open, it means the last owner died with the maps open and they must be recovered.
 */
final class OpenMarker {

    private OpenMarker() {
    }

    /** Places the marker (synced to disk) and says whether it was already there. */
    static boolean place(StoreFiles files) {
        Path marker = files.file(StoreFiles.OPEN_MARKER);
        boolean present = Files.exists(marker);
        byte[] content = ("opened by pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        return present;
    }

    static void remove(StoreFiles files) {
        try {
            Files.deleteIfExists(files.file(StoreFiles.OPEN_MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
