package org.spikefx.ui.model;

import java.util.function.IntToLongFunction;

/**
 * The points of a full-resolution history that the plot draws for the time window shown: the history's
 * samples in the window, thinned by a {@link MinMaxDecimator} on the plot's pixel grid. While the window
 * only grows or moves on with the run (a run in progress, or a window following it), only the new
 * samples are added; a zoom, a pan, a new grid or samples filled in by a re-run thin the window anew.
 */
public final class WindowedThinning {
    /** Samples numbered by an index (a step, a rate bin), in increasing time. */
    public interface Samples {
        /** Time of sample {@code index}, in seconds. */
        double time(int index);

        /** The known samples of [from, to), in index order. */
        void forEach(int from, int to, StepSeries.StepValueConsumer consumer);

        /** Changes whenever samples already given may have changed or been filled in. */
        long revision();

        /**
         * The known samples of [from, to) that a thinning into columns needs, in index order: by default
         * all of them; a source that keeps the extremes of blocks of samples may leave out, of a block
         * that lies in one column ({@code columnOf}), all but its first, lowest, highest and last.
         */
        default void forEachForColumns(int from, int to, IntToLongFunction columnOf,
                                       StepSeries.StepValueConsumer consumer) {
            forEach(from, to, consumer);
        }
    }

    private final MinMaxDecimator thinned = new MinMaxDecimator(1, 1);
    private long sourceRevision = Long.MIN_VALUE;
    private int from;
    private int to;

    /** The thinned points (the chart draws these). */
    public MinMaxDecimator thinned() {
        return thinned;
    }

    /** Thins the samples of [from, to) onto a grid of {@code pixelColumns} columns over {@code span} seconds. */
    public void update(Samples source, int from, int to, double span, int pixelColumns) {
        boolean onlyMore = thinned.hasGrid(span, pixelColumns) && source.revision() == sourceRevision
                && from >= this.from && from <= this.to && to >= this.to;
        if (!onlyMore) {
            thinned.restart(span, pixelColumns);
            source.forEachForColumns(from, to, index -> thinned.columnOf(source.time(index)),
                    (index, value) -> thinned.add(source.time(index), value));
        } else if (to > this.to) {
            source.forEach(this.to, to, (index, value) -> thinned.add(source.time(index), value));
        }
        sourceRevision = source.revision();
        this.from = from;
        this.to = to;
    }

    /**
     * Columns of the plot's width ({@code span / pixelColumns} seconds) enough to hold samples from
     * {@code firstTime} to {@code lastTime} as well as the plot: a thinning keeps only as many columns as it
     * has, and samples drawn at their centres (a rate's bins) take one either side of the window, so
     * that the line reaches the plot's edges.
     */
    public static int columnsHolding(double firstTime, double lastTime, double span, int pixelColumns) {
        double columnSeconds = span / pixelColumns;
        return Math.max(pixelColumns, (int) Math.ceil((lastTime - firstTime) / columnSeconds) + 2);
    }

    /** Forgets the points. */
    public void clear() {
        thinned.clear();
        sourceRevision = Long.MIN_VALUE;
        from = 0;
        to = 0;
    }
}
