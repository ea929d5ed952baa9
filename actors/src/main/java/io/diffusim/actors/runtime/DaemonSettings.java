package io.diffusim.actors.runtime;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.Config;
import io.diffusim.actors.models.ModelRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

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
 */
public record DaemonSettings(int maxEvalRows, int maxActiveRuns, Path runsDirectory, int observerBuffer,
        int runRestarts, long memoryLimit) {

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
    }

    /** The defaults for the rest: as diffusim-runtime.conf has them. */
    public DaemonSettings(int maxEvalRows, int maxActiveRuns, Path runsDirectory) {
        this(maxEvalRows, maxActiveRuns, runsDirectory, 10_000, 3, halfOfPhysicalMemory());
    }

    /** The settings under {@code diffusim.runtime} of {@code config}; relative paths resolve against {@code dataDir}. */
    public static DaemonSettings from(Config config, Path dataDir) {
        Config runtime = config.getConfig("diffusim.runtime");
        return new DaemonSettings(runtime.getInt("max-eval-rows"), runtime.getInt("max-active-runs"),
                dataDir.resolve(runtime.getString("runs-directory")).toAbsolutePath().normalize(),
                runtime.getInt("observer-buffer"), runtime.getInt("run-restarts"), memoryLimit(runtime));
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
