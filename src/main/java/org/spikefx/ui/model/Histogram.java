package org.spikefx.ui.model;

/**
 * Counts of values in equal bins from 0 to {@code upper}; a value at or above {@code upper} counts in
 * the last bin, a value below 0 in the first.
 */
public record Histogram(double upper, int[] counts) {

    public static Histogram of(double[] values, double upper, int bins) {
        if (!(upper > 0) || bins < 1) {
            throw new IllegalArgumentException("a histogram needs an upper edge > 0 and at least one bin, not "
                    + upper + " and " + bins);
        }
        int[] counts = new int[bins];
        for (double value : values) {
            int bin = (int) Math.floor(value / upper * bins);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new Histogram(upper, counts);
    }

    public double binWidth() {
        return upper / counts.length;
    }
}
