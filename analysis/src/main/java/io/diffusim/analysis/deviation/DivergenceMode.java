package io.diffusim.analysis.deviation;

/**
 * How the divergence term of the schedule deviation is estimated (docs/science.md §4.2): by random diagonal probes
 * (D times one random coordinate's derivative, averaged over the probes), exactly (the whole trace), or not at all
 * (the term set to zero, as the latest reference code does).
 */
public enum DivergenceMode { RANDOM_DIAGONAL, EXACT_TRACE, NONE }
