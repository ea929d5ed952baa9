package io.diffusim.analysis.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends metric records to {@code metrics.csv} in the long format of docs/user-guide.md: {@code analysis,metric,step,t,value},
 * one row per recorded value. Numbers are printed by {@link Double#toString} ({@code NaN}, {@code Infinity} for
 * non-finite values; {@code t} is NaN where a metric has no noise level). Appends are synchronised.
 */
public final class MetricsCsv implements Closeable, Flushable {

    /** The header row. */
    public static final String HEADER = "analysis,metric,step,t,value";

    /** One row of the file. */
    public record Row(String analysis, String metric, long step, double t, double value) {
    }

    private final BufferedWriter out;

    private MetricsCsv(BufferedWriter out) {
        this.out = out;
    }

    /** Opens {@code file} for appending, writing the header first when the file is new or empty. */
    public static MetricsCsv open(Path file) throws IOException {
        OutputFiles.createParent(file);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            out.write(HEADER + "\n");
        }
        return new MetricsCsv(out);
    }

    /** Appends one record; names must be non-empty and free of commas, quotes and line breaks. */
    public synchronized void append(String analysis, String metric, long step, double t, double value) throws IOException {
        out.write(checkName(analysis, "analysis") + "," + checkName(metric, "metric") + "," + step + "," + t + "," + value + "\n");
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Reads every row of a file written by this class. */
    public static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + ": line 1: expected header '" + HEADER + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": " + cells.length + " values, expected 5");
            }
            try {
                rows.add(new Row(cells[0], cells[1], Long.parseLong(cells[2]), Double.parseDouble(cells[3]), Double.parseDouble(cells[4])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static String checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(what + " name '" + name + "' must be non-empty without commas, quotes or line breaks");
        }
        return name;
    }
}
