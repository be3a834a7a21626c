package org.spikefx.ui.model;

import org.spikefx.run.Batch;

/**
 * The population firing rate in short bins: spikes in the bin / (n * bin width), in Hz. A bin is a
 * whole number of steps, the one nearest to the chosen width, so every bin has the same width. Each
 * bin goes to the sink once it is complete; nothing grows with the run's length.
 */
public final class PopulationRate {
    public static final double MIN_BIN_SECONDS = 0.001;
    public static final double MAX_BIN_SECONDS = 0.005;
    public static final double DEFAULT_BIN_SECONDS = 0.002;

    /** Receives each completed bin. */
    @FunctionalInterface
    public interface BinSink {
        /** @param center time at the middle of the bin, in seconds */
        void accept(double center, double rateHz);
    }

    private final BinSink sink;
    private int neuronCount = 1;
    private double dt = 1;
    private double binSeconds = DEFAULT_BIN_SECONDS;
    private int stepsPerBin = 1;
    private int binFirstStep;
    private int stepsInBin;
    private long spikesInBin;

    public PopulationRate(BinSink sink) {
        this.sink = sink;
    }

    /** Starts a new run: the first bin begins with the next step received. */
    public void reset(int neuronCount, double dt) {
        if (neuronCount < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("a rate needs at least one neuron and a step > 0, not n = "
                    + neuronCount + ", dt = " + dt);
        }
        this.neuronCount = neuronCount;
        this.dt = dt;
        setBinSeconds(binSeconds);
    }

    /** Chooses the bin width (1 to 5 ms); the bin in progress is dropped and the next one starts afresh. */
    public void setBinSeconds(double seconds) {
        if (!(seconds >= MIN_BIN_SECONDS && seconds <= MAX_BIN_SECONDS)) {
            throw new IllegalArgumentException("the rate bin must be from " + MIN_BIN_SECONDS * 1000 + " to "
                    + MAX_BIN_SECONDS * 1000 + " ms, not " + seconds * 1000 + " ms");
        }
        binSeconds = seconds;
        stepsPerBin = Math.max(1, (int) Math.round(seconds / dt));
        stepsInBin = 0;
        spikesInBin = 0;
    }

    public double binSeconds() {
        return binSeconds;
    }

    /** The bin as it is counted: a whole number of steps. */
    public int stepsPerBin() {
        return stepsPerBin;
    }

    public void accept(Batch batch) {
        int[] spikesPerStep = batch.spikesPerStep();
        for (int s = 0; s < batch.stepCount(); s++) {
            if (stepsInBin == 0) {
                binFirstStep = batch.firstStep() + s;
            }
            spikesInBin += spikesPerStep[s];
            if (++stepsInBin == stepsPerBin) {
                double binStart = binFirstStep * dt;
                double binEnd = (binFirstStep + stepsPerBin) * dt;
                sink.accept((binStart + binEnd) / 2, spikesInBin / (neuronCount * (binEnd - binStart)));
                stepsInBin = 0;
                spikesInBin = 0;
            }
        }
    }
}
