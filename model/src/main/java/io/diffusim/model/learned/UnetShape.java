package io.diffusim.model.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The sizes of the small U-Net of docs/science.md §7.3b for {@code channels x height x width} images (rows
 * channel-major, as image data sets are held): {@code base} feature maps at full size, {@code 2 base} at half and
 * quarter size, a time embedding of {@code embedding} values, and whether the network sees t at all.
 *
 * <p>The layers, by parameter name: {@code time} (the embedding's one hidden layer), {@code in} (3x3 convolution to
 * base maps), residual blocks {@code r1} (full size), {@code r2} (half), {@code m1}, {@code m2} (quarter), {@code r3}
 * (half), {@code r4} (full), each two 3x3 convolutions {@code a}, {@code b} with the time added between them through
 * {@code t}; {@code down} and {@code up} change the number of maps, {@code out} maps back to the image's channels.
 */
public record UnetShape(int channels, int height, int width, int base, int embedding, boolean timeInput)
        implements Architecture {

    /** The time embedding's width. */
    public static final int EMBEDDING = 64;
    private static final List<String> FULL = List.of("r1", "r4");
    private static final List<String> HALF = List.of("r2", "m1", "m2", "r3");

    public UnetShape {
        if (channels < 1 || base < 1 || height < 4 || width < 4 || height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException("a U-Net needs channels, base >= 1 and a height and width that are "
                    + "multiples of 4 (it halves the image twice), got " + channels + "x" + height + "x" + width
                    + " with base " + base);
        }
        SinusoidalEmbedding.frequencies(embedding);
    }

    @Override
    public int inputs() {
        return channels * height * width;
    }

    @Override
    public int outputs() {
        return inputs();
    }

    @Override
    public boolean tangents() {
        return false;
    }

    @Override
    public String describe() {
        return "unet channels=" + channels + " height=" + height + " width=" + width + " base=" + base
                + " embedding=" + embedding + " time-input=" + timeInput;
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (timeInput) {
            names.add("time.w");
            names.add("time.b");
        }
        names.add("in.w");
        names.add("in.b");
        block(names, "r1");
        names.add("down.w");
        names.add("down.b");
        for (String b : HALF) {
            block(names, b);
        }
        names.add("up.w");
        names.add("up.b");
        block(names, "r4");
        names.add("out.w");
        names.add("out.b");
        return names;
    }

    /** Convolution weights {@code [3, 3, in, out]} (oneDNN's YXIO), linear weights {@code [in, out]}, biases {@code [n]}. */
    @Override
    public long[] shapeOf(String name) {
        String layer = name.substring(0, name.lastIndexOf('.'));
        boolean weight = name.endsWith(".w");
        int in = inputMaps(layer);
        int out = outputMaps(layer);
        if (!weight) {
            return new long[] {out};
        }
        return layer.equals("time") || layer.endsWith(".t") ? new long[] {in, out} : new long[] {3, 3, in, out};
    }

    @Override
    public int fanIn(String name) {
        String layer = name.substring(0, name.lastIndexOf('.'));
        int in = inputMaps(layer);
        return layer.equals("time") || layer.endsWith(".t") ? in : in * 9;
    }

    @Override
    public NetworkOutputs build(SameDiff sd, Map<String, SDVariable> w, DataType type, SDVariable x, SDVariable t,
                                SDVariable v) {
        if (v != null) {
            throw new IllegalArgumentException(describe() + " carries no tangent: sliced score matching needs an mlp");
        }
        return new NetworkOutputs(UnetNetwork.build(sd, w, this, type, x, t), null);
    }

    /** Maps at a block's level: base at full size, 2 base below. */
    int mapsOf(String block) {
        return FULL.contains(block) ? base : 2 * base;
    }

    private int inputMaps(String layer) {
        return switch (layer) {
            case "time" -> embedding;
            case "in" -> channels;
            case "down" -> base;
            case "up" -> 2 * base;
            case "out" -> base;
            default -> layer.endsWith(".t") ? embedding : mapsOf(layer.substring(0, layer.indexOf('.')));
        };
    }

    private int outputMaps(String layer) {
        return switch (layer) {
            case "time" -> embedding;
            case "in" -> base;
            case "down" -> 2 * base;
            case "up" -> base;
            case "out" -> channels;
            default -> mapsOf(layer.substring(0, layer.indexOf('.')));
        };
    }

    private void block(List<String> names, String block) {
        for (String layer : timeInput ? List.of("a", "t", "b") : List.of("a", "b")) {
            names.add(block + "." + layer + ".w");
            names.add(block + "." + layer + ".b");
        }
    }

    /** Reads {@link #describe()}'s line. */
    static UnetShape parse(String line) {
        Map<String, String> values = ArchitectureLine.values(line, "unet", 6);
        return new UnetShape(ArchitectureLine.integer(values, "channels", line),
                ArchitectureLine.integer(values, "height", line), ArchitectureLine.integer(values, "width", line),
                ArchitectureLine.integer(values, "base", line), ArchitectureLine.integer(values, "embedding", line),
                ArchitectureLine.flag(values, "time-input", line));
    }
}
