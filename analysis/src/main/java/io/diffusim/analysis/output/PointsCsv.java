package io.diffusim.analysis.output;

import io.diffusim.analysis.Matrices;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a point set from CSV (docs/user-guide.md "Metrics on external samples", {@code samples.csv}): a header row, one
 * numeric column per dimension and an optional integer column named {@code label}; blank lines are skipped.
 * Every bad row fails with an {@link IllegalArgumentException} naming the file, the 1-based line and column.
 */
public final class PointsCsv {

    /** The column name read as labels rather than as a coordinate. */
    public static final String LABEL_COLUMN = "label";

    /**
     * The points of a file.
     *
     * @param columns coordinate column names, in file order
     * @param values  {@code [n][d]} finite values, in row order
     * @param labels  one label per row, or null without a {@code label} column
     */
    public record Points(List<String> columns, double[][] values, int[] labels) {

        /** The points as a new float64 {@code [n, d]} array. */
        public INDArray toArray() {
            return Matrices.toArray(values, "points");
        }
    }

    private PointsCsv() {
    }

    /** Parses {@code file}; throws {@link IllegalArgumentException} for malformed content. */
    public static Points read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            int lineNumber = 1;
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = reader.readLine();
                lineNumber++;
            }
            if (headerLine == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header row");
            }
            String[] header = splitRow(headerLine);
            int labelIndex = -1;
            List<String> columns = new ArrayList<>();
            for (int c = 0; c < header.length; c++) {
                header[c] = unquote(header[c]);
                if (header[c].equals(LABEL_COLUMN) && labelIndex < 0) {
                    labelIndex = c;
                } else {
                    columns.add(header[c]);
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(file + ": line " + lineNumber + ": header has no coordinate columns");
            }
            List<double[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = splitRow(line);
                if (cells.length != header.length) {
                    throw new IllegalArgumentException(file + ": line " + lineNumber + ": " + cells.length
                            + " values, expected " + header.length + " (as in the header)");
                }
                double[] row = new double[columns.size()];
                for (int c = 0, j = 0; c < cells.length; c++) {
                    if (c == labelIndex) {
                        labels.add(parseLabel(cells[c], file, lineNumber, c, header[c]));
                    } else {
                        row[j++] = parseValue(cells[c], file, lineNumber, c, header[c]);
                    }
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + ": no data rows after the header");
            }
            int[] labelArray = labelIndex < 0 ? null : labels.stream().mapToInt(Integer::intValue).toArray();
            return new Points(List.copyOf(columns), rows.toArray(new double[0][]), labelArray);
        }
    }

    private static String[] splitRow(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static double parseValue(String cell, Path file, int line, int column, String name) {
        // Double.parseDouble also accepts Java suffixes ("1d", "2f") and hex; a CSV number has neither.
        char last = cell.isEmpty() ? ' ' : Character.toLowerCase(cell.charAt(cell.length() - 1));
        if (last == 'd' || last == 'f' || cell.contains("x") || cell.contains("X")) {
            throw badCell(cell, "is not a number", file, line, column, name);
        }
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw badCell(cell, "is not a number", file, line, column, name);
        }
        if (!Double.isFinite(value)) {
            throw badCell(cell, "is not finite", file, line, column, name);
        }
        return value;
    }

    private static int parseLabel(String cell, Path file, int line, int column, String name) {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw badCell(cell, "is not an integer label", file, line, column, name);
        }
    }

    private static IllegalArgumentException badCell(String cell, String problem, Path file, int line, int column, String name) {
        return new IllegalArgumentException(file + ": line " + line + ", column " + (column + 1) + " (" + name + "): '"
                + cell + "' " + problem);
    }

    /** The coordinate column names a {@code d}-dimensional point file uses: {@code x0..x{d-1}}. */
    static List<String> coordinateNames(int d) {
        String[] names = new String[d];
        Arrays.setAll(names, j -> "x" + j);
        return List.of(names);
    }
}
