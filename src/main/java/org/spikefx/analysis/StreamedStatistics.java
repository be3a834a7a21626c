package org.spikefx.analysis;

import java.util.Arrays;

import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.PopulationSynchrony;
import org.spikefx.engine.RunLoop;
import org.spikefx.engine.RunStatistics;
import org.spikefx.params.NetworkParameters;

/**
 * The {@link RunStatistics} and the {@link PopulationSynchrony} of a run, gathered step by step in
 * memory proportional to the number of neurons and of bins, never to the number of spikes: a long run
 * keeps no spike. {@code simulate} and every cell of a sweep measure their runs with it, so a sweep's
 * cell and {@code simulate --summary} cannot disagree. The definitions are those of
 * {@link RunStatistics#of} and {@link PopulationSynchrony#of}; the interval means and variances of the
 * CV are accumulated with Welford's update rather than in two passes over stored intervals, which
 * agrees with them to about 1e-15 relative.
 */
public final class StreamedStatistics implements RunLoop.Recorder {
    private final NetworkParameters params;
    private final int binSteps;
    private final int[] perBin;
    private final int[] populationCounts;
    private final int[] counts;
    /** Step of the neuron's latest spike after the CV start, or -1 before the first. */
    private final int[] lastLateStep;
    private final int[] intervalCounts;
    private final double[] intervalMeans;
    /** Sum of squared deviations from the running mean (Welford's M2). */
    private final double[] intervalSquares;
    private long totalSpikes;

    public StreamedStatistics(NetworkParameters params) {
        this.params = params;
        int n = params.n();
        binSteps = (int) Math.rint(RunStatistics.BIN_SECONDS / params.dt());
        perBin = new int[(int) Math.ceil((double) params.steps() / binSteps)];
        populationCounts = new int[PopulationSynchrony.binCount(params)];
        counts = new int[n];
        lastLateStep = new int[n];
        Arrays.fill(lastLateStep, -1);
        intervalCounts = new int[n];
        intervalMeans = new double[n];
        intervalSquares = new double[n];
    }

    @Override
    public void stepDone(NetworkModel model) {
        int step = model.nextStep() - 1;
        int count = model.spikeCount();
        if (count == 0) {
            return;
        }
        int[] spikers = model.spikers();
        double dt = params.dt();
        boolean late = step * dt > RunStatistics.CV_START_SECONDS;
        perBin[step / binSteps] += count;
        totalSpikes += count;
        int synchronyBin = PopulationSynchrony.binOf(step, params);
        if (synchronyBin >= 0 && synchronyBin < populationCounts.length) {
            populationCounts[synchronyBin] += count;
        }
        for (int s = 0; s < count; s++) {
            int neuron = spikers[s];
            counts[neuron]++;
            if (late) {
                if (lastLateStep[neuron] >= 0) {
                    // As the reference computes an interval: the difference of the two spike times.
                    addInterval(neuron, step * dt - lastLateStep[neuron] * dt);
                }
                lastLateStep[neuron] = step;
            }
        }
    }

    private void addInterval(int neuron, double interval) {
        int count = ++intervalCounts[neuron];
        double deviation = interval - intervalMeans[neuron];
        intervalMeans[neuron] += deviation / count;
        intervalSquares[neuron] += deviation * (interval - intervalMeans[neuron]);
    }

    /** The statistics of the steps seen so far, for a run of the whole T. */
    public RunStatistics statistics() {
        int n = params.n();
        double cvSum = 0;
        int withCv = 0;
        long silent = 0;
        for (int k = 0; k < n; k++) {
            if (intervalCounts[k] >= 2) { // three late spikes
                cvSum += Math.sqrt(intervalSquares[k] / intervalCounts[k]) / intervalMeans[k];
                withCv++;
            }
            if (counts[k] == 0) {
                silent++;
            }
        }
        return new RunStatistics(totalSpikes, totalSpikes / (n * params.T()), (double) silent / n,
                withCv == 0 ? Double.NaN : cvSum / withCv, withCv, perBin.clone());
    }

    /** The population synchrony of the steps seen so far, for a run of the whole T: {@link PopulationSynchrony#of}. */
    public double synchrony() {
        return PopulationSynchrony.fanoFactor(populationCounts);
    }
}
