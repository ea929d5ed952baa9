package io.diffusim.analysis.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCsvTest {

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripSamplesExactly() throws IOException {
        double[][] samples = {{0.1, -1.0 / 3.0}, {Math.PI * 1e-300, Double.MAX_VALUE}, {-0.0, 123456789.123456789}};
        int[] labels = {3, 0, 7};
        Path file = dir.resolve("samples.csv");
        SamplesCsv.write(file, samples, labels);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("x0,x1,label");
        PointsCsv.Points read = PointsCsv.read(file);
        assertThat(read.columns()).containsExactly("x0", "x1");
        assertThat(read.values()).isDeepEqualTo(samples);
        assertThat(read.labels()).containsExactly(labels);
    }

    @Test
    void shouldWriteNoLabelColumnWithoutLabels() throws IOException {
        Path file = dir.resolve("nested/samples.csv");
        SamplesCsv.write(file, new double[][] {{1.5, 2.5, 3.5}}, null);
        assertThat(Files.readAllLines(file)).containsExactly("x0,x1,x2", "1.5,2.5,3.5");
        assertThat(PointsCsv.read(file).labels()).isNull();
    }

    @Test
    void shouldNameTheLineAndColumnOfABadValue() throws IOException {
        Path file = write("x,y\n1,2\n3,abc\n");
        assertThatThrownBy(() -> PointsCsv.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points.csv").hasMessageContaining("line 3, column 2 (y)").hasMessageContaining("'abc'");
    }

    @Test
    void shouldRejectNonFiniteValues() throws IOException {
        Path file = write("x,y\n1,2\nNaN,4\n");
        assertThatThrownBy(() -> PointsCsv.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3, column 1 (x)").hasMessageContaining("not finite");
    }

    @Test
    void shouldRejectRaggedRows() throws IOException {
        Path file = write("x,y\n1,2\n\n3,4,5\n");
        assertThatThrownBy(() -> PointsCsv.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4: 3 values, expected 2");
    }

    @Test
    void shouldRejectEmptyFilesAndHeaderOnlyFiles() throws IOException {
        Path empty = write("");
        assertThatThrownBy(() -> PointsCsv.read(empty)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty file");
        Path headerOnly = write("x0,x1\n");
        assertThatThrownBy(() -> PointsCsv.read(headerOnly)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no data rows");
    }

    @Test
    void shouldRejectANonIntegerLabel() throws IOException {
        Path file = write("x0,label\n1,2\n3,1.5\n");
        assertThatThrownBy(() -> PointsCsv.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3, column 2 (label)");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("points.csv"), content);
    }
}
