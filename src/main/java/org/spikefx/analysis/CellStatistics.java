package org.spikefx.analysis;

import org.spikefx.engine.RunStatistics;

/**
 * What a sweep keeps of one run: the statistics {@code simulate --summary} reports under the same
 * names, measured the same way ({@link StreamedStatistics}).
 *
 * @param totalSpikes    spikes of the whole run
 * @param meanRateHz     spikes / (n * T)
 * @param meanCv         mean CV of the inter-spike intervals ({@link RunStatistics#CV_DEFINITION}); NaN if no neuron qualifies
 * @param fractionSilent fraction of neurons that never spiked
 * @param synchrony      Fano factor of the population count ({@link org.spikefx.engine.PopulationSynchrony}); NaN without spikes
 */
public record CellStatistics(long totalSpikes, double meanRateHz, double meanCv, double fractionSilent,
                             double synchrony) {

    /** The statistics of a finished run. */
    public static CellStatistics of(StreamedStatistics run) {
        RunStatistics statistics = run.statistics();
        return new CellStatistics(statistics.totalSpikes(), statistics.meanRateHz(), statistics.meanCv(),
                statistics.fractionSilent(), run.synchrony());
    }
}
