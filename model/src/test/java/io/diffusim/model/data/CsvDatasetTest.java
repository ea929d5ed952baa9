package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV point sets (docs/spec-reference.md data.kind = csv) and every malformed-file error naming file, line and column. */
class CsvDatasetTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadDimensionsAndLabelsInFileOrder() throws IOException {
        Path file = write("points.csv", "x, y ,label\n1.5,-2,3\n\n0,1e-3,7\n");
        Dataset data = CsvDataset.read(file, 10);
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.dimension()).isEqualTo(2);
        assertThat(data.points().data().asDouble()).containsExactly(1.5, -2, 0, 1e-3);
        assertThat(data.labels()).containsExactly(3, 7);
        assertThat(data.name()).contains("points.csv");
    }

    @Test
    void shouldTakeOnlyTheFirstNRowsAndAcceptTabsWithoutLabels() throws IOException {
        Path file = write("points.tsv", "a\tb\tc\n1\t2\t3\n4\t5\t6\n7\t8\t9\n");
        Dataset data = CsvDataset.read(file, 2);
        assertThat(data.points().data().asDouble()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(data.labels()).isNull();
    }

    @Test
    void shouldNameTheMissingFile() {
        Path missing = dir.resolve("nothing.csv");
        assertThatThrownBy(() -> CsvDataset.read(missing, 1)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
    }

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        Path file = write("empty.csv", "");
        assertThatThrownBy(() -> CsvDataset.read(file, 1)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("empty.csv").hasMessageContaining("empty");
    }

    @Test
    void shouldRejectAHeaderOnlyFile() throws IOException {
        Path file = write("header.csv", "x,y\n\n");
        assertThatThrownBy(() -> CsvDataset.read(file, 1)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("header.csv").hasMessageContaining("no data rows");
    }

    @Test
    void shouldRejectBadHeaders() throws IOException {
        assertThatThrownBy(() -> CsvDataset.read(write("numeric.csv", "1,2\n3,4\n"), 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("numeric.csv: line 1")
                .hasMessageContaining("header row is missing");
        assertThatThrownBy(() -> CsvDataset.read(write("blank.csv", "x,,y\n1,2,3\n"), 1))
                .hasMessageContaining("blank.csv: line 1").hasMessageContaining("column 2 has no name");
        assertThatThrownBy(() -> CsvDataset.read(write("twice.csv", "x,x\n1,2\n"), 1))
                .hasMessageContaining("twice.csv: line 1, column 2").hasMessageContaining("the same name as an earlier");
        assertThatThrownBy(() -> CsvDataset.read(write("labels.csv", "label\n1\n"), 1))
                .hasMessageContaining("labels.csv: line 1").hasMessageContaining("no data columns");
    }

    @Test
    void shouldRejectAWrongColumnCountNamingTheLine() throws IOException {
        Path file = write("ragged.csv", "x,y\n1,2\n3\n");
        assertThatThrownBy(() -> CsvDataset.read(file, 5)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("ragged.csv: line 3").hasMessageContaining("expected 2 columns")
                .hasMessageContaining("found 1");
    }

    @Test
    void shouldRejectNonNumericAndNonFiniteValuesNamingLineAndColumnWithoutQuotingThem() throws IOException {
        assertThatThrownBy(() -> CsvDataset.read(write("word.csv", "x,y\n1,2\n3,secret\n"), 5))
                .isInstanceOf(DataFormatException.class).hasMessage(dir.resolve("word.csv") + ": line 3, column 2: not a number");
        assertThatThrownBy(() -> CsvDataset.read(write("nan.csv", "x,y\nNaN,2\n"), 5))
                .hasMessageContaining("nan.csv: line 2, column 1").hasMessageContaining("not finite");
        assertThatThrownBy(() -> CsvDataset.read(write("inf.csv", "x,y\n1,-Infinity\n"), 5))
                .hasMessageContaining("inf.csv: line 2, column 2").hasMessageContaining("not finite");
        assertThatThrownBy(() -> CsvDataset.read(write("label.csv", "x,label\n1,2.5\n"), 5))
                .hasMessageContaining("label.csv: line 2, column 2").hasMessageContaining("no integer label");
    }

    @Test
    void shouldReadOnlyARegularFileOfBoundedSizeAndNeverQuoteIt() throws IOException {
        assertThatThrownBy(() -> CsvDataset.read(Path.of("/dev/zero"), 5)).isInstanceOf(DataFormatException.class)
                .hasMessage("/dev/zero: not a regular file (a directory, device or pipe)");
        assertThatThrownBy(() -> CsvDataset.read(dir, 5)).hasMessageContaining("not a regular file");
        Path big = dir.resolve("big.csv");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(CsvDataset.MAX_BYTES + 1); // sparse: no disk used
        }
        assertThatThrownBy(() -> CsvDataset.read(big, 5))
                .hasMessage(big + ": " + (CsvDataset.MAX_BYTES + 1) + " bytes: this data file may have at most "
                        + CsvDataset.MAX_BYTES + " bytes");
        Path passwd = write("passwd.csv", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon\n");
        assertThatThrownBy(() -> CsvDataset.read(passwd, 5)).message().doesNotContain("root").doesNotContain("daemon");
    }

    @Test
    void shouldRejectANonPositiveCount() throws IOException {
        Path file = write("ok.csv", "x\n1\n");
        assertThatThrownBy(() -> CsvDataset.read(file, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
