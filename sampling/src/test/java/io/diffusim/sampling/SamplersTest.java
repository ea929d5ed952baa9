package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import io.diffusim.model.process.VeProcess;
import io.diffusim.sampling.edm.EdmSampler;
import io.diffusim.sampling.fm.FlowMatchingSampler;
import io.diffusim.sampling.guidance.DensityGuidedDdpmSampler;
import io.diffusim.sampling.noise.CounterNoise;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sampler specs (docs/spec-reference.md {@code sampler}) through reference.conf into the samplers of docs/science.md §2. */
class SamplersTest {

    private static final long[] PARTICLES = TestModels.ids(0, 8);
    /** Grid values computed by the same closed form. */
    private static final double EXACT_TOL = 1e-12;
    /**
     * K6 of docs/science.md §8 on 2,000 particles instead of 20,000: the fraction 0.7 has a binomial std error of 0.010,
     * a mode's mean (~600 or ~1,400 points of std 0.25) at most 0.010, its std at most 0.0075; each tolerance is
     * about 3.5 to 4.5 of those.
     */
    private static final int K6_PARTICLES = 2000;
    private static final double K6_FRACTION_TOL = 0.035;
    private static final double K6_MEAN_TOL = 0.04;
    private static final double K6_STD_TOL = 0.035;

    @Test
    void shouldRunDdpmOverTheWholeChainByDefault() {
        Sampler ddpm = sampler("");
        Sampler shortChain = sampler("process { kind = vp, timesteps = 30 }");

        assertThat(ddpm.steps()).isEqualTo(100);
        assertThat(firstTime(ddpm)).isEqualTo(99);
        assertThat(shortChain.steps()).isEqualTo(30);
    }

    @Test
    void shouldGuideDdpmWithAKdeWhenGuidanceIsOn() {
        Sampler guided = sampler("sampler { kind = ddpm, guidance { kind = smoothed, subsample = 20 } }");

        assertThat(guided).isInstanceOf(DensityGuidedDdpmSampler.class);
        assertThat(guided.steps()).isEqualTo(100);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sampler("model { kind = mlp, density-head = true }, "
                        + "sampler { kind = ddpm, guidance { kind = fixed, density = model-head } }"))
                .withMessageStartingWith("model.checkpoint = null");
    }

    @Test
    void shouldTakeTheRequestedDdimSubsequence() {
        Sampler ten = sampler("sampler { kind = ddim, steps = 10 }");
        Sampler leading = sampler("sampler { kind = ddim, steps = 10, spacing = leading }");

        assertThat(ten.steps()).isEqualTo(10);
        assertThat(firstTime(ten)).isEqualTo(99);
        // leading: tau_0 = floor(9 T / 10)
        assertThat(firstTime(leading)).isEqualTo(90);
        assertThat(sampler("sampler { kind = ddim }").steps()).isEqualTo(100);
    }

    @Test
    void shouldWalkTheEighteenStepRhoGridOfTheProcess() {
        Sampler euler = sampler("process { kind = ve }, sampler { kind = euler }");
        EdmSampler heun = (EdmSampler) sampler("process { kind = edm, sigma-max = 10 }, sampler { kind = heun, steps = 0 }");

        assertThat(euler.steps()).isEqualTo(18);
        assertThat(firstTime(euler)).isCloseTo(80, within(EXACT_TOL));
        assertThat(firstTime(heun)).isCloseTo(10, within(EXACT_TOL));
        assertThat(heun.evaluations()).isEqualTo(35);
    }

    @Test
    void shouldChurnTheFirstStepWhenAsked() {
        Sampler churned = sampler("process { kind = ve }, sampler { kind = heun, s-churn = 10 }");

        // gamma_0 = min(S_churn / N, sqrt 2 - 1) = sqrt 2 - 1, so t-hat = 80 sqrt 2
        assertThat(firstTime(churned)).isCloseTo(80 * Math.sqrt(2), within(EXACT_TOL));
    }

    @Test
    void shouldTakeFiftyFlowMatchingStepsByDefault() {
        Sampler euler = sampler("process { kind = fm }, sampler { kind = fm-euler }");
        FlowMatchingSampler heun = (FlowMatchingSampler) sampler("process { kind = fm }, sampler { kind = fm-heun, steps = 10 }");

        assertThat(euler.steps()).isEqualTo(50);
        assertThat(firstTime(euler)).isEqualTo(1);
        assertThat(heun.steps()).isEqualTo(10);
        assertThat(heun.evaluations()).isEqualTo(19);
    }

    @Test
    void shouldAnnealLangevinDownTheLadder() {
        Sampler langevin = sampler("process { kind = ve }, sampler { kind = langevin, levels = 4, steps-per-level = 5, "
                + "sigma-max = 2, final-denoise = true, init = uniform }");
        SamplerState start = langevin.start(PARTICLES, new CounterNoise(1));

        assertThat(langevin.steps()).isEqualTo(4 * 5 + 1);
        assertThat(langevin.nextEvaluation(start).t().getDouble(0)).isEqualTo(2);
        assertThat(Arrays.stream(start.x().data().asDouble()).allMatch(v -> v >= 0 && v < 1)).isTrue();
    }

    @Test
    void shouldCapEqmAtMaxStepsSamplingSteps() {
        String model = "model { kind = eqm-empirical, grid = 8 }, ";
        Sampler gd = sampler(model + "sampler { kind = eqm-gd }");
        Sampler nag = sampler(model + "sampler { kind = eqm-nag, steps = 40 }");
        Sampler shortNag = sampler(model + "sampler { kind = eqm-nag, max-steps = 10 }");

        // K sampling steps execute K - 1 updates (docs/science.md §2.7), K = max-steps = 250 by default
        assertThat(gd.steps()).isEqualTo(249);
        assertThat(nag.steps()).isEqualTo(39);
        assertThat(shortNag.steps()).isEqualTo(9);
        assertThat(gd.nextEvaluation(gd.start(PARTICLES, new CounterNoise(1))).t()).isNull();
    }

    @Test
    void shouldRejectAChainSamplerOnAnotherProcess() {
        RunSpec run = parse("");
        Dataset data = Datasets.from(run.data(), run.seed());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Samplers.from(run.sampler(), run, new VeProcess(0.002, 80), data))
                .withMessageContaining("sampler.kind = ddpm needs process.kind = vp");
    }

    @Test
    void shouldReproduceTheK6MixtureFromASpec() {
        RunSpec run = parse("process { kind = ve }, sampler { kind = heun }, model { kind = gmm-exact }, data { kind = gmm, "
                + "n = 10, components = [ { weight = 0.3, mean = [-2], cov = 0.0625 }, { weight = 0.7, mean = [2], cov = 0.0625 } ] }");
        Dataset data = Datasets.from(run.data(), run.seed());
        ForwardProcess process = Processes.from(run.process());
        Denoiser model = Denoisers.from(run.model(), run, data, process);
        Sampler heun = Samplers.from(run.sampler(), run, process, data);

        SamplerState end = TestModels.run(heun, model::evaluate, TestModels.ids(0, K6_PARTICLES), new CounterNoise(run.seed()));
        double[] samples = end.x().data().asDouble();
        double[] positive = Arrays.stream(samples).filter(v -> v > 0).toArray();
        double[] negative = Arrays.stream(samples).filter(v -> v <= 0).toArray();

        assertThat(end.nfe()).isEqualTo(35);
        assertThat((double) positive.length / samples.length).isCloseTo(0.7, within(K6_FRACTION_TOL));
        double[] upper = TestModels.meanAndStd(positive);
        double[] lower = TestModels.meanAndStd(negative);
        assertThat(upper[0]).isCloseTo(2, within(K6_MEAN_TOL));
        assertThat(lower[0]).isCloseTo(-2, within(K6_MEAN_TOL));
        assertThat(upper[1]).isCloseTo(0.25, within(K6_STD_TOL));
        assertThat(lower[1]).isCloseTo(0.25, within(K6_STD_TOL));
    }

    private static RunSpec parse(String blocks) {
        String withData = blocks.contains("data {") ? blocks : blocks + (blocks.isEmpty() ? "" : ", ")
                + "data { kind = moons, n = 50 }";
        return SpecLoader.parse("run { analyses = [], " + withData + " }", null);
    }

    private static Sampler sampler(String blocks) {
        RunSpec run = parse(blocks);
        Dataset data = Datasets.from(run.data(), run.seed());
        return Samplers.from(run.sampler(), run, Processes.from(run.process()), data);
    }

    /** The process time of the first model evaluation. */
    private static double firstTime(Sampler sampler) {
        EvalRequest request = sampler.nextEvaluation(sampler.start(PARTICLES, new CounterNoise(1)));
        return request.t().getDouble(0);
    }
}
