package io.diffusim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigResolveOptions;

/**
 * The defaults of {@code reference.conf} under {@code diffusim}: {@code run} (the common defaults of
 * every block) and one {@code <block>-defaults.<kind>} table per family of variants.
 */
final class Reference {

    private static final Reference INSTANCE = new Reference(ConfigFactory
            .parseResources(Reference.class.getClassLoader(), "reference.conf")
            .withOnlyPath("diffusim")
            .resolve(ConfigResolveOptions.noSystem())
            .getConfig("diffusim"));

    private final Config defaults;

    private Reference(Config defaults) {
        this.defaults = defaults;
    }

    static Reference get() {
        return INSTANCE;
    }

    /** The object at a path below {@code diffusim}, e.g. {@code run.sampler} or {@code sampler-defaults}. */
    ConfigObject object(String path) {
        return defaults.getObject(path);
    }
}
