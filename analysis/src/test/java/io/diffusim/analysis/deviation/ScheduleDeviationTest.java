package io.diffusim.analysis.deviation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.analysis.metric.Correlation;
import io.diffusim.analysis.metric.Wasserstein1;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The schedule-deviation estimator of docs/science.md §4.2 against the known answers K12-K15 and the §4.5 claim. */
class ScheduleDeviationTest {

    /** 100,000 levels of one point each: SI averaged over them is a mean over 1e5 noise draws. */
    private static final double[] MANY_LEVELS = repeat(0.5, 100_000);

    private static double[] repeat(double value, int times) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }

    /** A field that is a constant. */
    private record Constant(double[] c) implements SigmaField {
        public int dimension() {
            return c.length;
        }

        public double[] eps(double[] x, int rows, double sigma) {
            double[] out = new double[rows * c.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = c[i % c.length];
            }
            return out;
        }
    }

    @Test
    void shouldGiveFourOverEForTheZeroModelOfOnePoint() {
        // K12: v = ||xi||^2 - D, SI = E|chi2_2 - 2| = 4/e
        ScheduleDeviation.Result result = ScheduleDeviation.measure(new Constant(new double[2]), new double[] {0.3, -0.2},
                1, new ScheduleDeviation.Settings(MANY_LEVELS, 4, DivergenceMode.RANDOM_DIAGONAL), new SplittableRandom(12));
        assertThat(result.mean()).isCloseTo(4 / Math.E, within(0.015));
    }

    @Test
    void shouldGiveExactlyZeroForTheIdealDenoiserOfTheModelsOwnSamples() {
        // K13
        SplittableRandom random = new SplittableRandom(13);
        double[] samples = new double[40 * 3];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextGaussian();
        }
        double[] levels = {10, 1, 0.1, 0.01};
        for (DivergenceMode mode : DivergenceMode.values()) {
            ScheduleDeviation.Result result = ScheduleDeviation.measure(new KdeNoiseField(samples, 40, 3), samples, 40,
                    new ScheduleDeviation.Settings(levels, 16, mode), random);
            for (int level = 0; level < levels.length; level++) {
                assertThat(result.si()[level].result()).as(mode + " at sigma " + levels[level]).isZero();
            }
        }
    }

    @Test
    void shouldGiveTheNormOfAConstantOffsetTimesRootTwoOverPi() {
        // K14: model eps* + c, v = -<xi, c>, SI = ||c|| sqrt(2/pi)
        double[] sample = {1.0, 2.0};
        double[] c = {0.3, -0.4};
        KdeNoiseField ideal = new KdeNoiseField(sample, 1, 2);
        SigmaField offset = new SigmaField() {
            public int dimension() {
                return 2;
            }

            public double[] eps(double[] x, int rows, double sigma) {
                double[] e = ideal.eps(x, rows, sigma);
                for (int i = 0; i < e.length; i++) {
                    e[i] += c[i % 2];
                }
                return e;
            }

            @Override
            public double[] diagonal(double[] x, int rows, double sigma, int[] k) {
                return ideal.diagonal(x, rows, sigma, k);
            }
        };
        ScheduleDeviation.Result result = ScheduleDeviation.measure(offset, sample, 1,
                new ScheduleDeviation.Settings(MANY_LEVELS, 1, DivergenceMode.RANDOM_DIAGONAL), new SplittableRandom(14));
        double expected = 0.5 * Math.sqrt(2 / Math.PI);
        assertThat(result.mean()).isCloseTo(expected, within(0.01 * expected));
    }

    @Test
    void shouldPeakBetweenTheConditionsOfTheSelfGuidanceToy() {
        // K15: the linear model on the toy schedule, N = 2000, all 65 levels, exact divergence (D = 1)
        double[] conditions = {0, 1, 0.75, 0.5};
        double[] measured = new double[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            measured[i] = deviation(SelfGuidanceToy.linear(conditions[i]), 2000, new SplittableRandom(15 + i));
        }
        double ends = Math.max(measured[0], measured[1]);
        System.out.printf("self-guidance toy SI: c=0 %.4f, c=1 %.4f, c=0.75 %.4f, c=0.5 %.4f%n", measured[0], measured[1],
                measured[2], measured[3]);
        assertThat(measured[2]).isGreaterThan(2.5 * ends);
        assertThat(measured[3]).isGreaterThan(1.5 * ends);
    }

    @Test
    void shouldCorrelateTheDeviationWithTheDdpmToDdimDistanceAcrossTheToysConditions() {
        // §4.5 at CI size: 11 conditions, N = 128 samples per condition and sampler, exact W1
        int conditions = 11;
        double[] sd = new double[conditions];
        double[] w1 = new double[conditions];
        for (int i = 0; i < conditions; i++) {
            SigmaField model = SelfGuidanceToy.linear(i / (conditions - 1.0));
            SplittableRandom random = new SplittableRandom(450 + i);
            sd[i] = deviation(model, 128, random);
            double[] grid = SelfGuidanceToy.samplingGrid();
            double[] ddpm = SigmaSampling.sample(model, 128, grid, SigmaSampling.DDPM[0], SigmaSampling.DDPM[1], random);
            double[] ddim = SigmaSampling.sample(model, 128, grid, SigmaSampling.DDIM[0], SigmaSampling.DDIM[1], random);
            w1[i] = Wasserstein1.between(column(ddpm), column(ddim));
        }
        double spearman = Correlation.spearman(sd, w1);
        System.out.printf("SD %s%nW1 %s%nSpearman %.3f, Pearson %.3f%n", Arrays.toString(sd), Arrays.toString(w1),
                spearman, Correlation.pearson(sd, w1));
        assertThat(spearman).isGreaterThan(0.8);
    }

    /** SD of {@code model}'s own DDPM samples over all 65 toy levels, exact divergence. */
    private static double deviation(SigmaField model, int n, SplittableRandom random) {
        double[] samples = SigmaSampling.sample(model, n, SelfGuidanceToy.samplingGrid(), SigmaSampling.DDPM[0],
                SigmaSampling.DDPM[1], random);
        return ScheduleDeviation.measure(model, samples, n, new ScheduleDeviation.Settings(
                SelfGuidanceToy.evaluationLevels(), 1, DivergenceMode.EXACT_TRACE), random).mean();
    }

    private static double[][] column(double[] values) {
        return Arrays.stream(values).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    }
}
