package io.diffusim.actors.cli;

import io.diffusim.model.data.CsvDataset;
import io.diffusim.model.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A probe's input (docs/user-guide.md "Probing a denoiser"): the points of IN.csv and, when its header names a column
 * {@code t}, each row's own noise level, so that a batch of mixed noise levels can be checked in one call.
 */
final class ProbePoints {

    /** Name of the optional per-row time column. */
    static final String TIME = "t";

    /** The coordinates {@code [n, D]} and the per-row times, or null when the file has no t column. */
    record Input(INDArray x, double[] times) {
    }

    private ProbePoints() {
    }

    static Input read(Path file) throws IOException {
        // CsvDataset checks the file (regular, size, numbers) and drops the label column; the header names the rest
        INDArray all = CsvDataset.read(file, Integer.MAX_VALUE).points();
        List<String> names = coordinateNames(file);
        int time = names.indexOf(TIME);
        if (time < 0) {
            return new Input(all, null);
        }
        if (names.size() == 1) {
            throw new BadInputException("--points " + file + " has no coordinate columns besides " + TIME);
        }
        int[] others = IntStream.range(0, names.size()).filter(c -> c != time).toArray();
        return new Input(all.getColumns(others), all.getColumn(time).toDoubleVector());
    }

    /** The header's column names in order, without the label column (as CsvDataset reads them). */
    private static List<String> coordinateNames(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            while (header != null && header.isBlank()) {
                header = reader.readLine();
            }
            String line = header == null ? "" : header.replace("\uFEFF", "");
            String delimiter = line.indexOf(',') < 0 && line.indexOf('\t') >= 0 ? "\t" : ",";
            List<String> names = new ArrayList<>();
            for (String cell : line.split(delimiter, -1)) {
                String name = cell.trim();
                if (!name.equals(CsvDataset.LABEL)) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
