package io.diffusim.model.imported;

import io.diffusim.model.learned.Weights;
import io.diffusim.model.learned.MlpShape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The MLP of docs/science.md §7.3 from a PyTorch state dict saved as safetensors: the template's {@code MLPDenoiser}
 * keys {@code network.0} (the first layer), {@code network.{1..L}.ff} (the residual blocks) and {@code network.{L+2}}
 * (the output layer; {@code L+1} is the ReLU), or the same under {@code net.} or no prefix. PyTorch stores a linear
 * layer's weight as {@code [out, in]}; diffusim keeps {@code [in, out]} and the first layer split into its
 * coordinate and time blocks ({@link Weights}), so each weight is transposed and the first one cut in two.
 * Tensors outside the prefix (e.g. the embeddings' frequency buffers) are ignored; every tensor the network needs must be there
 * with its shape, or the error names the file, the key and both shapes.
 */
public final class SafetensorsMlp {

    private static final List<String> PREFIXES = List.of("network.", "net.", "");

    private SafetensorsMlp() {
    }

    public static Weights parameters(Path file, MlpShape shape, DataType type) {
        Map<String, SafetensorsFile.Tensor> tensors = SafetensorsFile.read(file);
        String prefix = PREFIXES.stream().filter(p -> tensors.containsKey(p + "0.weight")).findFirst().orElseThrow(() ->
                new IllegalArgumentException(file + ": no first layer (network.0.weight) among its tensors "
                        + tensors.keySet()));
        int e = shape.embeddingSize();
        int w = shape.width();
        int coordinates = shape.inputs() * e;
        int first = coordinates + (shape.timeInput() ? e : 0);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        INDArray in = transposed(file, tensors, prefix + "0.weight", new long[] {w, first}, type);
        arrays.put("in.wx", in.get(NDArrayIndex.interval(0, coordinates),
                NDArrayIndex.all()).dup());
        if (shape.timeInput()) {
            arrays.put("in.wt", in.get(NDArrayIndex.interval(coordinates, first),
                    NDArrayIndex.all()).dup());
        }
        arrays.put("in.b", vector(file, tensors, prefix + "0.bias", w, type));
        for (int k = 0; k < shape.blocks(); k++) {
            String block = prefix + (k + 1) + ".ff.";
            arrays.put("block" + k + ".w", transposed(file, tensors, block + "weight", new long[] {w, w}, type));
            arrays.put("block" + k + ".b", vector(file, tensors, block + "bias", w, type));
        }
        String out = prefix + (shape.blocks() + 2) + ".";
        arrays.put("out.w", transposed(file, tensors, out + "weight", new long[] {shape.outputs(), w}, type));
        arrays.put("out.b", vector(file, tensors, out + "bias", shape.outputs(), type));
        return Weights.of(shape, arrays);
    }

    private static SafetensorsFile.Tensor tensor(Path file, Map<String, SafetensorsFile.Tensor> tensors, String key,
            long[] expected) {
        SafetensorsFile.Tensor tensor = tensors.get(key);
        if (tensor == null) {
            throw new IllegalArgumentException(file + ": no tensor " + key + " (the network needs "
                    + Arrays.toString(expected) + ")");
        }
        if (!Arrays.equals(tensor.shape(), expected)) {
            throw new IllegalArgumentException(file + ": tensor " + key + " is " + Arrays.toString(tensor.shape())
                    + "; the spec's network needs " + Arrays.toString(expected) + " (check model.width and model.blocks)");
        }
        return tensor;
    }

    /** A PyTorch {@code [out, in]} weight as diffusim's {@code [in, out]}. */
    private static INDArray transposed(Path file, Map<String, SafetensorsFile.Tensor> tensors, String key,
            long[] outIn, DataType type) {
        SafetensorsFile.Tensor tensor = tensor(file, tensors, key, outIn);
        return Nd4j.create(tensor.values(), outIn, DataType.DOUBLE).transpose().dup('c').castTo(type);
    }

    private static INDArray vector(Path file, Map<String, SafetensorsFile.Tensor> tensors, String key, long length,
            DataType type) {
        SafetensorsFile.Tensor tensor = tensor(file, tensors, key, new long[] {length});
        return Nd4j.create(tensor.values(), new long[] {length}, DataType.DOUBLE).castTo(type);
    }
}
