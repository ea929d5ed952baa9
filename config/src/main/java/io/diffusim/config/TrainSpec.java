package io.diffusim.config;

import java.util.Objects;

/**
 * Training settings of a learned model (docs/spec-reference.md {@code model.train}, docs/science.md §7.3): AdamW with
 * cosine decay, gradient clipping, the EMA warm-up, the density-head loss term (§7.4) and the
 * objective-specific blocks {@code eqm} (§3.5) and {@code ncsn} (§1.3).
 *
 * @param saveEvery steps between the checkpoints {@code bin/diffusim train} writes while it goes (0: only at the end)
 * @param ema the largest EMA decay
 * @param emaEvery optimiser steps between EMA updates
 * @param emaAfter the EMA copies the weights until this step, then averages
 * @param emaPower the warm-up exponent: the decay is {@code 1 - (1 + steps past emaAfter)^(-emaPower)}, capped at ema
 * @param densityWeight base weight of the log-density term, lambda_t = densityWeight (1 - t/T)
 * @param densitySign sign of that term in the loss (eq. 4 of the DG paper: minus)
 */
public record TrainSpec(int steps, int batchSize, int saveEvery, double lr, double weightDecay, double gradClip, double ema,
        int emaEvery, int emaAfter, double emaPower, double densityWeight, Sign densitySign, EqmMagnitude eqm,
        NcsnLadder ncsn) {

    /** Sign of a loss term. */
    public enum Sign { MINUS, PLUS }

    public TrainSpec {
        Objects.requireNonNull(densitySign, "densitySign");
        Objects.requireNonNull(eqm, "eqm");
        Objects.requireNonNull(ncsn, "ncsn");
    }

    /** The NCSN geometric sigma ladder sigma_1 = sigmaMax > ... > sigma_L = sigmaMin (docs/science.md §1.3). */
    public record NcsnLadder(double sigmaMax, double sigmaMin, int levels) {
    }
}
