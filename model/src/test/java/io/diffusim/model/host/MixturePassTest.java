package io.diffusim.model.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixturePassTest {

    private static final MixturePass PLANAR = new MixturePass(new MixturePass.Component[] {
        new MixturePass.Component(Math.log(0.3), new double[] {-2, 0}, new double[] {0.0625, 0.0625}, null),
        new MixturePass.Component(Math.log(0.5), new double[] {2, 1}, new double[] {0.25, 0.04}, null),
        new MixturePass.Component(Math.log(0.2), new double[] {0, -2}, new double[] {0.1, 0.5},
                new double[] {Math.sqrt(0.5), -Math.sqrt(0.5), Math.sqrt(0.5), Math.sqrt(0.5)})}, 2);

    @Test
    void shouldGiveEveryLaneOfThePlanarVectorPathTheScalarRowsBits() {
        SplittableRandom random = new SplittableRandom(3);
        int rows = 3 * HostExp.SPECIES.length() + 5;
        double[] x = new double[2 * rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * (random.nextDouble() - 0.5);
        }
        MixturePass.AtTime time = PLANAR.at(0.6, 0.8);
        double[] s = PLANAR.scratch();
        double[] x0Vector = new double[2 * rows];
        double[] momentVector = new double[rows];
        double[] x0Scalar = new double[2 * rows];
        double[] momentScalar = new double[rows];

        // from row 1, so that lanes and rows are out of step and the last vector is padded
        PLANAR.rows(x, 1, rows, time, x0Vector, momentVector, s);
        for (int r = 1; r < rows; r++) {
            PLANAR.row(x, r, time, x0Scalar, momentScalar, s);
        }

        assertThat(x0Vector).isEqualTo(x0Scalar);
        assertThat(momentVector).isEqualTo(momentScalar);
    }
}
