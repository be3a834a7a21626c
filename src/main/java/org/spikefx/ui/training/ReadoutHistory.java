package org.spikefx.ui.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.spikefx.run.Batch;

/**
 * The readout z and its target over a run, one sample every {@link #SAMPLE_SECONDS} of simulated time
 * (z is a filtered signal: at half a millisecond apart its samples draw it smoothly), and the phases of
 * training as stretches of time. Memory stays bounded: when {@link #CAPACITY} samples are kept, the
 * older half is dropped. FX thread only.
 */
public final class ReadoutHistory {
    /** Simulated time between two kept samples. */
    static final double SAMPLE_SECONDS = 0.0005;
    /** Samples kept: 2^20, about 9 minutes of a run at one sample per 0.5 ms; 24 MB. */
    static final int CAPACITY = 1 << 20;

    /** A stretch of time [from, to) in one phase. */
    public record Stretch(double from, double to, TrainingModel.Phase phase) {
    }

    private double[] times = new double[4096];
    private double[] values = new double[4096];
    private double[] targets = new double[4096];
    private int size;
    private int stride = 1;
    private double dt = 1;
    private final List<Stretch> stretches = new ArrayList<>();

    /** Forgets everything, for a run stepped by dt seconds. */
    public void clear(double stepSeconds) {
        dt = stepSeconds;
        stride = Math.max(1, (int) Math.round(SAMPLE_SECONDS / stepSeconds));
        size = 0;
        stretches.clear();
    }

    /** Keeps the batch's samples (its steps that are multiples of the stride) and marks its time as in phase. */
    public void add(Batch batch, TrainingModel.Phase phase) {
        if (addSamples(batch)) {
            mark(batch.firstStep() * dt, batch.endTime(), phase);
        }
    }

    /** Keeps the batch's samples, leaving its phases to {@link #mark}; false if it has none. */
    boolean addSamples(Batch batch) {
        Batch.Readout readout = batch.readout();
        if (!readout.present() || batch.stepCount() == 0) {
            return false;
        }
        int first = batch.firstStep();
        int s = Math.floorMod(-first, stride);
        for (; s < batch.stepCount(); s += stride) {
            append((first + s) * dt, readout.values()[s], readout.targets()[s]);
        }
        return true;
    }

    private void append(double time, double value, double target) {
        if (size == CAPACITY) {
            int half = CAPACITY / 2;
            System.arraycopy(times, half, times, 0, half);
            System.arraycopy(values, half, values, 0, half);
            System.arraycopy(targets, half, targets, 0, half);
            size = half;
            double oldest = times[0];
            stretches.removeIf(stretch -> stretch.to() <= oldest);
        }
        if (size == times.length) {
            int larger = Math.min(CAPACITY, 2 * times.length);
            times = Arrays.copyOf(times, larger);
            values = Arrays.copyOf(values, larger);
            targets = Arrays.copyOf(targets, larger);
        }
        times[size] = time;
        values[size] = value;
        targets[size] = target;
        size++;
    }

    /** Marks the time from {@code from} to {@code to} as in the phase (after the last stretch marked). */
    void mark(double from, double to, TrainingModel.Phase phase) {
        if (!stretches.isEmpty()) {
            Stretch last = stretches.get(stretches.size() - 1);
            if (last.phase() == phase && Math.abs(last.to() - from) < dt / 2) {
                stretches.set(stretches.size() - 1, new Stretch(last.from(), to, phase));
                return;
            }
        }
        stretches.add(new Stretch(from, to, phase));
    }

    public int size() {
        return size;
    }

    public double time(int k) {
        return times[k];
    }

    public double value(int k) {
        return values[k];
    }

    public double target(int k) {
        return targets[k];
    }

    /** The first sample at or after time t (size() if none). */
    public int indexAtOrAfter(double t) {
        int found = Arrays.binarySearch(times, 0, size, t);
        return found >= 0 ? found : -found - 1;
    }

    /** The stretches of the run so far, oldest first; consecutive stretches of one phase are one. */
    public List<Stretch> stretches() {
        return List.copyOf(stretches);
    }

    /**
     * The root mean square of z minus the target over the samples in [from, to), or NaN if there are none.
     */
    public double rmsError(double from, double to) {
        double sum = 0;
        int count = 0;
        for (int k = indexAtOrAfter(from); k < size && times[k] < to; k++) {
            double e = values[k] - targets[k];
            sum += e * e;
            count++;
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }
}
