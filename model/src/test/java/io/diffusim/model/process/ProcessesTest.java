package io.diffusim.model.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.config.ProcessSpec;
import io.diffusim.config.SpecLoader;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Process specs (docs/spec-reference.md {@code process}) through reference.conf into forward processes (docs/science.md §1.1-1.2). */
class ProcessesTest {

    /** docs/science.md §8 K9 prints six significant digits: half a unit in the sixth digit, relative (in percent). */
    private static final Percentage SIX_DIGITS = Percentage.withPercentage(5e-4);
    /** Coefficients evaluated by the same closed form. */
    private static final double EXACT_TOL = 1e-12;

    @Test
    void shouldBuildTheDefaultLinearChainOfAHundredStepsWithK9AlphaBar() {
        VpDiscreteProcess chain = (VpDiscreteProcess) Processes.from(process("kind = vp"));

        assertThat(chain.timesteps()).isEqualTo(100);
        assertThat(chain.tMax()).isEqualTo(99);
        assertThat(chain.alphaBar()[99]).isCloseTo(0.363563, SIX_DIGITS);
        assertThat(chain.a(99)).isCloseTo(Math.sqrt(0.363563), SIX_DIGITS);
    }

    @Test
    void shouldMatchK9AlphaBarOfTheThousandStepLinearChain() {
        VpDiscreteProcess chain = (VpDiscreteProcess) Processes.from(
                process("kind = vp, schedule = linear, timesteps = 1000, beta-min = 1e-4, beta-max = 0.02"));

        assertThat(chain.alphaBar()[999]).isCloseTo(4.03583e-5, SIX_DIGITS);
    }

    @Test
    void shouldBuildTheCosineScheduleWithK9Values() {
        VpDiscreteProcess chain = (VpDiscreteProcess) Processes.from(process("kind = vp, schedule = cosine, timesteps = 1000"));

        assertThat(chain.alphaBar()[0]).isCloseTo(0.999959, SIX_DIGITS);
        assertThat(chain.alphaBar()[499]).isCloseTo(0.493844, SIX_DIGITS);
    }

    @Test
    void shouldBuildTheQuadraticScheduleFromItsEndpoints() {
        VpDiscreteProcess chain = (VpDiscreteProcess) Processes.from(
                process("kind = vp, schedule = quadratic, timesteps = 11, beta-min = 1e-4, beta-max = 0.04"));
        double middle = Math.pow((Math.sqrt(1e-4) + Math.sqrt(0.04)) / 2, 2);

        assertThat(chain.beta()).hasSize(11);
        assertThat(chain.beta()[0]).isCloseTo(1e-4, within(EXACT_TOL));
        assertThat(chain.beta()[5]).isCloseTo(middle, within(EXACT_TOL));
        assertThat(chain.beta()[10]).isCloseTo(0.04, within(EXACT_TOL));
    }

    @Test
    void shouldViewTheLogLinearSigmaTableAsAVpChain() {
        VpDiscreteProcess chain = (VpDiscreteProcess) Processes.from(process("kind = vp, schedule = log-linear"));

        // L = 512 sigmas from 0.01 to 35, Abar = 1 / (1 + sigma^2)
        assertThat(chain.timesteps()).isEqualTo(512);
        assertThat(chain.alphaBar()[0]).isCloseTo(1 / (1 + 0.01 * 0.01), within(EXACT_TOL));
        assertThat(chain.alphaBar()[511]).isCloseTo(1 / (1 + 35.0 * 35.0), within(EXACT_TOL));
    }

    @Test
    void shouldBuildVeInSigmaOverTheSpecsRange() {
        ForwardProcess ve = Processes.from(process("kind = ve, sigma-min = 0.01, sigma-max = 10"));

        assertThat(ve.a(2.5)).isEqualTo(1);
        assertThat(ve.b(2.5)).isEqualTo(2.5);
        assertThat(ve.tMin()).isEqualTo(0.01);
        assertThat(ve.tMax()).isEqualTo(10);
    }

    @Test
    void shouldSampleEdmInUnscaledSigmaSpace() {
        ForwardProcess edm = Processes.from(process("kind = edm, sigma-data = 0.5"));

        // x = x0 + sigma eps, not the input-scaled c_in (x0 + sigma eps) of the network
        assertThat(edm).isInstanceOf(VeProcess.class);
        assertThat(edm.a(5)).isEqualTo(1);
        assertThat(edm.b(5)).isEqualTo(5);
        assertThat(edm.tMin()).isEqualTo(0.002);
        assertThat(edm.tMax()).isEqualTo(80);
    }

    @Test
    void shouldBuildFlowMatchingWithPureNoiseAtOne() {
        ForwardProcess fm = Processes.from(process("kind = fm"));

        assertThat(fm.a(0.3)).isCloseTo(0.7, within(EXACT_TOL));
        assertThat(fm.b(0.3)).isCloseTo(0.3, within(EXACT_TOL));
        assertThat(fm.a(1)).isZero();
    }

    private static ProcessSpec process(String block) {
        return SpecLoader.parse("run { analyses = [], sampler { kind = " + sampler(block) + " }, data { kind = moons }, "
                + "process { " + block + " } }", null).process();
    }

    /** A sampler the process accepts, so the spec passes its cross-block checks. */
    private static String sampler(String block) {
        return block.contains("kind = vp") ? "ddpm" : block.contains("kind = fm") ? "fm-euler" : "euler";
    }
}
