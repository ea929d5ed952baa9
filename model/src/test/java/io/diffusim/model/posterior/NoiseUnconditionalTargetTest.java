package io.diffusim.model.posterior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The noise-unconditional effective target as a Denoiser (docs/science.md §3.4, §6.1). */
class NoiseUnconditionalTargetTest {

    private static final int D = 3072;
    private static final double S = 0.256036;
    private static final double T_STAR = 0.3;
    private static final double CONVERSION_REL_TOL = 1e-9;
    private static final double NORM_REL_TOL = 0.01;

    @Test
    void shouldExposeFlowMatchingTargetAsPredictionVelocity() {
        double[] x = new double[D];
        double[] z = new double[D];
        for (int i = 0; i < D; i++) {
            x[i] = i % 2 == 0 ? 0.506 : -0.506;
            z[i] = (1 - T_STAR) * x[i] + T_STAR * ((i / 2) % 2 == 0 ? 1 : -1);
        }
        NoiseUnconditionalTarget model = new NoiseUnconditionalTarget(PointSetLikelihood.singlePoint(x),
                TestProcesses.flowMatching(), new NoisePrior.Uniform(1e-4, 1), RegressionTarget.flowVelocity(),
                NoiseLevelPosterior.Settings.defaults());
        INDArray input = Nd4j.createFromArray(z).reshape(1, D);
        Prediction prediction = model.evaluate(new EvalRequest(input, null, null));
        EffectiveTarget expected = model.effectiveTarget(input);
        INDArray velocity = prediction.velocity(column(-1), column(1));
        double scale = expected.target().norm2Number().doubleValue();
        assertThat(velocity.sub(expected.target()).norm2Number().doubleValue()).isLessThan(CONVERSION_REL_TOL * scale);
        // §6.1: ||R(z)||^2 ≈ D (1 + s)
        assertThat(scale * scale).isCloseTo(D * (1 + S), within(NORM_REL_TOL * D * (1 + S)));
    }

    @Test
    void shouldReturnTheTargetItselfAsEpsForEpsTargets() {
        INDArray points = Nd4j.createFromArray(new double[][] {{1, 0}, {-1, 0.5}, {0.2, -1}});
        NoiseUnconditionalTarget model = new NoiseUnconditionalTarget(PointSetLikelihood.uniform(points),
                TestProcesses.varianceExploding(0.01, 10), new NoisePrior.Uniform(0.01, 10), RegressionTarget.eps(),
                NoiseLevelPosterior.Settings.defaults());
        INDArray input = Nd4j.createFromArray(new double[][] {{0.5, 0.5}, {2, -3}});
        Prediction prediction = model.evaluate(new EvalRequest(input, Nd4j.zeros(input.dataType(), 2, 1), null));
        INDArray target = model.effectiveTarget(input).target();
        assertThat(prediction.eps().sub(target).norm2Number().doubleValue())
                .isLessThan(CONVERSION_REL_TOL * target.norm2Number().doubleValue());
    }

    private static INDArray column(double value) {
        return Nd4j.createFromArray(new double[] {value}).reshape(1, 1);
    }
}
