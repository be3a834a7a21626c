package org.spikefx.ui.model;

import org.spikefx.run.Batch;

/**
 * The population firing rate of any stretch of the run, in bins of a whole number of steps counted from
 * step 0: spikes in the bin / (n * bin width), in Hz. It is computed from the full-resolution history
 * of spikes per step ({@link StepTrace}), so a new bin width or a zoom re-bins what is kept; the points
 * drawn are thinned to at most four per pixel column.
 */
public final class RateHistory implements WindowedThinning.Samples {
    private final StepTrace counts = new StepTrace();
    private final WindowedThinning shown = new WindowedThinning();
    private int neuronCount = 1;
    private double dt = 1;
    private double binSeconds = PopulationRate.DEFAULT_BIN_SECONDS;
    private int stepsPerBin = 1;
    private long binRevision;

    /** Starts a new run. */
    public void reset(int neuronCount, double dt) {
        if (neuronCount < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("a rate needs at least one neuron and a step > 0, not n = "
                    + neuronCount + ", dt = " + dt);
        }
        this.neuronCount = neuronCount;
        this.dt = dt;
        counts.clear();
        shown.clear();
        setBinSeconds(binSeconds);
    }

    /** Chooses the bin width (1 to 5 ms); everything kept is binned anew. */
    public void setBinSeconds(double seconds) {
        if (!(seconds >= PopulationRate.MIN_BIN_SECONDS && seconds <= PopulationRate.MAX_BIN_SECONDS)) {
            throw new IllegalArgumentException("the rate bin must be from " + PopulationRate.MIN_BIN_SECONDS * 1000
                    + " to " + PopulationRate.MAX_BIN_SECONDS * 1000 + " ms, not " + seconds * 1000 + " ms");
        }
        binSeconds = seconds;
        stepsPerBin = Math.max(1, (int) Math.round(seconds / dt));
        binRevision++;
    }

    public double binSeconds() {
        return binSeconds;
    }

    /** The bin as it is counted: a whole number of steps. */
    public int stepsPerBin() {
        return stepsPerBin;
    }

    public void accept(Batch batch) {
        dt = batch.dt();
        int[] perStep = batch.spikesPerStep();
        for (int s = 0; s < batch.stepCount(); s++) {
            counts.append(batch.firstStep() + s, perStep[s]);
        }
    }

    /** Spikes per step from a re-run, for the steps from {@code fromStep} on. */
    public void put(int fromStep, double[] spikesPerStep) {
        counts.put(fromStep, spikesPerStep);
    }

    /** The spikes per step kept. */
    public StepTrace counts() {
        return counts;
    }

    /**
     * Thins the rate of the complete bins that overlap [fromStep, toStep), and of one bin either side, on
     * the plot's grid: each bin is drawn at its centre, so that without its neighbours the line would stop
     * up to a bin short of the plot's edges (a fifth of the plot, zoomed into 10 ms).
     */
    public void update(int fromStep, int toStep, double span, int pixelColumns) {
        int toBin = (int) Math.min(((long) toStep + stepsPerBin - 1) / stepsPerBin + 1, counts.endStep() / stepsPerBin);
        int fromBin = Math.max(0, Math.floorDiv(fromStep, stepsPerBin) - 1);
        int columns = toBin > fromBin ? WindowedThinning.columnsHolding(time(fromBin), time(toBin - 1), span, pixelColumns)
                : pixelColumns;
        shown.update(this, fromBin, Math.max(fromBin, toBin), span / pixelColumns * columns, columns);
    }

    /** The rate's points drawn: (bin centre in seconds, rate in Hz). */
    public MinMaxDecimator thinned() {
        return shown.thinned();
    }

    @Override
    public double time(int bin) {
        long first = (long) bin * stepsPerBin;
        return (first * dt + (first + stepsPerBin) * dt) / 2;
    }

    /** The complete bins among [from, to), each only if every one of its steps is known. */
    @Override
    public void forEach(int from, int to, StepSeries.StepValueConsumer consumer) {
        for (int bin = from; bin < to; bin++) {
            int first = bin * stepsPerBin;
            if (counts.covers(first, first + stepsPerBin)) {
                long spikes = 0;
                for (int step = first; step < first + stepsPerBin; step++) {
                    spikes += (long) counts.value(step);
                }
                double width = (first + stepsPerBin) * dt - first * dt;
                consumer.accept(bin, spikes / (neuronCount * width));
            }
        }
    }

    @Override
    public long revision() {
        return (counts.revision() << 16) + binRevision;
    }
}
