package io.diffusim.model.learned;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * The U-Net of {@link UnetShape} as SameDiff ops (docs/science.md §7.3b): the image is halved twice by 2x2 average
 * pooling and doubled back by nearest-neighbour upsampling, and each upsampled map is added to the map of the same
 * size on the way down (sums, not concatenations: concatenation is slow in ND4J and a sum keeps the maps' count).
 * No normalisation layers: the preconditioned objectives already give the network inputs of unit scale.
 */
final class UnetNetwork {

    private static final Conv2DConfig SAME_3X3 = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1)
            .paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.YXIO).build();
    private static final Pooling2DConfig HALVE = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false)
            .build();

    private UnetNetwork() {
    }

    /** The output {@code [B, D]} at {@code x [B, D]} and {@code t [B, 1]} (null without a time input). */
    static SDVariable build(SameDiff sd, Map<String, SDVariable> w, UnetShape shape, DataType type, SDVariable x,
                            SDVariable t) {
        SDVariable time = null;
        if (shape.timeInput()) {
            int e = shape.embedding();
            SDVariable embedded = sd.math.sin(t.mmul(sd.constant("emb.t.a",
                    SinusoidalEmbedding.argumentMatrix(1, MlpShape.TIME_SCALE, e, type)))
                    .add(sd.constant("emb.t.phase", SinusoidalEmbedding.phaseRow(1, e, type))));
            time = sd.nn.relu(sd.nn.linear(embedded, w.get("time.w"), w.get("time.b")), 0);
        }
        SDVariable image = x.reshape(-1, shape.channels(), shape.height(), shape.width());
        SDVariable full = block(sd, w, "r1", conv(sd, w, "in", image), time, shape);
        SDVariable half = block(sd, w, "r2", conv(sd, w, "down", sd.cnn.avgPooling2d(full, HALVE)), time, shape);
        SDVariable quarter = block(sd, w, "m2", block(sd, w, "m1", sd.cnn.avgPooling2d(half, HALVE), time, shape),
                time, shape);
        SDVariable up = block(sd, w, "r3", sd.cnn.upsampling2d(quarter, 2, 2, true).add(half), time, shape);
        up = conv(sd, w, "up", sd.nn.relu(up, 0));
        up = block(sd, w, "r4", sd.cnn.upsampling2d(up, 2, 2, true).add(full), time, shape);
        return conv(sd, w, "out", sd.nn.relu(up, 0)).reshape(-1, shape.inputs());
    }

    /** {@code h + b(relu(a(relu(h)) + t(time)))}: two convolutions, the time's per-map shift between them. */
    private static SDVariable block(SameDiff sd, Map<String, SDVariable> w, String name, SDVariable h,
                                    SDVariable time, UnetShape shape) {
        SDVariable a = conv(sd, w, name + ".a", sd.nn.relu(h, 0));
        if (time != null) {
            a = a.add(sd.nn.linear(time, w.get(name + ".t.w"), w.get(name + ".t.b"))
                    .reshape(-1, shape.mapsOf(name), 1, 1));
        }
        return h.add(conv(sd, w, name + ".b", sd.nn.relu(a, 0)));
    }

    private static SDVariable conv(SameDiff sd, Map<String, SDVariable> w, String layer, SDVariable input) {
        return sd.cnn.conv2d(input, w.get(layer + ".w"), w.get(layer + ".b"), SAME_3X3);
    }
}
