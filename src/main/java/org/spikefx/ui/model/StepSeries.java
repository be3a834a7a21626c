package org.spikefx.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * One value per simulation step, at full resolution, over a contiguous range of steps of which only the
 * newest {@code capacity} are kept: the full-resolution history of one trace. Values come live, step
 * after step, or as a block from a re-run; a step that was skipped (a neuron recorded from some step on,
 * whose past a re-run fills in later) is a gap, and {@link #covers} says no for a range with a gap.
 * Storage grows with use up to the capacity.
 */
public final class StepSeries {
    private static final int INITIAL_LENGTH = 1 << 12;
    /**
     * Steps per block of the extremes kept for thinning: a plot zoomed out over many steps per pixel
     * column reads a block's lowest and highest value instead of its 16 values. Small enough that whole
     * blocks fit in the columns of the default run's 2 s on a plot of 900 px (44 steps each), where a
     * zoom starts; the extremes cost a tenth of the values' memory.
     */
    public static final int BLOCK_STEPS = 16;
    private static final int BLOCK_SHIFT = Integer.numberOfTrailingZeros(BLOCK_STEPS);
    /**
     * Steps per superblock, the second level of extremes: a plot of a 10 s window (200,000 steps on some
     * 900 px, 220 steps a column) reads a superblock's two extremes where it would read sixteen blocks'
     * thirty-two. Kept from the blocks' extremes, at a sixteenth of their memory.
     */
    static final int SUPER_STEPS = 256;
    private static final int SUPER_SHIFT = Integer.numberOfTrailingZeros(SUPER_STEPS);
    private static final int BLOCKS_PER_SUPER = SUPER_STEPS / BLOCK_STEPS;

    private final int capacity;
    private double[] values;
    private int first;
    private int end;
    /** Ranges [from, to) inside [first, end) without values, in order and apart. */
    private final List<int[]> gaps = new ArrayList<>();
    // Per block of BLOCK_STEPS steps, in a ring like the values: which block a slot's extremes belong to,
    // whether they are still those of its values (a write to the block makes them stale; they are found
    // again when next asked for), and the steps of its lowest and highest value.
    private int[] blockOf;
    private boolean[] blockKnown;
    private int[] blockLow;
    private int[] blockHigh;
    // The same per superblock of SUPER_STEPS steps; none for a ring shorter than two superblocks.
    private int[] superOf;
    private boolean[] superKnown;
    private int[] superLow;
    private int[] superHigh;

    /** @param capacity most steps kept: a power of two */
    public StepSeries(int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("a step series needs a power of two as capacity, not " + capacity);
        }
        this.capacity = capacity;
        clear();
    }

    public void clear() {
        values = new double[Math.min(capacity, INITIAL_LENGTH)];
        first = 0;
        end = 0;
        gaps.clear();
        newBlocks();
    }

    /** Block extremes for the values' ring, none known yet; none at all for a ring shorter than two blocks. */
    private void newBlocks() {
        int blocks = values.length >= 2 * BLOCK_STEPS ? values.length / BLOCK_STEPS : 0;
        blockOf = new int[blocks];
        blockKnown = new boolean[blocks];
        blockLow = new int[blocks];
        blockHigh = new int[blocks];
        int supers = values.length >= 2 * SUPER_STEPS ? values.length / SUPER_STEPS : 0;
        superOf = new int[supers];
        superKnown = new boolean[supers];
        superLow = new int[supers];
        superHigh = new int[supers];
    }

    private void written(int step) {
        if (blockKnown.length > 0) {
            blockKnown[(step >> BLOCK_SHIFT) & (blockKnown.length - 1)] = false;
        }
        if (superKnown.length > 0) {
            superKnown[(step >> SUPER_SHIFT) & (superKnown.length - 1)] = false;
        }
    }

    public boolean isEmpty() {
        return end == first;
    }

    /** The oldest step kept. */
    public int firstStep() {
        return first;
    }

    /** One past the newest step kept. */
    public int endStep() {
        return end;
    }

    /** Whether every step of [from, to) has its value here. */
    public boolean covers(int from, int to) {
        if (to <= from) {
            return true;
        }
        if (from < first || to > end) {
            return false;
        }
        // Indexed: a zoomed-out thinning asks this of every block, and an iterator each time was garbage.
        for (int g = 0; g < gaps.size(); g++) {
            int[] gap = gaps.get(g);
            if (gap[0] < to && gap[1] > from) {
                return false;
            }
        }
        return true;
    }

    /** The first step at or after {@code step} without a value here (for a step that has one, where its run of values ends). */
    public int valuesUntil(int step) {
        if (!has(step)) {
            return step;
        }
        for (int[] gap : gaps) {
            if (gap[0] > step) {
                return gap[0];
            }
        }
        return end;
    }

    /** Whether step {@code step} has its value here. */
    public boolean has(int step) {
        return covers(step, step + 1);
    }

    /** The value of a step for which {@link #has} is true. */
    public double value(int step) {
        return values[step & (values.length - 1)];
    }

    /** Adds the value of the step after the newest; a later step leaves a gap, an earlier one starts afresh. */
    public void append(int step, double value) {
        boolean follows = !isEmpty() && step == end;
        if (isEmpty() || step < end) {
            if (!isEmpty()) {
                clear();
            }
            first = step;
            end = step;
        } else if (step > end) {
            gaps.add(new int[] {end, step});
        }
        grow(step + 1 - first);
        end = step + 1;
        values[step & (values.length - 1)] = value;
        appended(step, value, follows);
        trim();
    }

    /**
     * Keeps the extremes of the block and the superblock that a live step joins as it comes, so that the
     * first zoomed-out frame of a run going on finds them all known rather than working out every block
     * of the window at once. A block entered other than at its first step, or after a gap ({@code follows}
     * false), is left to be worked out when asked.
     */
    private void appended(int step, double value, boolean follows) {
        if (blockKnown.length > 0) {
            int slot = (step >> BLOCK_SHIFT) & (blockKnown.length - 1);
            extend(step, value, follows, BLOCK_STEPS - 1, step >> BLOCK_SHIFT, slot, blockOf, blockKnown, blockLow, blockHigh);
        }
        if (superKnown.length > 0) {
            int slot = (step >> SUPER_SHIFT) & (superKnown.length - 1);
            extend(step, value, follows, SUPER_STEPS - 1, step >> SUPER_SHIFT, slot, superOf, superKnown, superLow, superHigh);
        }
    }

    /** One level's running extremes: started at a span's first step, extended by each later one (the earliest of equal values). */
    private void extend(int step, double value, boolean follows, int spanMask, int span, int slot, int[] of,
                        boolean[] known, int[] low, int[] high) {
        if ((step & spanMask) == 0) {
            of[slot] = span;
            low[slot] = step;
            high[slot] = step;
            known[slot] = true;
        } else if (follows && known[slot] && of[slot] == span) {
            int mask = values.length - 1;
            if (value < values[low[slot] & mask]) {
                low[slot] = step;
            }
            if (value > values[high[slot] & mask]) {
                high[slot] = step;
            }
        } else {
            known[slot] = false;
        }
    }

    /**
     * Puts the values of steps {@code from} to {@code from + count - 1} (from {@code source} at
     * {@code offset}). They join the steps kept (a step between them and the steps kept is a gap), unless
     * they are all older than the oldest step kept. The newest {@code capacity} steps are kept.
     */
    public void put(int from, double[] source, int offset, int count) {
        int to = from + count;
        if (count <= 0) {
            return;
        }
        if (!isEmpty() && to < first) {
            return; // older than what is kept, and apart from it: the newer steps matter more
        }
        if (isEmpty()) {
            first = from;
            end = from;
        }
        int newFirst = Math.max(Math.min(first, from), Math.max(end, to) - capacity);
        int newEnd = Math.max(end, to);
        grow(newEnd - Math.min(first, newFirst));
        if (newEnd > end) {
            gaps.add(new int[] {end, newEnd});
        }
        if (newFirst < first) {
            gaps.add(0, new int[] {newFirst, first});
        }
        first = newFirst;
        end = newEnd;
        if (!gaps.isEmpty()) {
            removeGap(Integer.MIN_VALUE, first);
        }
        int mask = values.length - 1;
        for (int step = Math.max(from, first); step < to; step++) {
            values[step & mask] = source[offset + step - from];
        }
        for (int block = Math.max(from, first) >> BLOCK_SHIFT; block <= (to - 1) >> BLOCK_SHIFT; block++) {
            written(block << BLOCK_SHIFT);
        }
        removeGap(from, to);
        trim();
    }

    private void removeGap(int from, int to) {
        List<int[]> kept = new ArrayList<>();
        for (int[] gap : gaps) {
            if (gap[1] <= from || gap[0] >= to) {
                kept.add(gap);
            } else {
                if (gap[0] < from) {
                    kept.add(new int[] {gap[0], from});
                }
                if (gap[1] > to) {
                    kept.add(new int[] {to, gap[1]});
                }
            }
        }
        gaps.clear();
        gaps.addAll(kept);
    }

    /** Keeps the newest {@code capacity} steps. */
    private void trim() {
        if (end - first > capacity) {
            first = end - capacity;
            if (!gaps.isEmpty()) {
                removeGap(Integer.MIN_VALUE, first);
            }
        }
    }

    /** Makes room for {@code steps} consecutive steps (at most the capacity), keeping the values. */
    private void grow(int steps) {
        if (steps <= values.length || values.length == capacity) {
            return;
        }
        int length = values.length;
        while (length < Math.min(steps, capacity)) {
            length *= 2;
        }
        double[] larger = new double[length];
        int oldMask = values.length - 1;
        for (int step = Math.max(first, end - values.length); step < end; step++) {
            larger[step & (length - 1)] = values[step & oldMask];
        }
        values = larger;
        newBlocks();
    }

    /** Receives the value of one step. */
    @FunctionalInterface
    public interface StepValueConsumer {
        void accept(int step, double value);
    }

    /** The values of the steps of [from, to) kept here, in step order, gaps left out. */
    public void forEach(int from, int to, StepValueConsumer consumer) {
        int mask = values.length - 1;
        int step = Math.max(from, first);
        int last = Math.min(to, end);
        for (int[] gap : gaps) {
            for (; step < Math.min(last, gap[0]); step++) {
                consumer.accept(step, values[step & mask]);
            }
            step = Math.max(step, gap[1]);
        }
        for (; step < last; step++) {
            consumer.accept(step, values[step & mask]);
        }
    }

    /**
     * The values of the steps of [from, to) that a thinning into columns needs, in step order, gaps left
     * out: of each whole superblock of {@link #SUPER_STEPS} steps, or else whole block of
     * {@link #BLOCK_STEPS}, that lies in one column (its first and last step have the same
     * {@code columnOf}) only the lowest and the highest value (the earliest of equal ones), and its first
     * or last value too where it begins or ends its column's stretch of values; every value elsewhere.
     * That keeps every column's first, lowest, highest and last value.
     */
    public void forEachForColumns(int from, int to, IntToLongFunction columnOf,
                                  StepValueConsumer consumer) {
        int step = Math.max(from, first);
        int last = Math.min(to, end);
        if (blockKnown.length == 0) {
            forEach(step, last, consumer);
            return;
        }
        int mask = values.length - 1;
        // Column of the step before the current one, if it was given; Long.MIN_VALUE if none was.
        long givenBefore = Long.MIN_VALUE;
        while (step < last) {
            long column = columnOf.applyAsLong(step);
            int whole = wholeSpanAt(step, last, column, columnOf);
            if (whole > 0) {
                int spanEnd = step + whole;
                int low;
                int high;
                if (whole == SUPER_STEPS) {
                    int slot = superSlot(step);
                    low = superLow[slot];
                    high = superHigh[slot];
                } else {
                    int slot = blockSlot(step);
                    low = blockLow[slot];
                    high = blockHigh[slot];
                }
                // The span's first value matters only if nothing of its column came before it, its last
                // only if nothing of its column follows (the next step is in another column, missing, or past the end).
                int previous = step - 1;
                if (givenBefore != column) {
                    consumer.accept(step, values[step & mask]);
                    previous = step;
                }
                previous = acceptUnlessSame(Math.min(low, high), previous, consumer);
                previous = acceptUnlessSame(Math.max(low, high), previous, consumer);
                if (spanEnd >= last || columnOf.applyAsLong(spanEnd) != column || !has(spanEnd)) {
                    acceptUnlessSame(spanEnd - 1, previous, consumer);
                }
                givenBefore = column;
                step = spanEnd;
            } else {
                int stretchEnd = Math.min((step | (BLOCK_STEPS - 1)) + 1, last);
                forEach(step, stretchEnd, consumer);
                givenBefore = stretchEnd > step && has(stretchEnd - 1) ? columnOf.applyAsLong(stretchEnd - 1) : Long.MIN_VALUE;
                step = stretchEnd;
            }
        }
    }

    /**
     * How many steps from {@code step} on can stand for their extremes: a whole superblock, else a whole
     * block, that starts here, ends by {@code last}, lies in {@code column} and has every value; 0 if neither.
     */
    private int wholeSpanAt(int step, int last, long column, IntToLongFunction columnOf) {
        for (int span : superKnown.length > 0 ? SPANS : BLOCK_SPAN) {
            if ((step & (span - 1)) == 0 && step + span <= last && column == columnOf.applyAsLong(step + span - 1)
                    && covers(step, step + span)) {
                return span;
            }
        }
        return 0;
    }

    private static final int[] SPANS = {SUPER_STEPS, BLOCK_STEPS};
    private static final int[] BLOCK_SPAN = {BLOCK_STEPS};

    /** The ring slot of the block that starts at {@code blockStart}, its extremes found if they were not known. */
    private int blockSlot(int blockStart) {
        int slot = (blockStart >> BLOCK_SHIFT) & (blockKnown.length - 1);
        if (!blockKnown[slot] || blockOf[slot] != blockStart >> BLOCK_SHIFT) {
            findExtremes(blockStart, slot);
        }
        return slot;
    }

    /** The same for a superblock, whose extremes are its blocks' extremes' (the earliest of equal ones). */
    private int superSlot(int superStart) {
        int slot = (superStart >> SUPER_SHIFT) & (superKnown.length - 1);
        if (superKnown[slot] && superOf[slot] == superStart >> SUPER_SHIFT) {
            return slot;
        }
        int mask = values.length - 1;
        int low = -1;
        int high = -1;
        for (int b = 0; b < BLOCKS_PER_SUPER; b++) {
            int block = blockSlot(superStart + b * BLOCK_STEPS);
            if (low < 0 || values[blockLow[block] & mask] < values[low & mask]) {
                low = blockLow[block];
            }
            if (high < 0 || values[blockHigh[block] & mask] > values[high & mask]) {
                high = blockHigh[block];
            }
        }
        superOf[slot] = superStart >> SUPER_SHIFT;
        superLow[slot] = low;
        superHigh[slot] = high;
        superKnown[slot] = true;
        return slot;
    }

    /** Gives step's value unless it is the step given just before (one step in two roles); returns the step. */
    private int acceptUnlessSame(int step, int previous, StepValueConsumer consumer) {
        if (step != previous) {
            consumer.accept(step, values[step & (values.length - 1)]);
        }
        return step;
    }

    private void findExtremes(int blockStart, int slot) {
        int mask = values.length - 1;
        int low = blockStart;
        int high = blockStart;
        for (int step = blockStart + 1; step < blockStart + BLOCK_STEPS; step++) {
            double value = values[step & mask];
            if (value < values[low & mask]) {
                low = step;
            }
            if (value > values[high & mask]) {
                high = step;
            }
        }
        blockOf[slot] = blockStart >> BLOCK_SHIFT;
        blockLow[slot] = low;
        blockHigh[slot] = high;
        blockKnown[slot] = true;
    }

    /** Room allocated, in steps. */
    public int allocated() {
        return values.length;
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "steps " + first + " to " + end + (gaps.isEmpty() ? "" : ", gaps "
                + Arrays.deepToString(gaps.toArray()));
    }
}
