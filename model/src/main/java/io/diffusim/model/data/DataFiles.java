package io.diffusim.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one way a data set opens a file (docs/security.md, inputs): the file must exist, be a regular file after its
 * links are followed (no directory, device or pipe), be no larger than the reader's limit and, for a confined
 * instance, lie inside one of its roots once links are followed. What is opened is the real path that was checked.
 * Errors name the path as given and the reason, never anything the file holds. Immutable and thread-safe.
 */
public final class DataFiles {

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
}
