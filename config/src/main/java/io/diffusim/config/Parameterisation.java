package io.diffusim.config;

/** What an imported network outputs (docs/science.md §1.4). */
public enum Parameterisation { EPS, X0, V, SCORE, VELOCITY }
