package io.diffusim.config;

/**
 * Writes a {@link RunSpec} as HOCON, every default filled in ({@code spec.conf} of a run's output,
 * {@code diffusim validate}); {@code SpecLoader.parse(render(spec), dir)} equals {@code spec}.
 */
public final class SpecRenderer {

    private SpecRenderer() {
    }

    /** The spec as a {@code run { ... }} block, keys in RUNSPEC.md order, {@code kind} first in every block. */
    public static String render(RunSpec spec) {
        return "run " + HoconWriter.write(RunCodec.write(spec)) + "\n";
    }
}
