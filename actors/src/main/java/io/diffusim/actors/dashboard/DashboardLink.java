package io.diffusim.actors.dashboard;

import io.diffusim.actors.daemon.OwnerOnlyFile;
import java.nio.file.Path;

/**
 * {@code <data-dir>/dashboard.url}: the dashboard's login link (it holds the token), readable by the data
 * directory's owner only, for whoever lost the line the daemon printed. Each daemon start writes a new one.
 */
public final class DashboardLink {

    public static final String NAME = "dashboard.url";

    private DashboardLink() {
    }

    public static void write(Path dataDir, String loginUrl) {
        OwnerOnlyFile.write(dataDir.resolve(NAME), loginUrl + "\n");
    }
}
