package io.diffusim.model.posterior;

import java.util.Arrays;

/**
 * Quadrature nodes t_g and log-weights {@code ln p(t_g) + ln Delta t_g} for the noise-level posterior
 * (docs/science.md §3.4): one grid shared by every row, or one grid per row (pass 2 windows). Rows with fewer
 * nodes than {@link #points()} are padded with weight 0 (log-weight -inf). Stored row-major.
 */
public final class QuadratureGrid {

    private final int rows;
    private final int points;
    private final double[] t;
    private final double[] lnWeight;

    private QuadratureGrid(int rows, int points) {
        if (points < 1) {
            throw new IllegalArgumentException("a quadrature grid needs >= 1 point, got " + points);
        }
        this.rows = rows;
        this.points = points;
        this.t = new double[rows * points];
        this.lnWeight = new double[rows * points];
    }

    /** Pass 1: {@code points} nodes over the whole support, uniform in the prior's natural variable (trapezoid). */
    public static QuadratureGrid coarse(NoisePrior prior, int points) {
        QuadratureGrid grid = new QuadratureGrid(1, points);
        if (prior instanceof NoisePrior.LogNormalSigma) {
            // uniform in u = ln sigma, d sigma = sigma du
            grid.fillUniform(0, Math.log(prior.lo()), Math.log(prior.hi()), prior, true);
        } else {
            grid.fill(0, prior.lo(), prior.hi(), prior);
        }
        return grid;
    }

    /** Pass 2: per row, {@code points} nodes on {@code [centre - halfWidth, centre + halfWidth]} within the support. */
    public static QuadratureGrid windows(NoisePrior prior, double[] centre, double[] halfWidth, int points) {
        QuadratureGrid grid = new QuadratureGrid(centre.length, points);
        for (int r = 0; r < centre.length; r++) {
            if (!(halfWidth[r] > 0)) {
                throw new IllegalArgumentException("window half-width must be > 0, got " + halfWidth[r]);
            }
            double from = Math.max(prior.lo(), centre[r] - halfWidth[r]);
            double to = Math.min(prior.hi(), centre[r] + halfWidth[r]);
            grid.fill(r, from, Math.max(to, from), prior);
        }
        return grid;
    }

    /** Midpoint rule with equal weights on {@code [lo, hi]}: t_g = lo + (g - 1/2)(hi - lo)/G (EqM, §3.5). */
    public static QuadratureGrid midpoint(double lo, double hi, int points) {
        QuadratureGrid grid = new QuadratureGrid(1, points);
        double h = (hi - lo) / points;
        for (int g = 0; g < points; g++) {
            grid.t[g] = lo + (g + 0.5) * h;
        }
        Arrays.fill(grid.lnWeight, Math.log(h));
        return grid;
    }

    /** Number of row grids: 1 when shared by every row. */
    public int rows() {
        return rows;
    }

    /** Nodes per row (including padding). */
    public int points() {
        return points;
    }

    /** True when one grid serves every row. */
    public boolean shared() {
        return rows == 1;
    }

    /** Node g of a row (row ignored for a shared grid). */
    public double t(int row, int g) {
        return t[index(row, g)];
    }

    /** ln p(t_g) + ln Delta t_g, or -inf for padding. */
    public double lnWeight(int row, int g) {
        return lnWeight[index(row, g)];
    }

    /** Distance between the two nodes of a shared grid that bracket t (its local resolution). */
    public double spacingAt(double time) {
        int g = Arrays.binarySearch(t, 0, points, time);
        int upper = Math.min(points - 1, Math.max(1, g >= 0 ? g + 1 : -g - 1));
        return points == 1 ? 0 : t[upper] - t[upper - 1];
    }

    private int index(int row, int g) {
        return (rows == 1 ? 0 : row * points) + g;
    }

    private void fill(int row, double from, double to, NoisePrior prior) {
        if (prior instanceof NoisePrior.UniformIntegers) {
            fillIntegers(row, (int) Math.ceil(from - 1e-9), (int) Math.floor(to + 1e-9));
        } else {
            fillUniform(row, from, to, prior, false);
        }
    }

    private void fillUniform(int row, double from, double to, NoisePrior prior, boolean logScale) {
        int base = row * points;
        double h = points == 1 ? 1 : (to - from) / (points - 1);
        for (int g = 0; g < points; g++) {
            double u = points == 1 ? from : from + g * h;
            // from + g h and exp(ln hi) may round past the support, where a process rejects the time
            double node = Math.min(prior.hi(), Math.max(prior.lo(), logScale ? Math.exp(u) : u));
            boolean edge = points > 1 && (g == 0 || g == points - 1);
            t[base + g] = node;
            lnWeight[base + g] = Math.log(edge ? h / 2 : h) + (logScale ? Math.log(node) : 0) + prior.logDensity(node);
        }
    }

    private void fillIntegers(int row, int from, int to) {
        int base = row * points;
        to = Math.max(to, from); // a window between two integers keeps its upper neighbour
        int count = to - from + 1;
        if (count <= points) {
            // every integer is a node (exact sum); pad the rest with weight 0
            for (int g = 0; g < points; g++) {
                t[base + g] = from + Math.min(g, count - 1);
                lnWeight[base + g] = g < count ? 0 : Double.NEGATIVE_INFINITY;
            }
            return;
        }
        double spacing = (double) (to - from) / (points - 1);
        for (int g = 0; g < points; g++) {
            t[base + g] = Math.round(from + g * spacing);
            lnWeight[base + g] = Math.log(g == 0 || g == points - 1 ? spacing / 2 : spacing);
        }
    }
}
