package org.spikefx.engine;

/**
 * The mean of a row's nonzero weights, summed as NumPy's {@code np.mean(w, axis=1, where=w != 0)}
 * sums: each maximal run of consecutive nonzero columns is summed pairwise (NumPy's
 * {@code pairwise_sum}), and the run sums are added left to right. A plain sum would differ by an
 * ulp in most rows; that changes no spike, but this way the weights equal the reference's.
 */
public final class RowMean {
    /** NumPy's unrolling block: runs up to this long are summed with eight accumulators. */
    private static final int PAIRWISE_BLOCK = 128;

    private RowMean() {
    }

    /**
     * @param values  the nonzero values of the row, by increasing column
     * @param columns their columns
     * @param count   how many there are
     * @return the mean, or NaN for an empty row (as NumPy; the row then has nothing to subtract it from)
     */
    static double ofNonzeros(double[] values, int[] columns, int count) {
        double sum = 0.0;
        int runStart = 0;
        for (int k = 1; k <= count; k++) {
            if (k == count || columns[k] != columns[k - 1] + 1) {
                sum += pairwiseSum(values, runStart, k - runStart);
                runStart = k;
            }
        }
        return sum / count;
    }

    /** Python's built-in {@code sum}: plain, left to right, from 0. */
    static double plainSum(double[] values, int count) {
        double sum = 0.0;
        for (int k = 0; k < count; k++) {
            sum += values[k];
        }
        return sum;
    }

    /** NumPy's pairwise sum of {@code a[from .. from+length-1]}, as its add.reduce of a contiguous array sums. */
    public static double pairwiseSum(double[] a, int from, int length) {
        if (length < 8) {
            double sum = 0.0;
            for (int i = 0; i < length; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        if (length <= PAIRWISE_BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            for (; i < length - length % 8; i += 8) {
                r0 += a[from + i];
                r1 += a[from + i + 1];
                r2 += a[from + i + 2];
                r3 += a[from + i + 3];
                r4 += a[from + i + 4];
                r5 += a[from + i + 5];
                r6 += a[from + i + 6];
                r7 += a[from + i + 7];
            }
            double sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < length; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        int half = length / 2;
        half -= half % 8;
        return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, length - half);
    }
}
