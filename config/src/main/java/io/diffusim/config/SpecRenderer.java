package io.diffusim.config;

/**
 * Writes a {@link RunSpec} as HOCON, every default filled in ({@code spec.conf} of a run's output,
 * {@code diffusim validate}); {@code SpecLoader.parse(render(spec), dir)} equals {@code spec} but for its notes,
 * since the rendered text already says what the notes explain (e.g. {@code analyses = []}).
 */
public final class SpecRenderer {

    private SpecRenderer() {
    }

    /**
     * A process block on one line, {@code { kind = vp, schedule = linear, ... }}: what a trained network's checkpoint
     * records as the process its time input belongs to.
     */
    public static String process(ProcessSpec process) {
        return oneLine(HoconWriter.write(ProcessCodec.write(process)));
    }

    /** A data block on one line, as {@link #process} writes a process block (a registered model's training data). */
    public static String data(DataSpec data) {
        return oneLine(HoconWriter.write(DataCodec.write(data)));
    }

    private static String oneLine(String block) {
        return block.replaceAll("\\{\\n\\s*", "{ ").replaceAll("\\n\\s*}", " }").replaceAll("\\n\\s*", ", ");
    }

    /**
     * The spec as a {@code run { ... }} block, keys in docs/spec-reference.md order, {@code kind} first in every block,
     * after its notes as {@code #} comment lines.
     */
    public static String render(RunSpec spec) {
        StringBuilder out = new StringBuilder();
        for (String note : spec.notes()) {
            out.append("# ").append(note).append('\n');
        }
        return out.append("run ").append(HoconWriter.write(RunCodec.write(spec))).append('\n').toString();
    }
}
