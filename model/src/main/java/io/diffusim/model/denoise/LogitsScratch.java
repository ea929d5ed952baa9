package io.diffusim.model.denoise;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reusable buffer, one per thread, for the empirical posterior's logits ({@code [rows, chunk]} for each chunk of
 * points). A fresh block per chunk is fresh native memory, which ND4J hands back only after a garbage collection:
 * the demo's 10,000 particles took 16 GB of new pages over 100 steps (3.8 million page faults, a third of the CPU
 * time in the kernel), and a daemon stepping several batches at once slowed down by a third. Kept per thread since
 * one denoiser may be evaluated on several; a buffer above {@link #MAX_KEPT_BYTES} is used once and not kept.
 */
final class LogitsScratch {

    /** The largest buffer a thread keeps (a pass of 16,384 rows against chunks of 512 points). */
    static final long MAX_KEPT_BYTES = 64L << 20;

    private static final ThreadLocal<INDArray> KEPT = new ThreadLocal<>();

    private LogitsScratch() {
    }

    /** A buffer of at least {@code length} elements of {@code type}, the thread's kept one when it is large enough. */
    static INDArray take(DataType type, long length) {
        INDArray kept = KEPT.get();
        if (kept != null && kept.dataType() == type && kept.length() >= length) {
            // taken out while in use, so a nested evaluation on this thread gets a buffer of its own
            KEPT.remove();
            return kept;
        }
        // kept beyond the caller's scope, so never in a workspace the caller may have opened
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.createUninitialized(type, length);
        }
    }

    /** The first {@code rows * columns} elements of {@code buffer} as a c-order {@code [rows, columns]} view. */
    static INDArray matrix(INDArray buffer, long rows, long columns) {
        return Nd4j.create(buffer.data(), new long[] {rows, columns}, new long[] {columns, 1}, 0, 'c');
    }

    /** Hands {@code buffer} back for the thread's next evaluation, unless it is too large to keep. */
    static void release(INDArray buffer) {
        if (buffer.length() * buffer.dataType().width() <= MAX_KEPT_BYTES) {
            KEPT.set(buffer);
        }
    }
}
