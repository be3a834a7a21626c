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
        int binSteps = (int) Math.rint(BIN_SECONDS / params.dt());
        int firstStep = (int) Math.rint(RunStatistics.CV_START_SECONDS / params.dt());
        int[] counts = new int[Math.max(0, (params.steps() - firstStep) / binSteps)];
        for (int s = 0; s < spikes.size(); s++) {
            int bin = Math.floorDiv(spikes.step(s) - firstStep, binSteps);
            if (bin >= 0 && bin < counts.length) {
                counts[bin]++;
            }
        }
        return counts;
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
