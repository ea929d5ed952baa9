package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The data model behind p(x_t | t) = E_{x_0}[N(x_t; a x_0, b^2 I)] and the posterior mean E[x_0 | x_t, t]
 * (docs/science.md §3.1, §3.2, §3.4), evaluated on "pairs": each row of a batch at one or several (a, b).
 *
 * <p>{@link #prepare} does the t-free work once per batch (Gram matrices, projections); the returned
 * {@link Rows} then evaluates any number of blocks of pairs and keeps a running sum of weighted posterior means,
 * so a quadrature over t can defer the mean's costly reduction to one step at the end. Gaussian normalisers
 * are kept because they depend on t.
 */
public interface DataLikelihood {

    /** Flattened dimension D. */
    int dimension();

    /** Elements of working memory one pair needs, with or without the posterior mean (sizes blocks of pairs). */
    long pairCost(boolean withMean);

    /** Precomputes the t-free quantities for rows {@code x [r, D]} (not mutated, not retained beyond the Rows). */
    Rows prepare(INDArray x);

    /**
     * A prepared block of r rows with its running sum of weighted posterior means, which serves one integration
     * with targets (it is never reset). Single-threaded.
     */
    interface Rows {

        /** The rows x [r, D]. */
        INDArray x();

        /**
         * Starts pairs (row i, a_p, b_p) where row i is repeated {@code perRow} times consecutively, so pair p
         * belongs to row p / perRow; a and b are [r * perRow, 1] columns, or [1, 1] when {@code perRow = 1} and
         * every row sits at the same node. Only the latest pairs of a Rows are valid.
         *
         * @param withMean also prepare the posterior-mean sums
         */
        Pairs evaluate(int perRow, INDArray a, INDArray b, boolean withMean);

        /** Multiplies the running mean sum of each row by {@code scale [r, 1]} (rebasing it with its weights). */
        void rescaleMean(INDArray scale);

        /** The running sum over added pairs of alpha_p w_p x0-hat_p per row [r, D] (fresh), or zeros if none. */
        INDArray meanSum();
    }

    /**
     * A block of M pairs: {@link #weigh} (after an optional {@link #peak}, and again if its weights overflowed),
     * then the weighted sums, and last {@link #addWeightedMean} (which may consume the block's work arrays).
     */
    interface Pairs {

        /** A reference level l_p per pair [M, 1] (fresh) with l_p <= ln p(x_t | a, b) <= l_p + ln(terms of the model). */
        INDArray peak();

        /**
         * w_p = p(x_t | a_p, b_p) e^{-shift_p} per pair [M, 1] (fresh). Terms overflow to +inf when the shift lies
         * some 700 below the peak; the caller then weighs again with a higher shift.
         */
        INDArray weigh(INDArray shift);

        /** After {@link #weigh}: w_p ||x0-hat_p||^2 per pair [M, 1]. */
        INDArray weightedMeanSquaredNorm();

        /** After {@link #weigh}: w_p <x0-hat_p, x_t> per pair [M, 1]. */
        INDArray weightedMeanDotInput();

        /**
         * After {@link #weigh}: adds alpha_p w_p x0-hat_p, summed over each row's pairs, to the rows' running mean sum;
         * alpha is [M, 1], or [1, 1] for one coefficient shared by every pair.
         */
        void addWeightedMean(INDArray alpha);
    }
}
