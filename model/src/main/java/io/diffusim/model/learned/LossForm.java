package io.diffusim.model.learned;

/**
 * The shape of a training loss per row i, before the batch mean (docs/science.md §1.4, §5.3), with network output s,
 * row weight w and, for the sliced forms, a probe v and the Jacobian J of s with respect to the input:
 * <ul>
 *   <li>{@link #REGRESSION}: {@code w ||s - r||^2} against a target r;</li>
 *   <li>{@link #SLICED}: {@code w (v^T J v + (v^T s)^2 / 2)} with v of unit length (sliced score matching);</li>
 *   <li>{@link #SLICED_VARIANCE_REDUCED}: {@code w (v^T J v + ||s||^2 / 2)} with v ~ N(0, I).</li>
 * </ul>
 */
public enum LossForm {
    REGRESSION, SLICED, SLICED_VARIANCE_REDUCED;

    /** Whether the loss needs a probe v and the product J v. */
    public boolean sliced() {
        return this != REGRESSION;
    }
}
