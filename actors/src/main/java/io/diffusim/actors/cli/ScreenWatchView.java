package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code watch} for a person: a progress line and the latest value of every metric series, redrawn in place on
 * a terminal; elsewhere a progress line per tenth of the run and the table once it ended.
 */
final class ScreenWatchView implements WatchView {

    private static final int BAR_WIDTH = 30;
    /** ANSI: move the cursor to the start of the line n lines up, then clear to the end of the screen. */
    private static final String REDRAW = "\033[%dF\033[J";

    private final PrintWriter out;
    private final boolean terminal;
    private final Map<String, MetricLine> latest = new TreeMap<>();
    private int drawnLines;
    private int lastTenth = -1;
    private String lastProgress = "";

    ScreenWatchView(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void show(Metrics metrics) {
        metrics.records().forEach(record -> latest.put(record.analysis() + "." + record.metric(), record));
        if (terminal) {
            redraw(metrics.status());
            return;
        }
        int tenth = metrics.status().steps() <= 0 ? 0 : metrics.status().step() * 10 / metrics.status().steps();
        if (tenth != lastTenth) {
            lastTenth = tenth;
            printProgress(metrics.status());
        }
    }

    @Override
    public void end(RunStatus status) {
        if (terminal) {
            redraw(status);
            return;
        }
        printProgress(status);
        table().forEach(out::println);
        out.flush();
    }

    private void printProgress(RunStatus status) {
        String line = progress(status);
        if (!line.equals(lastProgress)) {
            out.println(line);
            out.flush();
            lastProgress = line;
        }
    }

    private void redraw(RunStatus status) {
        List<String> lines = new ArrayList<>();
        lines.add(progress(status));
        lines.addAll(table());
        if (drawnLines > 0) {
            out.printf(REDRAW, drawnLines);
        }
        lines.forEach(out::println);
        out.flush();
        drawnLines = lines.size();
    }

    private static String progress(RunStatus status) {
        int filled = status.steps() <= 0 ? 0 : Math.min(BAR_WIDTH, status.step() * BAR_WIDTH / status.steps());
        return RunStatusText.line(status) + "  [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private List<String> table() {
        return latest.entrySet().stream()
                .map(e -> String.format("  %-40s step %6d  %.6g", e.getKey(), e.getValue().step(), e.getValue().value()))
                .toList();
    }
}
