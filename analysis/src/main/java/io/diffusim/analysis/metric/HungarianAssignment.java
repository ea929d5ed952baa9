package io.diffusim.analysis.metric;

/**
 * Minimum-cost perfect matching of a square cost matrix by shortest augmenting paths with row and column
 * potentials (Hungarian algorithm, Jonker–Volgenant form, O(N³)), as docs/science.md §4.4 requires for W1.
 */
public final class HungarianAssignment {

    private HungarianAssignment() {
    }

    /** The column assigned to each row of {@code cost [N][N]} (finite entries) minimising the total cost. */
    public static int[] solve(double[][] cost) {
        int size = checkSquare(cost);
        // 1-based arrays: index 0 is the virtual column from which each augmenting path starts.
        double[] u = new double[size + 1];
        double[] v = new double[size + 1];
        int[] rowOfColumn = new int[size + 1];
        int[] previousColumn = new int[size + 1];
        for (int row = 1; row <= size; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            double[] minSlack = new double[size + 1];
            boolean[] used = new boolean[size + 1];
            java.util.Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
            do {
                used[column] = true;
                int r = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= size; j++) {
                    if (!used[j]) {
                        double slack = cost[r - 1][j - 1] - u[r] - v[j];
                        if (slack < minSlack[j]) {
                            minSlack[j] = slack;
                            previousColumn[j] = column;
                        }
                        if (minSlack[j] < delta) {
                            delta = minSlack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= size; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            // Augment along the alternating path back to the virtual column.
            do {
                int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        int[] assignment = new int[size];
        for (int j = 1; j <= size; j++) {
            assignment[rowOfColumn[j] - 1] = j - 1;
        }
        return assignment;
    }

    /** Total cost of an assignment. */
    public static double totalCost(double[][] cost, int[] assignment) {
        double total = 0.0;
        for (int i = 0; i < assignment.length; i++) {
            total += cost[i][assignment[i]];
        }
        return total;
    }

    private static int checkSquare(double[][] cost) {
        if (cost == null || cost.length == 0) {
            throw new IllegalArgumentException("cost matrix must be non-empty");
        }
        for (int i = 0; i < cost.length; i++) {
            if (cost[i].length != cost.length) {
                throw new IllegalArgumentException("cost matrix row " + i + " has " + cost[i].length
                        + " entries, expected " + cost.length + " (square)");
            }
            for (double c : cost[i]) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("cost matrix row " + i + " has non-finite entry " + c);
                }
            }
        }
        return cost.length;
    }
}
