package org.spikefx.engine;

import org.spikefx.params.NetworkParameters;

/**
 * How much the neurons fire together, measured as the Fano factor (variance over mean) of the
 * population spike count in short bins. Independent Poisson neurons give 1; neurons that fire in
 * volleys give far more (up to about the number of neurons in a volley); staggered clock-like
 * neurons give less than 1.
 */
public final class PopulationSynchrony {
    /** Short enough to resolve volleys at tens of Hz, long enough to hold several spikes of a large network. */
    public static final double BIN_SECONDS = 0.005;

    private PopulationSynchrony() {
    }

    /** The Fano factor of the run's population count in 5 ms bins after the first 0.2 s; NaN if no spike then. */
    public static double of(SpikeRecord spikes, NetworkParameters params) {
        return fanoFactor(populationCounts(spikes, params));
    }

    /**
     * Spikes of all neurons per {@link #BIN_SECONDS} bin, leaving out the first
     * {@link RunStatistics#CV_START_SECONDS} (where the network settles from its initial state)
     * and a last bin the run does not fill.
     */
    public static int[] populationCounts(SpikeRecord spikes, NetworkParameters params) {
        int[] counts = new int[binCount(params)];
        for (int s = 0; s < spikes.size(); s++) {
            int bin = binOf(spikes.step(s), params);
            if (bin >= 0 && bin < counts.length) {
                counts[bin]++;
            }
        }
        return counts;
    }

    /** How many whole bins the run has after the settling time: the length of {@link #populationCounts}. */
    public static int binCount(NetworkParameters params) {
        return Math.max(0, (params.steps() - firstStep(params)) / binSteps(params));
    }

    /**
     * The bin of {@link #populationCounts} a spike at this step counts in; outside 0 ... binCount - 1
     * for a spike in the settling time or in the unfilled last bin, which do not count. One definition
     * for counts made from stored spikes and for counts gathered as a run goes.
     */
    public static int binOf(int step, NetworkParameters params) {
        return Math.floorDiv(step - firstStep(params), binSteps(params));
    }

    private static int binSteps(NetworkParameters params) {
        return Math.max(1, (int) Math.rint(BIN_SECONDS / params.dt())); // a step longer than a bin fills one
    }

    private static int firstStep(NetworkParameters params) {
        return (int) Math.rint(RunStatistics.CV_START_SECONDS / params.dt());
    }

    /** Variance (over the counts, ddof = 0) divided by the mean; NaN when there are no counts or all are 0. */
    public static double fanoFactor(int[] counts) {
        double mean = 0;
        for (int count : counts) {
            mean += count;
        }
        mean /= counts.length;
        double squares = 0;
        for (int count : counts) {
            squares += (count - mean) * (count - mean);
        }
        return mean > 0 ? squares / counts.length / mean : Double.NaN;
    }
}
