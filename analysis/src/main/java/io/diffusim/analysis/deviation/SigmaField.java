package io.diffusim.analysis.deviation;

/**
 * A noise field in VE sigma-space, {@code eps(x, sigma)} with {@code x = x_0 + sigma eps} (docs/science.md §4.1): the
 * model whose schedule deviation is measured. Points travel row-major, {@code rows * D} values.
 */
public interface SigmaField {

    /** D. */
    int dimension();

    /** The field at each row. */
    double[] eps(double[] x, int rows, double sigma);

    /**
     * {@code d eps_k / d x_k} at each row for that row's coordinate {@code k[row]}. The default is the central
     * difference of docs/science.md §4.2 with {@code h = 1e-3 sigma} (two more evaluations); fields with a closed
     * form override it.
     */
    default double[] diagonal(double[] x, int rows, double sigma, int[] k) {
        int d = dimension();
        double h = 1e-3 * sigma;
        double[] plus = x.clone();
        double[] minus = x.clone();
        for (int i = 0; i < rows; i++) {
            plus[i * d + k[i]] += h;
            minus[i * d + k[i]] -= h;
        }
        double[] up = eps(plus, rows, sigma);
        double[] down = eps(minus, rows, sigma);
        double[] diagonal = new double[rows];
        for (int i = 0; i < rows; i++) {
            diagonal[i] = (up[i * d + k[i]] - down[i * d + k[i]]) / (2 * h);
        }
        return diagonal;
    }
}
