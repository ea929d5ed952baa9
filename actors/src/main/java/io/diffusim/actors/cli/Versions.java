package io.diffusim.actors.cli;

import picocli.CommandLine.IVersionProvider;

/** Version strings for {@code --version} and run manifests. */
public final class Versions implements IVersionProvider {

    /** diffusim's own version, from the jar manifest when packaged. */
    public static String diffusim() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"diffusim " + diffusim(), "Java " + System.getProperty("java.version")};
    }
}
