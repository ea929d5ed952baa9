package io.diffusim.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees ND4J arrays at once instead of when a garbage collection finds them: a loop that makes megabytes of
 * temporaries per pass (a training step, a PSPC-Flex mask) otherwise holds them all off the heap until the next
 * collection, which a quiet heap starts rarely. Views and nulls are skipped (only an array's owner may free it).
 */
public final class NativeArrays {

    private NativeArrays() {
    }

    /** Frees each array that owns its buffer; the caller must not use any of them afterwards. */
    public static void release(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }
}
