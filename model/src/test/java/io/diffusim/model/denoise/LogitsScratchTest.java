package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The empirical posterior's per-thread logits buffer: reused, never shared while in use, and invisible in the bits. */
class LogitsScratchTest {

    @Test
    void anEvaluationAfterALargerOneOnTheSameThreadGetsBitwiseTheAnswerOfAFreshThread() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        EmpiricalDenoiser denoiser = new EmpiricalDenoiser(DenoiserFixtures.vp(), DenoiserFixtures.gaussian(random, 700, 2, 1),
                null, null, 0.1, 256);
        INDArray large = DenoiserFixtures.gaussian(random, 1000, 2, 2);
        INDArray small = DenoiserFixtures.gaussian(random, 100, 2, 2);
        INDArray largeT = DenoiserFixtures.times(random, 1000, 0.05, 0.9);
        INDArray smallT = DenoiserFixtures.times(random, 100, 0.05, 0.9);

        INDArray fresh = CompletableFuture.supplyAsync(() -> evaluate(denoiser, small, smallT)).get();
        INDArray reused = CompletableFuture.supplyAsync(() -> {
            evaluate(denoiser, large, largeT);
            return evaluate(denoiser, small, smallT);
        }).get();

        assertThat(reused.data().asDouble()).containsExactly(fresh.data().asDouble());
    }

    @Test
    void aReleasedBufferIsTakenAgainAndABufferInUseIsNeverHandedOutTwice() {
        INDArray first = LogitsScratch.take(DataType.DOUBLE, 1000);
        INDArray whileInUse = LogitsScratch.take(DataType.DOUBLE, 1000);
        assertThat(whileInUse).isNotSameAs(first);
        LogitsScratch.release(first);
        assertThat(LogitsScratch.take(DataType.DOUBLE, 800)).isSameAs(first);
        assertThat(LogitsScratch.take(DataType.DOUBLE, 800)).isNotSameAs(first);
    }

    @Test
    void aBufferAboveTheCapIsNotKept() {
        long tooMany = LogitsScratch.MAX_KEPT_BYTES / Float.BYTES + 1;
        INDArray huge = LogitsScratch.take(DataType.FLOAT, tooMany);
        LogitsScratch.release(huge);
        assertThat(LogitsScratch.take(DataType.FLOAT, 10)).isNotSameAs(huge);
    }

    @Test
    void theMatrixViewWritesIntoTheBuffer() {
        INDArray buffer = LogitsScratch.take(DataType.DOUBLE, 12);
        LogitsScratch.matrix(buffer, 2, 3).assign(7.0);
        assertThat(buffer.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6)).toDoubleVector()).containsOnly(7.0);
    }

    private static INDArray evaluate(Denoiser denoiser, INDArray x, INDArray t) {
        return DenoiserFixtures.withDivergence(denoiser.evaluate(new EvalRequest(x, t, null)));
    }
}
