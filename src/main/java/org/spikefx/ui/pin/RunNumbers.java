package org.spikefx.ui.pin;

import org.spikefx.ui.model.SpikeStatistics;

/**
 * The summary numbers a pinned run keeps and the comparison shows beside the current run's, defined
 * as {@code simulate --summary} defines them (the statistics view's model computes them that way).
 *
 * @param simulatedSeconds how far the run had got when it was pinned
 * @param totalSpikes      spikes of all neurons so far
 * @param meanRateHz       spikes / (n * simulated time)
 * @param meanCv           mean CV of the inter-spike intervals; NaN while no neuron has one
 * @param fractionSilent   fraction of the neurons that have not spiked
 */
public record RunNumbers(double simulatedSeconds, long totalSpikes, double meanRateHz, double meanCv,
                         double fractionSilent) {

    /** The numbers of the run the statistics have seen so far. */
    public static RunNumbers of(SpikeStatistics statistics) {
        return new RunNumbers(statistics.elapsedSeconds(), statistics.totalSpikes(), statistics.meanRateHz(),
                statistics.meanCv(), (double) statistics.silentNeurons() / statistics.neuronCount());
    }
}
