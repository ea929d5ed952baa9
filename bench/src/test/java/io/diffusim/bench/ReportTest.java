package io.diffusim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final double REL_TOL = 1e-12;

    /** 10 float32 1024^3 products per second = 2 * 1024^3 * 10 / 1e9 GFLOP/s. */
    private static final double SGEMM_GFLOPS = 2.0 * 1024 * 1024 * 1024 * 10 / 1e9;

    private static final String JSON = """
            [
              {"benchmark": "io.diffusim.bench.SgemmBench.mmul", "params": {"dtype": "DOUBLE", "n": "1024"},
               "primaryMetric": {"score": 4.0, "scoreError": 0.1}, "secondaryMetrics": {}},
              {"benchmark": "io.diffusim.bench.SgemmBench.mmul", "params": {"dtype": "FLOAT", "n": "1024"},
               "primaryMetric": {"score": 10.0, "scoreError": 0.2}, "secondaryMetrics": {}},
              {"benchmark": "io.diffusim.bench.DenoiserBench.evaluate", "params": {"batch": "10000", "model": "NOISE_UNCONDITIONAL"},
               "primaryMetric": {"score": 2.0, "scoreError": 0.1},
               "secondaryMetrics": {"particles": {"score": 20.0, "scoreError": 1.0}}}
            ]
            """;

    @Test
    void shouldTakeFloat32ProductAsReferenceGflops() throws Exception {
        List<Report.Result> results = Report.parse(JSON);

        assertThat(results).hasSize(3);
        assertThat(Report.sgemmGflops(results).getAsDouble()).isCloseTo(SGEMM_GFLOPS, within(REL_TOL * SGEMM_GFLOPS));
    }

    @Test
    void shouldReadScaledBatchAsParticlesPerOperation() throws Exception {
        Report.Result denoiser = Report.parse(JSON).get(2);

        assertThat(denoiser.particlesPerSecond()).isEqualTo(20.0);
        assertThat(denoiser.rowsPerOperation()).isCloseTo(10.0, within(REL_TOL));
    }

    @Test
    void shouldPrintParticleRatePerSgemmGflops() throws Exception {
        String table = Report.table(Report.parse(JSON));

        // 20 particles/s over 21.47 GFLOP/s = 0.931
        assertThat(table).contains("sgemm 21.5 GFLOP/s").contains("model=noise-unconditional").contains("0.931");
    }

    @Test
    void shouldSayWhenTheRunHasNoReference() throws Exception {
        String table = Report.table(Report.parse(JSON).subList(2, 3));

        assertThat(table).contains("reference: none").contains("n/a");
    }
}
