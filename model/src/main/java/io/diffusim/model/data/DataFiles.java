package io.diffusim.model.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place where the image data readers (IDX, PNG folders, .npy arrays, heat maps) open files: only a regular
 * file of at most {@link #MAX_BYTES} is read, and a folder is listed only here, so that a rule about which paths a
 * spec may name has one home.
 */
public final class DataFiles {

    /** Far above a laptop-sized image set (Fashion-MNIST's training images are 47 MB); a larger file is refused. */
    public static final long MAX_BYTES = 4L << 30;
    /** Most files a PNG folder may hold. */
    public static final int MAX_FILES = 1 << 20;

    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** A buffered stream of a regular file of at most MAX_BYTES; the caller closes it. */
    public static InputStream open(Path file) {
        size(file);
        try {
            return new BufferedInputStream(Files.newInputStream(file), BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The size in bytes of a regular file of at most MAX_BYTES; anything else is a named error. */
    public static long size(Path file) {
        if (!Files.exists(file)) {
            throw new DataFormatException(file.toString(), "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file.toString(), "not a regular file (a directory, device or pipe)");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new DataFormatException(file.toString(), size + " bytes: a data file may have at most " + MAX_BYTES + " bytes");
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The files of {@code dir} whose name ends in {@code suffix} (any case), sorted by name; none is an error. */
    public static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir.toString(), "no such directory");
        }
        List<Path> files = new ArrayList<>();
        String wanted = suffix.toLowerCase(Locale.ROOT);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(wanted)) {
                    if (files.size() == MAX_FILES) {
                        throw new DataFormatException(dir.toString(), "more than " + MAX_FILES + " " + suffix + " files");
                    }
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) {
            throw new DataFormatException(dir.toString(), "no " + suffix + " files");
        }
        files.sort(Path::compareTo);
        return files;
    }
}
