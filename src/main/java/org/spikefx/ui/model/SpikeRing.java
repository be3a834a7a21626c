package org.spikefx.ui.model;

/**
 * The most recent spikes as (step, neuron) pairs in time order, at most {@code capacity} of them: when
 * full, each new spike pushes out the oldest. Storage grows with use up to the capacity.
 */
public final class SpikeRing {
    private static final int INITIAL_CAPACITY = 1 << 12;

    private final int capacity;
    private int[] steps;
    private int[] neurons;
    private int head;
    private int size;
    private int latestEvictedStep = -1;
    /** Spikes ever added since the last clear: the i-th kept spike is number added - size + i. */
    private long added;

    public SpikeRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a spike ring needs a capacity of at least 1, not " + capacity);
        }
        this.capacity = capacity;
        clear();
    }

    public void clear() {
        int initial = Math.min(capacity, INITIAL_CAPACITY);
        steps = new int[initial];
        neurons = new int[initial];
        head = 0;
        size = 0;
        latestEvictedStep = -1;
        added = 0;
    }

    /** Appends a spike; steps must not decrease. */
    public void add(int step, int neuron) {
        if (size == steps.length && size < capacity) {
            grow();
        }
        if (size == steps.length) {
            latestEvictedStep = steps[head];
            head = (head + 1) % steps.length;
            size--;
        }
        int slot = (head + size) % steps.length;
        steps[slot] = step;
        neurons[slot] = neuron;
        size++;
        added++;
    }

    private void grow() {
        int length = (int) Math.min(capacity, 2L * steps.length);
        int[] newSteps = new int[length];
        int[] newNeurons = new int[length];
        for (int i = 0; i < size; i++) {
            newSteps[i] = step(i);
            newNeurons[i] = neuron(i);
        }
        steps = newSteps;
        neurons = newNeurons;
        head = 0;
    }

    /** Forgets the spikes before {@code step} (they are no longer wanted, as opposed to pushed out). */
    public void dropBefore(int step) {
        int drop = firstIndexAtOrAfter(step);
        head = (head + drop) % steps.length;
        size -= drop;
    }

    /** Number of the oldest kept spike among all added since the last clear (it stays with the spike). */
    public long firstNumber() {
        return added - size;
    }

    public int size() {
        return size;
    }

    /** Number of spikes the ring can hold before it grows again. */
    public int allocated() {
        return steps.length;
    }

    /** Step of the i-th spike, counted from the oldest kept. */
    public int step(int i) {
        return steps[(head + i) % steps.length];
    }

    public int neuron(int i) {
        return neurons[(head + i) % steps.length];
    }

    /**
     * Gives the kept spikes from index {@code from} on, in order, until {@code count} have been given or
     * one at or after {@code endStep} is reached; returns the index after the last one given. Walks the
     * arrays directly: a repaint gives hundreds of thousands of spikes a frame.
     */
    public int forEach(int from, int count, int endStep, SpikeRaster.SpikeConsumer consumer) {
        int end = (int) Math.min(size, (long) from + count);
        int length = steps.length;
        int slot = (int) ((head + (long) from) % length);
        int i = from;
        for (; i < end; i++) {
            int step = steps[slot];
            if (step >= endStep) {
                break;
            }
            consumer.accept(step, neurons[slot]);
            if (++slot == length) {
                slot = 0;
            }
        }
        return i;
    }

    /**
     * Gives every {@code stride}-th kept spike from index {@code from} on, below index {@code end}, at most
     * {@code count} of them; returns how many it gave.
     */
    public int forEachEvery(int from, int stride, int end, int count, SpikeRaster.SpikeConsumer consumer) {
        int length = steps.length;
        long last = Math.min(end, size);
        int most = from < last ? (int) Math.min(count, (last - from + stride - 1) / stride) : 0;
        // The slot moves on by the stride and wraps, without a division per spike.
        int slot = (int) ((head + (long) from) % length);
        int step = stride % length;
        for (int given = 0; given < most; given++) {
            consumer.accept(steps[slot], neurons[slot]);
            slot += step;
            if (slot >= length) {
                slot -= length;
            }
        }
        return most;
    }

    /** Index of the oldest spike at or after {@code step}; {@link #size()} when there is none. */
    public int firstIndexAtOrAfter(int step) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (step(middle) < step) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Step of the newest spike that was pushed out for lack of room, or -1 if none was: spikes of that
     * step and earlier may be missing.
     */
    public int latestEvictedStep() {
        return latestEvictedStep;
    }
}
