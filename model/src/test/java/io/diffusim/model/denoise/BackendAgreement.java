package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks that a fused host denoiser and its ND4J counterpart give the same posterior on a request. */
final class BackendAgreement {

    /** Two float64 evaluations of one posterior in different summation orders (issue: 1e-12 relative). */
    static final double RELATIVE_TOL = 1e-12;

    private BackendAgreement() {
    }

    /**
     * x0 and eps agree entry by entry relative to the largest entry of the ND4J answer. The divergence
     * {@code D/b - (a^2/b^3)(E||y||^2 - ||x0||^2)} agrees relative to the size of the terms it is the difference of,
     * {@code D/b + (a^2/b^3) ||x0||^2}: at low noise both backends lose the same leading digits to the cancellation.
     */
    static void assertAgree(Denoiser host, Denoiser nd4j, EvalRequest request) {
        Prediction expected = nd4j.evaluate(request);
        Prediction actual = host.evaluate(request);
        assertRelative(actual.x0(), expected.x0(), "x0");
        assertRelative(actual.eps(), expected.eps(), "eps");
        assertThat(actual.divergence()).as("divergence").isNotNull();
        INDArray a = expected.a();
        INDArray b = expected.b();
        INDArray scale = expected.x0().mul(expected.x0()).sum(true, 1).muli(a).muli(a).divi(b).divi(b).divi(b)
                .addi(b.rdiv(request.dimension()));
        double worst = actual.divergence().sub(expected.divergence()).divi(scale).amaxNumber().doubleValue();
        assertThat(worst).as("divergence relative to D/b + (a^2/b^3)||x0||^2").isLessThan(RELATIVE_TOL);
    }

    private static void assertRelative(INDArray actual, INDArray expected, String what) {
        double scale = Math.max(expected.amaxNumber().doubleValue(), Double.MIN_NORMAL);
        double worst = actual.sub(expected).amaxNumber().doubleValue() / scale;
        assertThat(worst).as(what + " relative to its largest entry").isLessThan(RELATIVE_TOL);
    }
}
