package org.spikefx.ui.model;

import java.util.Arrays;

import org.spikefx.engine.RunStatistics;
import org.spikefx.run.Batch;

/**
 * The statistics of a run so far, kept up to date spike by spike in memory proportional to the
 * number of neurons, never to the run's length. Definitions are those of {@link RunStatistics}: the
 * coefficient of variation of a neuron's inter-spike intervals counts only spikes after
 * {@link RunStatistics#CV_START_SECONDS} and needs at least three of them. Interval means and variances
 * are accumulated with Welford's update, so no interval is ever stored.
 */
public final class SpikeStatistics {
    private int neuronCount;
    private double dt = 1;
    private long totalSpikes;
    private long elapsedSteps;
    private int[] spikeCounts = new int[0];
    /** Step of the neuron's latest spike that counts for its CV, or -1 before the first. */
    private int[] lastLateStep = new int[0];
    private int[] intervalCounts = new int[0];
    private double[] intervalMeans = new double[0];
    /** Sum of squared deviations from the running mean (Welford's M2). */
    private double[] intervalSquares = new double[0];
    /** Counts the intervals added, so that the CVs are worked out once per change, however many ask. */
    private long intervalRevision;
    private long cvsRevision = -1;
    private double[] cvs = new double[0];

    public void reset(int neuronCount, double dt) {
        if (neuronCount < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("statistics need at least one neuron and a step > 0, not n = "
                    + neuronCount + ", dt = " + dt);
        }
        this.neuronCount = neuronCount;
        this.dt = dt;
        totalSpikes = 0;
        elapsedSteps = 0;
        spikeCounts = new int[neuronCount];
        lastLateStep = new int[neuronCount];
        Arrays.fill(lastLateStep, -1);
        intervalCounts = new int[neuronCount];
        intervalMeans = new double[neuronCount];
        intervalSquares = new double[neuronCount];
        intervalRevision++;
    }

    public void accept(Batch batch) {
        int[] steps = batch.spikeSteps();
        int[] neurons = batch.spikeNeurons();
        for (int i = 0; i < steps.length; i++) {
            int neuron = neurons[i];
            spikeCounts[neuron]++;
            if (steps[i] * dt > RunStatistics.CV_START_SECONDS) {
                if (lastLateStep[neuron] >= 0) {
                    addInterval(neuron, steps[i] * dt - lastLateStep[neuron] * dt);
                }
                lastLateStep[neuron] = steps[i];
            }
        }
        totalSpikes += steps.length;
        elapsedSteps = Math.max(elapsedSteps, (long) batch.firstStep() + batch.stepCount());
    }

    private void addInterval(int neuron, double interval) {
        intervalRevision++;
        int count = ++intervalCounts[neuron];
        double deviation = interval - intervalMeans[neuron];
        intervalMeans[neuron] += deviation / count;
        intervalSquares[neuron] += deviation * (interval - intervalMeans[neuron]);
    }

    public int neuronCount() {
        return neuronCount;
    }

    public long totalSpikes() {
        return totalSpikes;
    }

    /** Steps simulated so far: the end of the latest batch. */
    public long elapsedSteps() {
        return elapsedSteps;
    }

    public double elapsedSeconds() {
        return elapsedSteps * dt;
    }

    /** Spikes per neuron per second so far; 0 before any step. */
    public double meanRateHz() {
        return elapsedSteps == 0 ? 0 : totalSpikes / (neuronCount * elapsedSeconds());
    }

    /** How many neurons have not spiked so far. */
    public int silentNeurons() {
        int silent = 0;
        for (int count : spikeCounts) {
            if (count == 0) {
                silent++;
            }
        }
        return silent;
    }

    /** Firing rate of each neuron so far, in Hz. */
    public double[] ratesHz() {
        double[] rates = new double[neuronCount];
        for (int k = 0; k < neuronCount; k++) {
            rates[k] = elapsedSteps == 0 ? 0 : spikeCounts[k] / elapsedSeconds();
        }
        return rates;
    }

    /** The CV of each neuron that has one yet (at least two intervals), in neuron order. */
    public double[] coefficientsOfVariation() {
        return currentCvs().clone();
    }

    /** Mean CV over the neurons that have one; NaN while none has. */
    public double meanCv() {
        return Arrays.stream(currentCvs()).average().orElse(Double.NaN);
    }

    /**
     * The CVs as they stand: worked out again only when an interval came since (the statistics' numbers,
     * its histogram and a comparison with pinned runs all ask in the same frame).
     */
    private double[] currentCvs() {
        if (cvsRevision != intervalRevision) {
            int withCv = 0;
            for (int k = 0; k < neuronCount; k++) {
                if (intervalCounts[k] >= 2) {
                    withCv++;
                }
            }
            if (cvs.length != withCv) {
                cvs = new double[withCv];
            }
            int next = 0;
            for (int k = 0; k < neuronCount; k++) {
                if (intervalCounts[k] >= 2) {
                    cvs[next++] = Math.sqrt(intervalSquares[k] / intervalCounts[k]) / intervalMeans[k];
                }
            }
            cvsRevision = intervalRevision;
        }
        return cvs;
    }
}
