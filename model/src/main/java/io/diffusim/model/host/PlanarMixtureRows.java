package io.diffusim.model.host;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MixturePass}'s rows for D = 2, the planar toy data sets: the 2 x 2 products written out, one row at a time
 * or a vector of rows at a time. Both do the general row's operations in its order, so all three give the same bits.
 */
final class PlanarMixtureRows {

    private static final VectorSpecies<Double> SPECIES = HostExp.SPECIES;
    static final int LANES = SPECIES.length();

    private PlanarMixtureRows() {
    }

    /**
     * {@link MixturePass#row} for D = 2 with the 2 x 2 products written out (the general loops cost three times as much
     * at this size), the same operations in the same order as the general path.
     */
    static void row(MixturePass.Component[] components, double[] x, int row, MixturePass.AtTime time, double[] x0,
                    double[] secondMoment, double[] s) {
        int count = components.length;
        int logits = 2 + count * 2;
        int seconds = logits + count;
        double x1 = x[2 * row];
        double x2 = x[2 * row + 1];
        double[] shifted = time.shiftedMean;
        double[] inverse = time.inverse;
        double[] gain = time.gain;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double[] mu = components[k].mean();
            double r1 = x1 - shifted[2 * k];
            double r2 = x2 - shifted[2 * k + 1];
            int m = 4 * k;
            double inverseR1 = 0;
            inverseR1 += inverse[m] * r1;
            inverseR1 += inverse[m + 1] * r2;
            double inverseR2 = 0;
            inverseR2 += inverse[m + 2] * r1;
            inverseR2 += inverse[m + 3] * r2;
            double gainR1 = 0;
            gainR1 += gain[m] * r1;
            gainR1 += gain[m + 1] * r2;
            double gainR2 = 0;
            gainR2 += gain[m + 2] * r1;
            gainR2 += gain[m + 3] * r2;
            double quadratic = 0;
            quadratic += r1 * inverseR1;
            quadratic += r2 * inverseR2;
            double m1 = mu[0] + gainR1;
            double m2 = mu[1] + gainR2;
            s[2 + 2 * k] = m1;
            s[3 + 2 * k] = m2;
            double norm = 0;
            norm += m1 * m1;
            norm += m2 * m2;
            s[seconds + k] = norm + time.traceP[k];
            double logit = time.logNorm[k] - 0.5 * quadratic;
            s[logits + k] = logit;
            max = Math.max(max, logit);
        }
        double total = 0;
        double moment = 0;
        double sum1 = 0;
        double sum2 = 0;
        for (int k = 0; k < count; k++) {
            double w = HostExp.exp(s[logits + k] - max);
            total += w;
            moment += w * s[seconds + k];
            sum1 += w * s[2 + 2 * k];
            sum2 += w * s[3 + 2 * k];
        }
        x0[2 * row] = sum1 / total;
        x0[2 * row + 1] = sum2 / total;
        secondMoment[row] = moment / total;
    }

    /** {@link #row} for {@code count <= LANES} consecutive rows from {@code first}, one per lane. */
    static void lanes(MixturePass.Component[] components, double[] x, int first, int count, MixturePass.AtTime time,
                      double[] x0, double[] secondMoment, double[] s) {
        int componentCount = components.length;
        int firstX = 0;
        int secondX = LANES;
        int logits = 2 * LANES;
        int means = logits + componentCount * LANES;
        int seconds = means + 2 * componentCount * LANES;
        int out = seconds + componentCount * LANES;
        // the rows' coordinates by lane; padding lanes hold 0 and are never written back
        for (int i = 0; i < LANES; i++) {
            boolean real = i < count;
            s[firstX + i] = real ? x[2 * (first + i)] : 0;
            s[secondX + i] = real ? x[2 * (first + i) + 1] : 0;
        }
        DoubleVector x1 = DoubleVector.fromArray(SPECIES, s, firstX);
        DoubleVector x2 = DoubleVector.fromArray(SPECIES, s, secondX);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector max = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < componentCount; k++) {
            double[] mu = components[k].mean();
            int m = 4 * k;
            DoubleVector r1 = x1.sub(time.shiftedMean[2 * k]);
            DoubleVector r2 = x2.sub(time.shiftedMean[2 * k + 1]);
            DoubleVector inverseR1 = zero.add(r1.mul(time.inverse[m])).add(r2.mul(time.inverse[m + 1]));
            DoubleVector inverseR2 = zero.add(r1.mul(time.inverse[m + 2])).add(r2.mul(time.inverse[m + 3]));
            DoubleVector gainR1 = zero.add(r1.mul(time.gain[m])).add(r2.mul(time.gain[m + 1]));
            DoubleVector gainR2 = zero.add(r1.mul(time.gain[m + 2])).add(r2.mul(time.gain[m + 3]));
            DoubleVector quadratic = zero.add(r1.mul(inverseR1)).add(r2.mul(inverseR2));
            DoubleVector m1 = DoubleVector.broadcast(SPECIES, mu[0]).add(gainR1);
            DoubleVector m2 = DoubleVector.broadcast(SPECIES, mu[1]).add(gainR2);
            m1.intoArray(s, means + 2 * k * LANES);
            m2.intoArray(s, means + (2 * k + 1) * LANES);
            zero.add(m1.mul(m1)).add(m2.mul(m2)).add(time.traceP[k]).intoArray(s, seconds + k * LANES);
            DoubleVector logit = DoubleVector.broadcast(SPECIES, time.logNorm[k]).sub(quadratic.mul(0.5));
            logit.intoArray(s, logits + k * LANES);
            max = max.max(logit);
        }
        sums(max, componentCount, s, logits, means, seconds, out);
        for (int i = 0; i < count; i++) {
            x0[2 * (first + i)] = s[out + i];
            x0[2 * (first + i) + 1] = s[out + LANES + i];
            secondMoment[first + i] = s[out + 2 * LANES + i];
        }
    }

    /**
     * The responsibilities' sums of {@link #lanes}: x0 and E||x0||^2 per lane into s[out ..]; a method of its own so
     * that each stays small enough for C2 to inline the vector calls.
     */
    private static void sums(DoubleVector max, int components, double[] s, int logits, int means, int seconds,
                                   int out) {
        DoubleVector total = DoubleVector.zero(SPECIES);
        DoubleVector moment = DoubleVector.zero(SPECIES);
        DoubleVector sum1 = DoubleVector.zero(SPECIES);
        DoubleVector sum2 = DoubleVector.zero(SPECIES);
        for (int k = 0; k < components; k++) {
            DoubleVector w = HostExp.exp(DoubleVector.fromArray(SPECIES, s, logits + k * LANES).sub(max));
            total = total.add(w);
            moment = moment.add(w.mul(DoubleVector.fromArray(SPECIES, s, seconds + k * LANES)));
            sum1 = sum1.add(w.mul(DoubleVector.fromArray(SPECIES, s, means + 2 * k * LANES)));
            sum2 = sum2.add(w.mul(DoubleVector.fromArray(SPECIES, s, means + (2 * k + 1) * LANES)));
        }
        sum1.div(total).intoArray(s, out);
        sum2.div(total).intoArray(s, out + LANES);
        moment.div(total).intoArray(s, out + 2 * LANES);
    }
}
