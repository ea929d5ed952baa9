package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks every weight's gradient from SameDiff against a central difference of the loss (float64 graphs). */
final class CentralDifferences {

    /** How many weights were checked and the worst relative error met. */
    record Result(int checked, double worst) {
    }

    private CentralDifferences() {
    }

    /** Asserts each gradient within {@code tolerance * max(1, |numeric|)} of {@code (L(w + h) - L(w - h)) / 2h}. */
    static Result check(TrainingGraph graph, TrainingFeed feed, double h, double tolerance) {
        Map<String, INDArray> gradients = graph.gradients(feed);
        int checked = 0;
        double worst = 0;
        for (String parameter : graph.names()) {
            INDArray w = graph.parameters().get(parameter);
            INDArray g = gradients.get(parameter);
            assertThat(g.shape()).as(parameter).containsExactly(w.shape());
            INDArray flat = w.reshape(w.length());
            INDArray gFlat = g.reshape(g.length());
            for (long i = 0; i < w.length(); i++) {
                double saved = flat.getDouble(i);
                flat.putScalar(i, saved + h);
                double up = graph.loss(feed);
                flat.putScalar(i, saved - h);
                double down = graph.loss(feed);
                flat.putScalar(i, saved);
                double numeric = (up - down) / (2 * h);
                double scale = Math.max(1, Math.abs(numeric));
                worst = Math.max(worst, Math.abs(gFlat.getDouble(i) - numeric) / scale);
                assertThat(gFlat.getDouble(i)).as(parameter + "[" + i + "]").isCloseTo(numeric, within(tolerance * scale));
                checked++;
            }
        }
        return new Result(checked, worst);
    }
}
