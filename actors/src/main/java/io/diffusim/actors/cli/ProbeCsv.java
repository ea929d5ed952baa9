package io.diffusim.actors.cli;

import io.diffusim.analysis.output.OutputFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Writes a probe's column blocks side by side, one row per input point, full double precision. */
final class ProbeCsv {

    private ProbeCsv() {
    }

    static void write(Path file, List<String> header, List<INDArray> blocks) throws IOException {
        OutputFiles.createParent(file);
        double[][][] values = blocks.stream().map(INDArray::toDoubleMatrix).toArray(double[][][]::new);
        long rows = blocks.get(0).rows();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.newLine();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (double[][] block : values) {
                    for (double v : block[i]) {
                        line.append(line.length() == 0 ? "" : ",").append(v);
                    }
                }
                w.write(line.toString());
                w.newLine();
            }
        }
    }
}
