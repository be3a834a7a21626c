package org.spikefx.ui.model;

import java.util.function.IntToLongFunction;

/**
 * The full-resolution history of one trace (a voltage, a current, the spike count per step): the
 * recent steps as they came from the run, and one older span that a re-run filled in. Each part keeps
 * at most {@link #HISTORY_STEPS} steps.
 */
public final class StepTrace {
    /**
     * Steps of simulated time kept at full resolution per trace: 2^18 = 262,144 steps, 13.1 s at the
     * default dt of 0.05 ms, 2 MB per trace for the recent steps (and as much again for a re-run span
     * further back). With the most traces the window shows (8 voltages, excitation, inhibition and
     * their sum for 9 neurons, the spike count) that is at most 72 MB; three traces and one neuron's balance
     * take 14 MB.
     * Whatever lies further back is simulated again when it is needed.
     */
    public static final int HISTORY_STEPS = 1 << 18;

    private final StepSeries recent;
    private final StepSeries older;
    private long revision;

    public StepTrace() {
        this(HISTORY_STEPS);
    }

    /** @param capacity steps kept by each part: a power of two */
    public StepTrace(int capacity) {
        recent = new StepSeries(capacity);
        older = new StepSeries(capacity);
    }

    /** Adds a step's value as the run produced it. */
    public void append(int step, double value) {
        if (!recent.isEmpty() && step < recent.endStep()) {
            revision++;
        }
        recent.append(step, value);
    }

    /**
     * Puts re-run values of the steps {@code from} to {@code from + values.length - 1}: with the recent
     * steps if they reach them, else as the older span (replacing the one before).
     */
    public void put(int from, double[] values) {
        revision++;
        int to = from + values.length;
        if (recent.isEmpty() || to >= recent.firstStep() && to > recent.endStep() - recent.capacity()) {
            recent.put(from, values, 0, values.length);
        }
        if (!recent.covers(from, to)) {
            older.clear();
            older.put(from, values, 0, values.length);
        }
    }

    /** Counts the changes other than steps appended as the run goes on. */
    public long revision() {
        return revision;
    }

    /** Whether every step of [from, to) has its value. */
    public boolean covers(int from, int to) {
        if (recent.covers(from, to) || older.covers(from, to)) {
            return true;
        }
        int split = recent.firstStep();
        return split > from && split < to && older.covers(from, split) && recent.covers(split, to);
    }

    /** The first step of [from, to) without a value; {@code to} if every step has one. */
    public int firstMissing(int from, int to) {
        int step = from;
        while (step < to) {
            int next = Math.max(recent.valuesUntil(step), older.valuesUntil(step));
            if (next == step) {
                return step;
            }
            step = next;
        }
        return to;
    }

    /** The values of the steps of [from, to) that are known, in step order. */
    public void forEach(int from, int to, StepSeries.StepValueConsumer consumer) {
        if (!recent.covers(from, to) && !older.isEmpty()) {
            older.forEach(from, Math.min(to, recent.isEmpty() ? to : recent.firstStep()), consumer);
        }
        recent.forEach(from, to, consumer);
    }

    /**
     * As {@link #forEach}, but of each whole block of steps inside one column only the values a
     * thinning into those columns needs ({@link StepSeries#forEachForColumns}).
     */
    public void forEachForColumns(int from, int to, IntToLongFunction columnOf,
                                  StepSeries.StepValueConsumer consumer) {
        if (!recent.covers(from, to) && !older.isEmpty()) {
            older.forEachForColumns(from, Math.min(to, recent.isEmpty() ? to : recent.firstStep()), columnOf, consumer);
        }
        recent.forEachForColumns(from, to, columnOf, consumer);
    }

    /** Whether step {@code step} has its value. */
    public boolean has(int step) {
        return recent.has(step) || older.has(step);
    }

    public double value(int step) {
        return recent.has(step) ? recent.value(step) : older.value(step);
    }

    /** One past the newest step known. */
    public int endStep() {
        return Math.max(recent.endStep(), older.endStep());
    }

    public boolean isEmpty() {
        return recent.isEmpty() && older.isEmpty();
    }

    public void clear() {
        revision++;
        recent.clear();
        older.clear();
    }

    /** Room allocated for both parts, in steps: never more than twice {@link #HISTORY_STEPS}. */
    public int allocated() {
        return recent.allocated() + older.allocated();
    }

    /** The recent steps as the run brought them (for tests). */
    public StepSeries recent() {
        return recent;
    }
}
