package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Records with awkward values (-0.0, 1e-300, subnormals, infinities) and a bit-exact comparison. */
final class StoreFixtures {

    /** Small sizes: the files stay a few MB and a test can fill them. */
    static final StoreSizing SMALL = new StoreSizing(16, 4L << 20, 1000);

    private StoreFixtures() {
    }

    static RunRecord run(String id, long submittedNs) {
        return new RunRecord(id, "run {\n  name = \"" + id + "\"\n  seed = 0\n}\n", "running", 3, 100, submittedNs,
                null);
    }

    /** A checkpoint of {@code rows x 2} particles with an aux column, its doubles covering the edge cases. */
    static Checkpoint checkpoint(int step, int rows) {
        double[] x = new double[rows * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.scalb(i - x.length / 2.0, (i % 7) - 3) / 3.0;
        }
        double[] special = {-0.0, 1e-300, Double.MIN_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, 0.1};
        System.arraycopy(special, 0, x, 0, Math.min(special.length, x.length));
        long[] particles = new long[rows];
        Arrays.setAll(particles, i -> 1_000_000_000_000L + i);
        double[] nfe = new double[rows];
        Arrays.fill(nfe, step);
        return new Checkpoint(step, 0, step * 2L, particles, new long[] {rows, 2}, x,
                Map.of("nfe", new long[] {rows, 1}, "x_previous", new long[] {rows, 2}),
                Map.of("nfe", nfe, "x_previous", x.clone()));
    }

    static List<MetricRecord> metrics() {
        return List.of(new MetricRecord("kl", "kl", 100, 0.0, 0.25),
                new MetricRecord("nearest-neighbour", "mean", 0, 1.0, -0.0),
                new MetricRecord("nearest-neighbour", "mean", 10, 0.9, 1e-300),
                new MetricRecord("nearest-neighbour", "mean", 2, 0.98, Double.NaN),
                new MetricRecord("nearest-neighbour", "max", 0, 1.0, 3.5));
    }

    /** Puts records as a run logs them: indexes 0, 1, 2, ... in list order. */
    static void putMetrics(RunStore store, String runId, List<MetricRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            store.putMetric(runId, i, records.get(i));
        }
    }

    static void assertSameBits(Checkpoint actual, Checkpoint expected) {
        assertThat(actual.step()).isEqualTo(expected.step());
        assertThat(actual.subStep()).isEqualTo(expected.subStep());
        assertThat(actual.nfe()).isEqualTo(expected.nfe());
        assertThat(actual.particles()).containsExactly(expected.particles());
        assertThat(actual.xShape()).containsExactly(expected.xShape());
        assertThat(bits(actual.x())).containsExactly(bits(expected.x()));
        assertThat(actual.aux().keySet()).isEqualTo(expected.aux().keySet());
        expected.aux().forEach((name, values) -> {
            assertThat(bits(actual.aux().get(name))).as(name).containsExactly(bits(values));
            assertThat(actual.auxShapes().get(name)).as(name).containsExactly(expected.auxShapes().get(name));
        });
    }

    static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
