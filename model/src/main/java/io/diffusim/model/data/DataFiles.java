package io.diffusim.model.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one way a data set opens a file (docs/security.md, inputs): the file must exist, be a regular file after its
 * links are followed (no directory, device or pipe), be no larger than the reader's limit and, for a confined
 * instance, lie inside one of its roots once links are followed. What is opened is the real path that was checked.
 * Errors name the path as given and the reason, never anything the file holds. Immutable and thread-safe.
 */
public final class DataFiles {

    /** The limit for an image data file (IDX, PNG, .npy, heat maps): far above a laptop-sized image set. */
    public static final long MAX_BYTES = 4L << 30;
    /** Most files a PNG folder may hold. */
    public static final int MAX_FILES = 1 << 20;

    private static final int BUFFER = 1 << 16;

    private final List<Path> roots;
    private final String howToAllow;

    private DataFiles(List<Path> roots, String howToAllow) {
        this.roots = roots;
        this.howToAllow = howToAllow;
    }

    /** No confinement: a local {@code run}, {@code train} or {@code probe} reads whatever its user can. */
    public static DataFiles anywhere() {
        return new DataFiles(null, "");
    }

    /**
     * Files only under {@code roots} (those that do not exist are left out).
     *
     * @param howToAllow what an error says about adding a root, e.g. the setting that lists them
     */
    public static DataFiles within(Collection<Path> roots, String howToAllow) {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
            } catch (IOException absent) {
                // a root that does not exist holds nothing to read
            }
        }
        return new DataFiles(List.copyOf(real), howToAllow);
    }

    /** The roots files must lie in (real paths), or null when unconfined. */
    public List<Path> roots() {
        return roots;
    }

    /**
     * The real path of {@code file} after every check.
     *
     * @throws DataFormatException naming the file: missing, not a regular file, over {@code maxBytes}, outside the roots
     */
    public Path requireFile(Path file, long maxBytes) {
        Path real = requireInside(file);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!attributes.isRegularFile()) {
            throw new DataFormatException(file.toString(), "not a regular file (a directory, device or pipe)");
        }
        if (attributes.size() > maxBytes) {
            throw new DataFormatException(file.toString(), attributes.size() + " bytes: this data file may have at most "
                    + maxBytes + " bytes");
        }
        return real;
    }

    /** The real path of directory {@code dir}, which must exist and lie inside the roots. */
    public Path requireDirectory(Path dir) {
        if (!Files.exists(dir)) {
            throw new DataFormatException(dir.toString(), "no such directory");
        }
        Path real = requireInside(dir);
        if (!Files.isDirectory(real)) {
            throw new DataFormatException(dir.toString(), "not a directory");
        }
        return real;
    }

    /** Opens {@code file} after {@link #requireFile}. */
    public InputStream open(Path file, long maxBytes) {
        Path real = requireFile(file, maxBytes);
        try {
            return Files.newInputStream(real);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A UTF-8 reader of {@code file} after {@link #requireFile}. */
    public BufferedReader reader(Path file, long maxBytes) {
        return new BufferedReader(new InputStreamReader(open(file, maxBytes), StandardCharsets.UTF_8.newDecoder()));
    }

    private Path requireInside(Path path) {
        if (!Files.exists(path)) {
            throw new DataFormatException(path.toString(), "no such file");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new DataFormatException(path.toString(), "cannot be resolved (" + e.getClass().getSimpleName() + ")");
        }
        if (roots != null && roots.stream().noneMatch(real::startsWith)) {
            throw new DataFormatException(path.toString(), "outside the directories data may be read from ("
                    + roots.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")"
                    + (howToAllow.isEmpty() ? "" : "; " + howToAllow));
        }
        return real;
    }

    /** A buffered stream of an image data file of at most {@link #MAX_BYTES}, after {@link #requireFile}. */
    public InputStream open(Path file) {
        return new BufferedInputStream(open(file, MAX_BYTES), BUFFER);
    }

    /** The size in bytes of an image data file of at most {@link #MAX_BYTES}, after {@link #requireFile}. */
    public long size(Path file) {
        try {
            return Files.size(requireFile(file, MAX_BYTES));
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The files of {@code dir} whose name ends in {@code suffix} (any case), sorted by name; none is an error. */
    public List<Path> list(Path dir, String suffix) {
        Path real = requireDirectory(dir);
        List<Path> found = new ArrayList<>();
        String wanted = suffix.toLowerCase(Locale.ROOT);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(real)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(wanted)) {
                    if (found.size() == MAX_FILES) {
                        throw new DataFormatException(dir.toString(), "more than " + MAX_FILES + " " + suffix + " files");
                    }
                    found.add(dir.resolve(entry.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (found.isEmpty()) {
            throw new DataFormatException(dir.toString(), "no " + suffix + " files");
        }
        found.sort(Path::compareTo);
        return found;
    }
}
