package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The data model behind p(x_t | t) = E_{x_0}[N(x_t; a x_0, b^2 I)] and the posterior mean E[x_0 | x_t, t]
 * (SCIENCE.md §3.1, §3.2, §3.4), evaluated on "pairs": each row of a batch repeated at several (a, b).
 *
 * <p>{@link #prepare} does the t-free work once per batch (Gram matrices, projections); the returned
 * {@link Rows} then evaluates any number of (a, b) pairs cheaply. Gaussian normalisers are kept because they
 * depend on t.
 */
public interface DataLikelihood {

    /** Flattened dimension D. */
    int dimension();

    /** Elements of working memory one pair needs, with or without the posterior mean (sizes blocks of pairs). */
    long pairCost(boolean withMean);

    /** Precomputes the t-free quantities for rows {@code x [r, D]} (not mutated, not retained beyond the Rows). */
    Rows prepare(INDArray x);

    /** A prepared block of rows. */
    interface Rows {

        /** The rows x [r, D]. */
        INDArray x();

        /**
         * Evaluates pairs (row i, a_p, b_p) where row i is repeated {@code perRow} times consecutively, so pair
         * p belongs to row p / perRow; a and b are [r * perRow, 1] columns.
         *
         * @param withMean also return E[x_0 | x_t] per pair
         */
        Pairs evaluate(int perRow, INDArray a, INDArray b, boolean withMean);
    }

    /**
     * Per-pair results: ln p(x_t | a, b), and when the mean was asked for, the sufficient statistics of
     * x0-hat = E[x_0 | x_t] that targets linear in (x0-hat, x_t) need, without materialising [M, D] where avoidable.
     */
    interface Pairs {

        /** ln p(x_t | a, b) per pair [M, 1]. */
        INDArray logLikelihood();

        /** ||x0-hat||^2 per pair [M, 1]. */
        INDArray meanSquaredNorm();

        /** <x0-hat, x_t> per pair [M, 1]. */
        INDArray meanDotInput();

        /** sum over each row's pairs of c_p x0-hat_p, for coefficients c [M, 1]: [r, D]. */
        INDArray weightedMeanSum(INDArray coefficients);
    }
}
