package io.diffusim.actors.runtime;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.Config;
import io.diffusim.actors.models.ModelRegistry;
import java.lang.management.ManagementFactory;
import io.diffusim.model.data.DataFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's settings ({@code diffusim.runtime} in diffusim-runtime.conf), read and validated once
 * (docs/style.md habit 7); the dispatchers are named by their config paths.
 *
 * @param maxEvalRows   rows a model replica evaluates in one pass at most
 * @param maxActiveRuns runs stepping at once; later submissions wait as {@code queued}
 * @param runsDirectory where each ended run's output directory is written ({@code <runsDirectory>/<run-id>})
 * @param observerBuffer record batches that may wait for one observer (dashboard, metric stream) before further
 *                       ones are dropped for it
 * @param runRestarts   times a run is restarted from its checkpoint after its actors stopped for a reason outside
 *                      the run, before it is marked failed
 * @param memoryLimit   bytes a submitted run may need at most ({@link Admission}); larger ones are refused
 * @param dataRoots     the directories a run's data files must lie in (docs/security.md): the data directory,
 *                      {@value #SYSTEM_DATASETS} and {@code data-roots}; empty: anywhere (in-process test daemons)
 * @param diskHeadroom  bytes the data directory's file system must keep free beyond what a checkpoint needs
 */
public record DaemonSettings(int maxEvalRows, int maxActiveRuns, Path runsDirectory, int observerBuffer,
        int runRestarts, long memoryLimit, List<Path> dataRoots, long diskHeadroom) {

    /** Where Debian's dataset packages (dataset-fashion-mnist) install, always a data root. */
    public static final String SYSTEM_DATASETS = "/usr/share/datasets";

    private static final long DEFAULT_DISK_HEADROOM = 256L << 20;

    /** Tensor work runs here: model passes, particle batches, analysis steps (docs/architecture.md §3; {@link TensorWork}). */
    public static final String DEVICE_DISPATCHER = "diffusim.runtime.device-dispatcher";
    /** Run set-up, resumed analyses' catch-up and a finished run's output files. */
    public static final String WORK_DISPATCHER = "diffusim.runtime.work-dispatcher";
    /** The state store's thread. */
    public static final String STORE_DISPATCHER = "diffusim.runtime.store-dispatcher";

    public DaemonSettings {
        if (maxEvalRows < 1) {
            throw new IllegalArgumentException("diffusim.runtime.max-eval-rows = " + maxEvalRows + ": expected >= 1");
        }
        if (maxActiveRuns < 1) {
            throw new IllegalArgumentException("diffusim.runtime.max-active-runs = " + maxActiveRuns + ": expected >= 1");
        }
        if (observerBuffer < 1) {
            throw new IllegalArgumentException("diffusim.runtime.observer-buffer = " + observerBuffer + ": expected >= 1");
        }
        if (runRestarts < 0) {
            throw new IllegalArgumentException("diffusim.runtime.run-restarts = " + runRestarts + ": expected >= 0");
        }
        if (memoryLimit < 1) {
            throw new IllegalArgumentException("diffusim.runtime.memory-limit = " + memoryLimit + ": expected > 0 bytes");
        }
        if (runsDirectory == null) {
            throw new IllegalArgumentException("runsDirectory must not be null");
        }
        if (diskHeadroom < 0) {
            throw new IllegalArgumentException("diffusim.runtime.disk-headroom = " + diskHeadroom
                    + ": expected >= 0 bytes");
        }
        dataRoots = List.copyOf(dataRoots);
    }

    /**
     * The defaults for the rest, as diffusim-runtime.conf has them, except that data files may be read anywhere (a
     * test's daemon reads them from its temporary directories).
     */
    public DaemonSettings(int maxEvalRows, int maxActiveRuns, Path runsDirectory) {
        this(maxEvalRows, maxActiveRuns, runsDirectory, 10_000, 3, halfOfPhysicalMemory(), List.of(),
                DEFAULT_DISK_HEADROOM);
    }

    /** The settings under {@code diffusim.runtime} of {@code config}; relative paths resolve against {@code dataDir}. */
    public static DaemonSettings from(Config config, Path dataDir) {
        Config runtime = config.getConfig("diffusim.runtime");
        List<Path> roots = new ArrayList<>(List.of(dataDir.toAbsolutePath().normalize(), Path.of(SYSTEM_DATASETS)));
        for (String root : runtime.getStringList("data-roots")) {
            if (!Path.of(root).isAbsolute()) {
                throw new IllegalArgumentException("diffusim.runtime.data-roots: \"" + root
                        + "\" is not an absolute path");
            }
            roots.add(Path.of(root).normalize());
        }
        return new DaemonSettings(runtime.getInt("max-eval-rows"), runtime.getInt("max-active-runs"),
                dataDir.resolve(runtime.getString("runs-directory")).toAbsolutePath().normalize(),
                runtime.getInt("observer-buffer"), runtime.getInt("run-restarts"), memoryLimit(runtime), roots,
                runtime.getBytes("disk-headroom"));
    }

    /** How the runs open their data files: inside {@link #dataRoots}, or anywhere when there are none. */
    public DataFiles dataFiles() {
        return dataRoots.isEmpty() ? DataFiles.anywhere()
                : DataFiles.within(dataRoots, "diffusim.runtime.data-roots lists more (docs/security.md)");
    }

    /** {@code memory-limit}: a size such as {@code 12 GiB}, or {@code auto} for half the machine's memory. */
    private static long memoryLimit(Config runtime) {
        String value = runtime.getValue("memory-limit").unwrapped().toString().trim();
        return value.equals("auto") ? halfOfPhysicalMemory() : runtime.getBytes("memory-limit");
    }

    private static long halfOfPhysicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean hotspot
                ? hotspot.getTotalMemorySize() / 2 : Long.MAX_VALUE;
    }

    /** The trained models: {@code models/} beside the runs directory (docs/user-guide.md "Models"). */
    public ModelRegistry modelRegistry() {
        return ModelRegistry.of(runsDirectory.getParent());
    }

    /** Where the output directory of run {@code runId} is written. */
    public Path runDirectory(String runId) {
        return runsDirectory.resolve(runId);
    }
}
