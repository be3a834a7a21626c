package org.spikefx.engine;

import java.util.Arrays;

import org.spikefx.params.NetworkParameters;

/**
 * Summary statistics of a run, defined as the reference defines them.
 *
 * @param totalSpikes     number of spikes
 * @param meanRateHz      spikes / (n * T)
 * @param fractionSilent  fraction of neurons that never spiked
 * @param meanCv          mean over neurons of the coefficient of variation of inter-spike intervals
 *                        (see {@link #CV_DEFINITION}); NaN when no neuron qualifies
 * @param neuronsWithCv   how many neurons entered the mean CV
 * @param spikesPerBin    spikes per 100 ms bin
 */
public record RunStatistics(long totalSpikes, double meanRateHz, double fractionSilent, double meanCv,
                            int neuronsWithCv, int[] spikesPerBin) {

    public static final String CV_DEFINITION = "ISIs of spikes with i*dt > 0.2 s; CV = std(ddof=0)/mean per neuron"
            + " with >= 3 such spikes; mean over those neurons";
    /** Spikes at or before this time are left out of the CV: the network settles from its initial state. */
    public static final double CV_START_SECONDS = 0.2;
    public static final double BIN_SECONDS = 0.1;

    public static RunStatistics of(SpikeRecord spikes, NetworkParameters params) {
        int n = params.n();
        double dt = params.dt();
        int binSteps = (int) Math.rint(BIN_SECONDS / dt);
        int[] perBin = new int[(int) Math.ceil((double) params.steps() / binSteps)];
        int[] counts = new int[n];
        // Late spikes grouped by neuron (a counting sort): trainStart[k] .. trainStart[k+1] are neuron k's.
        int[] trainStart = new int[n + 1];
        for (int s = 0; s < spikes.size(); s++) {
            perBin[spikes.step(s) / binSteps]++;
            counts[spikes.neuron(s)]++;
            if (spikes.step(s) * dt > CV_START_SECONDS) {
                trainStart[spikes.neuron(s) + 1]++;
            }
        }
        for (int k = 0; k < n; k++) {
            trainStart[k + 1] += trainStart[k];
        }
        int[] fill = Arrays.copyOf(trainStart, n);
        int[] trainSteps = new int[trainStart[n]];
        for (int s = 0; s < spikes.size(); s++) {
            if (spikes.step(s) * dt > CV_START_SECONDS) {
                trainSteps[fill[spikes.neuron(s)]++] = spikes.step(s);
            }
        }
        double cvSum = 0;
        int withCv = 0;
        for (int k = 0; k < n; k++) {
            if (trainStart[k + 1] - trainStart[k] >= 3) {
                cvSum += coefficientOfVariation(trainSteps, trainStart[k], trainStart[k + 1], dt);
                withCv++;
            }
        }
        long silent = Arrays.stream(counts).filter(count -> count == 0).count();
        return new RunStatistics(spikes.size(), spikes.size() / (n * params.T()), (double) silent / n,
                withCv == 0 ? Double.NaN : cvSum / withCv, withCv, perBin);
    }

    /** std(ddof=0) / mean of the intervals between spike times step * dt. */
    private static double coefficientOfVariation(int[] steps, int from, int to, double dt) {
        int count = to - from - 1;
        double sum = 0;
        for (int s = from; s < to - 1; s++) {
            sum += steps[s + 1] * dt - steps[s] * dt;
        }
        double mean = sum / count;
        double squares = 0;
        for (int s = from; s < to - 1; s++) {
            double deviation = (steps[s + 1] * dt - steps[s] * dt) - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / count) / mean;
    }
}
