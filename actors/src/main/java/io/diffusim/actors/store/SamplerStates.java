package io.diffusim.actors.store;

import io.diffusim.sampling.SamplerState;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Between a batch's {@link SamplerState} and its {@link Checkpoint} (docs/architecture.md §2: a checkpoint at any step
 * boundary): the float64 bits of {@code x} and of every aux array are copied once each way, so a restored batch
 * continues exactly where the checkpoint was taken.
 */
public final class SamplerStates {

    private SamplerStates() {
    }

    /** A copy of the state as plain values; every array must be float64. */
    public static Checkpoint of(SamplerState state) {
        Map<String, long[]> auxShapes = new HashMap<>();
        Map<String, double[]> aux = new HashMap<>();
        state.aux().forEach((name, array) -> {
            auxShapes.put(name, array.shape());
            aux.put(name, doubles("aux " + name, array));
        });
        return new Checkpoint(state.step(), state.subStep(), state.nfe(), state.particles().clone(),
                state.x().shape(), doubles("x", state.x()), auxShapes, aux);
    }

    /** The state the checkpoint was taken from, in fresh float64 arrays outside any workspace. */
    public static SamplerState restore(Checkpoint checkpoint) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            Map<String, INDArray> aux = new HashMap<>();
            checkpoint.aux().forEach((name, values) -> aux.put(name, array(values, checkpoint.auxShapes().get(name))));
            return new SamplerState(array(checkpoint.x(), checkpoint.xShape()), checkpoint.particles().clone(),
                    checkpoint.step(), checkpoint.subStep(), checkpoint.nfe(), aux);
        }
    }

    private static double[] doubles(String name, INDArray array) {
        if (array.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("checkpoints hold float64 arrays, but " + name + " is "
                    + array.dataType());
        }
        // a fresh row-major copy owns a buffer of exactly its length, whatever view the array was
        double[] values = array.dup('c').data().asDouble();
        if (values.length != array.length()) {
            throw new IllegalStateException(name + ": copied " + values.length + " values of " + array.length());
        }
        return values;
    }

    private static INDArray array(double[] values, long[] shape) {
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }
}
