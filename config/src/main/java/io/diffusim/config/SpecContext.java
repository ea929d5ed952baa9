package io.diffusim.config;

import java.nio.file.Path;

/** What every block reader of one load shares: the error list, the defaults and the spec file's directory. */
record SpecContext(SpecErrors errors, Reference reference, Path baseDir) {

    /** A user-given path, relative ones resolved against the spec file's directory. */
    Path resolve(String path) {
        Path given = Path.of(path);
        return (baseDir == null ? given : baseDir.resolve(given)).normalize();
    }
}
