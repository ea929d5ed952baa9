package io.diffusim.model.imported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.learned.MlpForward;
import io.diffusim.model.learned.MlpShape;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch weights of the template's MLP saved as safetensors (src/test/resources/safetensors/make_weights.py) give,
 * in diffusim's forward pass, the outputs PyTorch computed from them; a file that lies about itself is refused with
 * the reason.
 */
class SafetensorsMlpTest {

    private static final MlpShape TINY = new MlpShape(2, 128, 16, 2, 2, true);

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(SafetensorsMlpTest.class.getResource("/safetensors/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldComputeWhatPyTorchComputedFromTheSameWeights() throws IOException {
        MlpForward forward = new MlpForward(SafetensorsMlp.parameters(resource("tiny-mlp.safetensors"), TINY,
                DataType.FLOAT));
        List<double[]> rows = Files.readAllLines(resource("tiny-mlp-expected.csv")).stream().skip(1)
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
        INDArray x = Nd4j.create(rows.stream().map(r -> new double[] {r[0], r[1]}).toArray(double[][]::new));
        double[] t = rows.stream().mapToDouble(r -> r[2]).toArray();
        INDArray out = forward.output(x, t, true);
        for (int i = 0; i < rows.size(); i++) {
            // float32 weights and arithmetic against PyTorch's float64 pass over the same float32 weights
            assertThat(out.getDouble(i, 0)).isCloseTo(rows.get(i)[3], within(2e-5));
            assertThat(out.getDouble(i, 1)).isCloseTo(rows.get(i)[4], within(2e-5));
        }
    }

    @Test
    void shouldNameTheMismatchOfAnotherArchitecture() {
        MlpShape wider = new MlpShape(2, 128, 32, 2, 2, true);
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsMlp.parameters(resource("tiny-mlp.safetensors"),
                wider, DataType.FLOAT)).withMessageContaining("tensor network.0.weight is [16, 384]")
                .withMessageContaining("needs [32, 384]");
        MlpShape deeper = new MlpShape(2, 128, 16, 3, 2, true);
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsMlp.parameters(resource("tiny-mlp.safetensors"),
                deeper, DataType.FLOAT)).withMessageContaining("tensor network.3.ff.weight");
    }

    @Test
    void shouldRefuseAFileThatLiesOrIsCutShort() throws IOException {
        byte[] whole = Files.readAllBytes(resource("tiny-mlp.safetensors"));
        Path truncated = Files.write(dir.resolve("truncated.safetensors"), Arrays.copyOf(whole, whole.length - 100));
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsFile.read(truncated))
                .withMessageContaining(truncated.toString()).withMessageContaining("lie outside the");
        byte[] lying = whole.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Path huge = Files.write(dir.resolve("huge.safetensors"), lying);
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsFile.read(huge))
                .withMessageContaining("the header length says 1099511627776 bytes");
        assertThat(Files.write(dir.resolve("short.safetensors"), new byte[5])).satisfies(file ->
                assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsFile.read(file))
                        .withMessageContaining("too short"));
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsFile.read(withHeader(
                "{\"a\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [0, 12]}}", 16)))
                .withMessageContaining("tensor a: shape [2,2] of F32 needs 16 bytes, the header gives it 12");
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsFile.read(withHeader(
                "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},"
                        + " \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}", 16)))
                .withMessageContaining("claim the same bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsFile.read(withHeader(
                "{\"a\": {\"dtype\": \"BF16\", \"shape\": [2], \"data_offsets\": [0, 4]}}", 4)))
                .withMessageContaining("is BF16; F32 and F64 are read");
        assertThatIllegalArgumentException().isThrownBy(() -> SafetensorsFile.read(withHeader("{not json", 0)))
                .withMessageContaining("the header is not JSON");
    }

    private Path withHeader(String json, int dataBytes) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header);
        return Files.write(Files.createTempFile(dir, "made", ".safetensors"), file.array());
    }
}
