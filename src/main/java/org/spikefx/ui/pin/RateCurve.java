package org.spikefx.ui.pin;

import java.util.Arrays;

import org.spikefx.ui.model.RateHistory;
import org.spikefx.ui.model.StepSeries;
import org.spikefx.ui.model.StepTrace;
import org.spikefx.ui.view.PopulationRateView;

/**
 * A pinned run's population rate, bin by bin, as the rate plot showed it: the bin centres in seconds
 * and the rates in Hz. It covers what the run still kept at full resolution when it was pinned (the
 * last {@link StepTrace#HISTORY_STEPS} steps), which for a run of fixed length is all of it.
 *
 * @param binSeconds the width of a bin
 * @param times      centre of each bin, in seconds, increasing
 * @param ratesHz    rate in each bin
 */
public record RateCurve(double binSeconds, double[] times, double[] ratesHz) implements PopulationRateView.Overlay {

    public RateCurve {
        if (times.length != ratesHz.length) {
            throw new IllegalArgumentException("a rate curve needs one rate per time, not " + ratesHz.length
                    + " rates for " + times.length + " times");
        }
        times = times.clone();
        ratesHz = ratesHz.clone();
    }

    /** The complete bins the history keeps, at its bin width. */
    public static RateCurve of(RateHistory history) {
        StepTrace counts = history.counts();
        int stepsPerBin = history.stepsPerBin();
        int endBin = counts.endStep() / stepsPerBin;
        int firstBin = Math.max(0, (counts.endStep() - StepTrace.HISTORY_STEPS) / stepsPerBin);
        double[] times = new double[Math.max(0, endBin - firstBin)];
        double[] rates = new double[times.length];
        int[] size = {0};
        history.forEach(firstBin, endBin, (bin, rate) -> {
            times[size[0]] = history.time(bin);
            rates[size[0]] = rate;
            size[0]++;
        });
        return new RateCurve(history.binSeconds(), Arrays.copyOf(times, size[0]), Arrays.copyOf(rates, size[0]));
    }

    @Override
    public int size() {
        return times.length;
    }

    @Override
    public double time(int index) {
        return times[index];
    }

    @Override
    public void forEach(int from, int to, StepSeries.StepValueConsumer consumer) {
        for (int i = Math.max(0, from); i < Math.min(to, times.length); i++) {
            consumer.accept(i, ratesHz[i]);
        }
    }

    /** Never changes: a pinned rate is kept as it was. */
    @Override
    public long revision() {
        return 0;
    }

    /** The first bin whose centre is at or after {@code seconds}; {@link #size()} if none is. */
    @Override
    public int firstAtOrAfter(double seconds) {
        int found = Arrays.binarySearch(times, seconds); // the centres increase strictly: one match at most
        return found >= 0 ? found : -found - 1;
    }

    /** Highest rate from {@code fromSeconds} on; 0 if no bin is there. */
    public double maxFrom(double fromSeconds) {
        double max = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] >= fromSeconds) {
                max = Math.max(max, ratesHz[i]);
            }
        }
        return max;
    }
}
