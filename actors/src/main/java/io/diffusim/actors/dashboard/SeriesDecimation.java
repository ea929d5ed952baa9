package io.diffusim.actors.dashboard;

/**
 * How a long series is thinned for a chart: every {@code stride}-th point by ordinal, the stride the smallest power of
 * two that leaves at most {@code maxPoints}. The choice depends only on the series' length, so the server can tell a
 * page which new point to append and, when the stride doubles, resend the thinned series once; a page never holds
 * more than {@code maxPoints} points of a series however long the run.
 */
final class SeriesDecimation {

    private SeriesDecimation() {
    }

    /** The stride for a series of {@code total} points. */
    static int stride(int total, int maxPoints) {
        int stride = 1;
        while (shownCount(total, stride) > maxPoints) {
            stride <<= 1;
        }
        return stride;
    }

    /** Whether the point at {@code ordinal} (0-based) is shown under {@code stride}. */
    static boolean shown(int ordinal, int stride) {
        return ordinal % stride == 0;
    }

    /** How many of {@code total} points are shown under {@code stride}. */
    static int shownCount(int total, int stride) {
        return (total + stride - 1) / stride;
    }
}
