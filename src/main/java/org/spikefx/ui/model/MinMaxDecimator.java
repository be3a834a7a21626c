package org.spikefx.ui.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a series of samples (time, value), added in increasing time, to at most four points per pixel
 * column: the column's first, lowest, highest and last sample. A line through these points covers the
 * same pixels as a line through every sample (no peak or trough is lost), however long the run.
 *
 * <p>Column c covers the times [c w, (c+1) w) with w = span / pixel columns. Columns are tied to
 * absolute time, so a window that follows the newest time only drops columns on the left: just the
 * newest {@code pixelColumns + 1} columns are kept, which bounds memory by the plot's width.
 */
public final class MinMaxDecimator {
    /** Receives one point of the thinned series. */
    @FunctionalInterface
    public interface PointConsumer {
        void accept(double time, double value);
    }

    private final List<Column> columns = new ArrayList<>();
    /**
     * Columns no longer in use, to serve again: a zoom thins the window anew in every frame, and making
     * a column object per pixel column and frame kept the garbage collector busy during gestures.
     */
    private final List<Column> spare = new ArrayList<>();
    /**
     * Columns before this index have scrolled out: dropping them from the front of the list one by one
     * would move every other column each time, so they go in one cut once they are half the list.
     */
    private int head;
    private double columnSeconds;
    private int pixelColumns;
    private long revision;
    /** Counts every change of the points, so that a drawing of them can tell whether it is out of date. */
    private long modifications;

    public MinMaxDecimator(double span, int pixelColumns) {
        setGridValues(span, pixelColumns);
    }

    /**
     * Sets the visible span and the plot's width in pixels. A change re-thins the points already kept
     * into the new columns: where a new column is made of whole old ones (the plot got 2, 3, ... times
     * narrower), its min and max stay exact; otherwise they are those of the points kept so far.
     */
    public void setGrid(double span, int pixelColumns) {
        if (span / pixelColumns == columnSeconds && pixelColumns == this.pixelColumns) {
            return;
        }
        List<double[]> kept = new ArrayList<>();
        forEachPoint((time, value) -> kept.add(new double[] {time, value}));
        setGridValues(span, pixelColumns);
        recycle(0, columns.size());
        head = 0;
        revision++;
        modifications++;
        for (double[] point : kept) {
            add(point[0], point[1]);
        }
    }

    /** Sets the span and the plot's width in pixels and forgets every point: the series is refilled. */
    public void restart(double span, int pixelColumns) {
        setGridValues(span, pixelColumns);
        recycle(0, columns.size());
        head = 0;
        revision++;
        modifications++;
    }

    /** Whether the grid is this span over this many pixel columns. */
    public boolean hasGrid(double span, int pixelColumns) {
        return span / pixelColumns == columnSeconds && pixelColumns == this.pixelColumns;
    }

    private void setGridValues(double span, int pixelColumns) {
        if (!(span > 0 && Double.isFinite(span)) || pixelColumns < 1) {
            throw new IllegalArgumentException("a decimation grid needs a span > 0 and at least one pixel column, not "
                    + span + " s over " + pixelColumns);
        }
        this.columnSeconds = span / pixelColumns;
        this.pixelColumns = pixelColumns;
    }

    /** The column a sample at this time falls in. */
    public long columnOf(double time) {
        return (long) Math.floor(time / columnSeconds);
    }

    /** Adds a sample; times must not decrease. */
    public void add(double time, double value) {
        modifications++;
        long index = columnOf(time);
        Column last = isEmpty() ? null : columns.get(columns.size() - 1);
        if (last != null && last.index >= index) {
            last.add(time, value);
            return;
        }
        columns.add(spare.isEmpty() ? new Column(index, time, value) : spare.remove(spare.size() - 1).reset(index, time, value));
        while (head < columns.size() && columns.get(head).index < index - pixelColumns) {
            head++;
        }
        if (head > columns.size() / 2) {
            recycle(0, head);
            head = 0;
        }
    }

    public void clear() {
        recycle(0, columns.size());
        head = 0;
        revision++;
        modifications++;
    }

    /** Takes the columns [from, to) out of the list, to serve again. */
    private void recycle(int from, int to) {
        List<Column> gone = columns.subList(from, to);
        spare.addAll(gone);
        gone.clear();
    }

    /**
     * Changes whenever points were removed or rearranged other than by dropping whole columns on the
     * left or by adding to the newest column: a copy of the points must then be rebuilt.
     */
    public long revision() {
        return revision;
    }

    /** Changes with every change of the points, also a sample added to the newest column. */
    public long modifications() {
        return modifications;
    }

    public boolean isEmpty() {
        return columns.size() == head;
    }

    /** Number of points in the thinned series. */
    public int size() {
        int size = 0;
        for (int c = head; c < columns.size(); c++) {
            size += columns.get(c).pointCount();
        }
        return size;
    }

    public int columnCount() {
        return columns.size() - head;
    }

    /** Time of the first point; only for a non-empty series. */
    public double firstTime() {
        return columns.get(head).firstTime;
    }

    /**
     * Time of the newest column's first sample. Points before it are final; the newest column's own
     * points may still change as samples arrive.
     */
    public double newestColumnStart() {
        return columns.get(columns.size() - 1).firstTime;
    }

    public void forEachPoint(PointConsumer consumer) {
        for (int c = head; c < columns.size(); c++) {
            columns.get(c).forEachPoint(consumer);
        }
    }

    /** The points of every column whose first sample is at or after {@code time}, in time order. */
    public void forEachPointFrom(double time, PointConsumer consumer) {
        for (int c = firstColumnFrom(time); c < columns.size(); c++) {
            columns.get(c).forEachPoint(consumer);
        }
    }

    /** The highest value in the columns whose first sample is at or after {@code time}; NaN if there are none. */
    public double maxValueFrom(double time) {
        double max = Double.NaN;
        for (int c = firstColumnFrom(time); c < columns.size(); c++) {
            max = Double.isNaN(max) ? columns.get(c).maxValue : Math.max(max, columns.get(c).maxValue);
        }
        return max;
    }

    private int firstColumnFrom(double time) {
        int low = head;
        int high = columns.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (columns.get(middle).firstTime < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The samples of one pixel column that a line through them needs. */
    private static final class Column {
        long index;
        double firstTime;
        double firstValue;
        double minTime;
        double minValue;
        double maxTime;
        double maxValue;
        double lastTime;
        double lastValue;

        Column(long index, double time, double value) {
            reset(index, time, value);
        }

        /** Starts the column anew with one sample. */
        Column reset(long index, double time, double value) {
            this.index = index;
            firstTime = minTime = maxTime = lastTime = time;
            firstValue = minValue = maxValue = lastValue = value;
            return this;
        }

        void add(double time, double value) {
            if (value < minValue) {
                minTime = time;
                minValue = value;
            }
            if (value > maxValue) {
                maxTime = time;
                maxValue = value;
            }
            lastTime = time;
            lastValue = value;
        }

        int pointCount() {
            int[] count = {0};
            forEachPoint((time, value) -> count[0]++);
            return count[0];
        }

        /** first, then min and max in time order, then last; a sample that plays two roles appears once. */
        void forEachPoint(PointConsumer consumer) {
            consumer.accept(firstTime, firstValue);
            boolean minFirst = minTime <= maxTime;
            emitInner(minFirst ? minTime : maxTime, minFirst ? minValue : maxValue, consumer);
            if (minTime != maxTime) {
                emitInner(minFirst ? maxTime : minTime, minFirst ? maxValue : minValue, consumer);
            }
            if (lastTime != firstTime) {
                consumer.accept(lastTime, lastValue);
            }
        }

        private void emitInner(double time, double value, PointConsumer consumer) {
            if (time != firstTime && time != lastTime) {
                consumer.accept(time, value);
            }
        }
    }
}
