package io.diffusim.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Points from a delimited text file (docs/spec-reference.md {@code data.kind = csv}): a header row, one numeric column per
 * dimension and an optional integer {@code label} column; commas, or tabs when the header has no comma. Only a
 * regular file of at most {@link #MAX_BYTES} is read ({@link DataFiles}), and errors name lines and columns by number without quoting
 * what the file holds: a spec submitted to the daemon must not be able to read a device or show another file.
 */
public final class CsvDataset {

    /** Name of the optional integer label column. */
    public static final String LABEL = "label";
    /** Far above any point set this tool samples against (10^7 points of a few columns); a larger file is refused. */
    public static final long MAX_BYTES = 256L << 20;

    private CsvDataset() {
    }

    /** The first n rows of the file (fewer if the file is shorter; none is an error), wherever it is. */
    public static Dataset read(Path path, int n) {
        return read(path, n, DataFiles.anywhere());
    }

    /** As {@link #read(Path, int)}, the file opened through {@code files} (its roots and checks). */
    public static Dataset read(Path path, int n, DataFiles files) {
        Points.requireCount(n);
        try (BufferedReader reader = files.reader(path, MAX_BYTES)) {
            return parse(reader, path.toString(), n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Parses the first n data rows of an open reader; {@code source} names it in errors. */
    static Dataset parse(BufferedReader reader, String source, int n) throws IOException {
        String header = reader.readLine();
        int lineNumber = 1;
        while (header != null && header.isBlank()) {
            header = reader.readLine();
            lineNumber++;
        }
        if (header == null) {
            throw new DataFormatException(source, "file is empty (no header row)");
        }
        Pattern delimiter = Pattern.compile(header.indexOf(',') < 0 && header.indexOf('\t') >= 0 ? "\t" : ",");
        String[] names = cells(header.replace("\uFEFF", ""), delimiter);
        int labelColumn = checkHeader(names, source, lineNumber);
        int dimension = names.length - (labelColumn < 0 ? 0 : 1);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line = reader.readLine(); line != null && rows.size() < n; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] values = cells(line, delimiter);
            if (values.length != names.length) {
                throw new DataFormatException(source, lineNumber,
                        "expected " + names.length + " columns as in the header, found " + values.length);
            }
            double[] row = new double[dimension];
            int d = 0;
            for (int c = 0; c < values.length; c++) {
                if (c == labelColumn) {
                    labels.add(label(values[c], source, lineNumber, c + 1));
                } else {
                    row[d++] = number(values[c], source, lineNumber, c + 1);
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(source, "no data rows after the header");
        }
        double[] flat = new double[rows.size() * dimension];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * dimension, dimension);
        }
        int[] labelArray = labelColumn < 0 ? null : labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(source, Points.matrix(flat, rows.size(), dimension), labelArray, null);
    }

    /** Validates the header and returns the index of the label column, or -1. */
    private static int checkHeader(String[] names, String source, int line) {
        Set<String> seen = new HashSet<>();
        int labelColumn = -1;
        boolean allNumeric = true;
        for (int c = 0; c < names.length; c++) {
            if (names[c].isEmpty()) {
                throw new DataFormatException(source, line, "header column " + (c + 1) + " has no name");
            }
            if (!seen.add(names[c])) {
                throw new DataFormatException(source, line, c + 1, "the same name as an earlier header column");
            }
            labelColumn = names[c].equals(LABEL) ? c : labelColumn;
            allNumeric &= isNumber(names[c]);
        }
        if (allNumeric) {
            throw new DataFormatException(source, line, "the header row is missing (first row is numeric)");
        }
        if (names.length == (labelColumn < 0 ? 0 : 1)) {
            throw new DataFormatException(source, line, "the header has no data columns besides '" + LABEL + "'");
        }
        return labelColumn;
    }

    private static String[] cells(String line, Pattern delimiter) {
        String[] cells = delimiter.split(line, -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    private static double number(String cell, String source, int line, int column) {
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, column, "not a number");
        }
        if (!Double.isFinite(value)) {
            throw new DataFormatException(source, line, column, "not finite (NaN or infinite)");
        }
        return value;
    }

    private static int label(String cell, String source, int line, int column) {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, column, "the '" + LABEL + "' column holds no integer label");
        }
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
