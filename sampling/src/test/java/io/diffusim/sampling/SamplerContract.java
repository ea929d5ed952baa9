package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.noise.CounterNoise;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every sampler passes (docs/style.md habit 10): deterministic for a seed, independent of batch
 * composition, never mutating its inputs, and spending the documented number of model evaluations.
 */
abstract class SamplerContract {

    private static final long SEED = 20240607L;
    private static final int LARGE_BATCH = 4096;
    private static final int SINGLE_STRIDE = 97;
    private static final int SMALL_BATCH = 16;
    /** Relative agreement of a particle computed in a batch of 4096 and alone. */
    private static final double REL_TOL = 1e-9;
    /** Scale floor of the relative comparison, for coordinates near 0. */
    private static final double SCALE_FLOOR = 1e-6;

    /** A fresh sampler under test. */
    protected abstract Sampler sampler();

    /** The analytic model that drives it. */
    protected abstract TestModels.Model model();

    /** The number of model evaluations the run that ended in {@code finalState} must have used. */
    protected abstract long expectedNfe(SamplerState finalState);

    @Test
    void shouldBeBitIdenticalForTheSameSeed() {
        long[] ids = TestModels.ids(0, SMALL_BATCH);
        SamplerState first = TestModels.run(sampler(), model(), ids, new CounterNoise(SEED));
        SamplerState second = TestModels.run(sampler(), model(), ids, new CounterNoise(SEED));
        assertThat(flat(second.x())).containsExactly(flat(first.x()));
        assertThat(second.aux().keySet()).isEqualTo(first.aux().keySet());
        for (String key : first.aux().keySet()) {
            assertThat(flat(second.aux(key))).as(key).containsExactly(flat(first.aux(key)));
        }
        assertThat(second.nfe()).isEqualTo(first.nfe());
    }

    @Test
    void shouldGiveTheSameParticlesWhateverTheBatchSize() {
        CounterNoise noise = new CounterNoise(SEED);
        SamplerState batch = TestModels.run(sampler(), model(), TestModels.ids(0, LARGE_BATCH), noise);
        double[] together = flat(batch.x());
        int dim = (int) batch.x().columns();
        for (int id = 0; id < LARGE_BATCH; id += SINGLE_STRIDE) {
            double[] alone = flat(TestModels.run(sampler(), model(), new long[] {id}, noise).x());
            for (int c = 0; c < dim; c++) {
                double expected = together[id * dim + c];
                double scale = Math.max(Math.abs(expected), SCALE_FLOOR);
                assertThat(Math.abs(alone[c] - expected) / scale)
                        .as("particle %d coordinate %d", id, c).isLessThanOrEqualTo(REL_TOL);
            }
        }
    }

    @Test
    void shouldNotMutateItsInputs() {
        Sampler sampler = sampler();
        TestModels.Model model = model();
        CounterNoise noise = new CounterNoise(SEED);
        SamplerState state = sampler.start(TestModels.ids(0, SMALL_BATCH), noise);
        while (!sampler.finished(state)) {
            EvalRequest request = sampler.nextEvaluation(state);
            Map<String, double[]> before = snapshot(state);
            double[] requestBefore = flat(request.x());
            Prediction prediction = model.apply(request);
            double[] valueBefore = flat(value(prediction));
            SamplerState next = sampler.accept(state, prediction, noise);
            Map<String, double[]> after = snapshot(state);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (Map.Entry<String, double[]> entry : before.entrySet()) {
                assertThat(after.get(entry.getKey())).as("%s at step %d", entry.getKey(), state.step())
                        .containsExactly(entry.getValue());
            }
            assertThat(flat(request.x())).containsExactly(requestBefore);
            assertThat(flat(value(prediction))).containsExactly(valueBefore);
            state = next;
        }
    }

    @Test
    void shouldSpendTheDocumentedNumberOfEvaluations() {
        Sampler sampler = sampler();
        TestModels.Model model = model();
        CounterNoise noise = new CounterNoise(SEED);
        SamplerState state = sampler.start(TestModels.ids(0, SMALL_BATCH), noise);
        long calls = 0;
        while (!sampler.finished(state)) {
            state = sampler.accept(state, model.apply(sampler.nextEvaluation(state)), noise);
            calls++;
        }
        assertThat(state.nfe()).isEqualTo(calls).isEqualTo(expectedNfe(state));
        assertThat(java.util.Arrays.stream(flat(state.x())).boxed().toList()).allMatch(Double::isFinite);
    }

    private static INDArray value(Prediction prediction) {
        return prediction.kind() == Prediction.Kind.FIELD ? prediction.field()
                : prediction.kind() == Prediction.Kind.X0 ? prediction.x0() : prediction.eps();
    }

    /** A value copy of a state's arrays. */
    private static Map<String, double[]> snapshot(SamplerState state) {
        Map<String, double[]> copy = new HashMap<>();
        copy.put("x", flat(state.x()));
        state.aux().forEach((key, array) -> copy.put("aux." + key, flat(array)));
        return copy;
    }

    static double[] flat(INDArray array) {
        return array.dup('c').data().asDouble();
    }
}
