package io.diffusim.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HOCON {@code include} for specs: a file in the spec's own directory (or below it) only. A URL would make reading a
 * spec fetch from the network and a path outside would let a spec submitted to the daemon read any file there, so
 * both are errors, as are classpath includes and files that are not regular or exceed the spec size limit.
 */
final class ConfinedIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

    private final Path root;

    /** @param root the spec's directory; null: the spec has none (text submitted without one), so nothing is included */
    ConfinedIncluder(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    static ConfigParseOptions options(Path root) {
        return ConfigParseOptions.defaults().setIncluder(new ConfinedIncluder(root));
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        return includeFile(context, new File(what));
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        throw refused("include url(" + what + "): a spec may include files in its own directory only");
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        throw refused("include classpath(" + what + "): a spec may include files in its own directory only");
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
        if (root == null) {
            throw refused("include \"" + what + "\": this spec has no directory to include from");
        }
        Path file = root.resolve(what.toPath()).normalize();
        if (!file.startsWith(root)) {
            throw refused("include \"" + what + "\": outside the spec's directory " + root);
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > SpecLoader.MAX_SPEC_BYTES) {
                throw refused("include \"" + what + "\": not a regular file of at most " + SpecLoader.MAX_SPEC_BYTES
                        + " bytes");
            }
        } catch (IOException e) {
            throw refused("include \"" + what + "\": cannot read it (" + e.getMessage() + ")");
        }
        return ConfigFactory.parseFile(file.toFile(), options(root).setAllowMissing(false)).root();
    }

    private static ConfigException refused(String message) {
        return new ConfigException.Generic(message);
    }
}
