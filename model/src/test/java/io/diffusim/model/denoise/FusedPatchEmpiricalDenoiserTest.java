package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.data.Dataset;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.process.ForwardProcess;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fused PSPC-Square kernel against the tensor form (docs/science.md §3.6) to 1e-12 relative: square and
 * rectangular images, one and three channels, strides that leave a flush border square, a table schedule with every
 * row at its own level, and the whole image (which is the empirical denoiser); a particle's bits are the same alone
 * and in a batch, on one thread and on two.
 */
class FusedPatchEmpiricalDenoiserTest {

    private static void assertAgree(ForwardProcess process, Dataset data, PatchSizeSchedule schedule, int stride,
            EvalRequest request) {
        BackendAgreement.assertAgree(new FusedPatchEmpiricalDenoiser(process, data, schedule, stride, HostPool.of(2)),
                new PatchEmpiricalDenoiser(process, data, schedule, stride, 0), request);
    }

    @Test
    void shouldAgreeWithTheTensorFormForFixedSquaresAndStrides() {
        SplittableRandom random = new SplittableRandom(11);
        for (int[] shape : new int[][] {{1, 8, 8}, {3, 6, 5}}) {
            Dataset data = DenoiserFixtures.randomImages(random, 30, shape[0], shape[1], shape[2]);
            int d = shape[0] * shape[1] * shape[2];
            for (int[] sizeAndStride : new int[][] {{3, 1}, {3, 2}, {4, 3}, {1, 1}}) {
                EvalRequest request = new EvalRequest(DenoiserFixtures.gaussian(random, 7, d, 1.2),
                        DenoiserFixtures.times(random, 7, 0.2, 1.4), null);
                assertAgree(DenoiserFixtures.vp(), data, PatchSizeSchedule.fixed(sizeAndStride[0]), sizeAndStride[1],
                        request);
            }
        }
    }

    @Test
    void shouldAgreeWithTheTensorFormWhenEveryRowHasItsOwnPatchSize() {
        SplittableRandom random = new SplittableRandom(12);
        Dataset data = DenoiserFixtures.randomImages(random, 25, 1, 6, 6);
        PatchSizeSchedule schedule = PatchSizeSchedule.table(new double[] {10, 5, 3, 1.5}, new int[] {6, 4, 3, 2}, 6);
        INDArray t = DenoiserFixtures.column(12, 0.4, 6, 2.5, 1, 4, 0.9, 30);
        assertAgree(DenoiserFixtures.ve(), data, schedule, 1,
                new EvalRequest(DenoiserFixtures.gaussian(random, 8, 36, 2), t, null));
    }

    @Test
    void shouldBeTheEmpiricalDenoiserWhenTheSquareIsTheImage() {
        SplittableRandom random = new SplittableRandom(13);
        Dataset data = DenoiserFixtures.randomImages(random, 40, 2, 5, 5);
        EvalRequest request = new EvalRequest(DenoiserFixtures.gaussian(random, 9, 50, 1),
                DenoiserFixtures.times(random, 9, 0.1, 1.5), null);
        BackendAgreement.assertAgree(new FusedPatchEmpiricalDenoiser(DenoiserFixtures.vp(), data,
                PatchSizeSchedule.fixed(5), 1), new EmpiricalDenoiser(DenoiserFixtures.vp(), data.points()), request);
    }

    @Test
    void shouldGiveEachRowTheSameBitsAloneAsInABatchAndOnOneThreadAsOnTwo() {
        SplittableRandom random = new SplittableRandom(14);
        Dataset data = DenoiserFixtures.randomImages(random, 20, 1, 7, 7);
        PatchSizeSchedule schedule = PatchSizeSchedule.table(new double[] {3, 1, 0.3}, new int[] {7, 4, 2}, 7);
        INDArray x = DenoiserFixtures.gaussian(random, 12, 49, 1);
        INDArray t = DenoiserFixtures.times(random, 12, 0.1, 4);
        Denoiser two = new FusedPatchEmpiricalDenoiser(DenoiserFixtures.ve(), data, schedule, 2, HostPool.of(2));
        Denoiser one = new FusedPatchEmpiricalDenoiser(DenoiserFixtures.ve(), data, schedule, 2, HostPool.of(1));

        double[] batch = two.evaluate(new EvalRequest(x, t, null)).x0().data().asDouble();
        assertThat(one.evaluate(new EvalRequest(x, t, null)).x0().data().asDouble()).isEqualTo(batch);
        for (int r = 0; r < 12; r++) {
            double[] alone = two.evaluate(new EvalRequest(x.getRow(r, true).dup(), t.getRow(r, true).dup(), null))
                    .x0().data().asDouble();
            double[] inBatch = new double[49];
            System.arraycopy(batch, r * 49, inBatch, 0, 49);
            assertThat(alone).as("row " + r).isEqualTo(inBatch);
        }
    }
}
