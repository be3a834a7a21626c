package org.spikefx.ui.view.plot;

import java.util.Arrays;

import org.spikefx.ui.model.MinMaxDecimator;

/**
 * The line a layer draws, in the plot's pixels: the model's points mapped through the axes, with at most
 * four in each pixel column (the first, the lowest, the highest and the last of the column, in time
 * order). Zoomed in, a column holds fewer points than that and every one is kept, so every step is drawn;
 * zoomed out, the four cover the same pixels as all the column's points, so no peak is lost. The line is
 * made anew on every draw into arrays that are kept, so a draw allocates nothing once they have grown.
 *
 * <p>Plain arithmetic, without JavaFX: the drawing layer strokes what this computes.
 */
public final class PixelPolyline {
    /** Maps a data coordinate to a pixel: pixel = origin + value * perUnit. */
    public record Mapping(double origin, double perUnit) {
        double map(double value) {
            return origin + value * perUnit;
        }
    }

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private double[] times = new double[256];
    private double[] values = new double[256];
    private int size;

    // The pixel column being collected: its first four points as they came, and its first, lowest,
    // highest and last point (slots 0 to 3 of the role arrays).
    private long column = Long.MIN_VALUE;
    private int inColumn;
    private final double[] rawX = new double[4];
    private final double[] rawY = new double[4];
    private final double[] rawT = new double[4];
    private final double[] rawV = new double[4];
    private final double[] roleX = new double[4];
    private final double[] roleY = new double[4];
    private final double[] roleT = new double[4];
    private final double[] roleV = new double[4];
    private static final int FIRST = 0;
    private static final int LOW = 1;
    private static final int HIGH = 2;
    private static final int LAST = 3;

    /** Makes the line of these points, each value raised by {@code offset}, in place of the one before. */
    public void make(MinMaxDecimator source, double offset, Mapping x, Mapping y) {
        size = 0;
        column = Long.MIN_VALUE;
        inColumn = 0;
        source.forEachPoint((time, value) -> add(time, value + offset, x.map(time), y.map(value + offset)));
        flush();
    }

    private void add(double time, double value, double px, double py) {
        long pixel = (long) Math.floor(px);
        if (pixel != column) {
            flush();
            column = pixel;
        }
        if (inColumn < 4) {
            rawX[inColumn] = px;
            rawY[inColumn] = py;
            rawT[inColumn] = time;
            rawV[inColumn] = value;
        }
        if (inColumn == 0) {
            for (int role = FIRST; role <= LAST; role++) {
                set(role, px, py, time, value);
            }
        } else {
            // Values, not pixels, decide the extremes: the screen's y grows downwards.
            if (value < roleV[LOW]) {
                set(LOW, px, py, time, value);
            }
            if (value > roleV[HIGH]) {
                set(HIGH, px, py, time, value);
            }
            set(LAST, px, py, time, value);
        }
        inColumn++;
    }

    private void set(int role, double px, double py, double time, double value) {
        roleX[role] = px;
        roleY[role] = py;
        roleT[role] = time;
        roleV[role] = value;
    }

    /** Emits the column collected: all its points if four or fewer came, else first, extremes and last in time order. */
    private void flush() {
        if (inColumn == 0) {
            return;
        }
        if (inColumn <= 4) {
            for (int k = 0; k < inColumn; k++) {
                emit(rawX[k], rawY[k], rawT[k], rawV[k]);
            }
        } else {
            emit(roleX[FIRST], roleY[FIRST], roleT[FIRST], roleV[FIRST]);
            boolean lowFirst = roleT[LOW] <= roleT[HIGH];
            int inner1 = lowFirst ? LOW : HIGH;
            int inner2 = lowFirst ? HIGH : LOW;
            double before = emitAfter(inner1, roleT[FIRST]);
            before = emitAfter(inner2, before);
            emitAfter(LAST, before);
        }
        inColumn = 0;
    }

    /** Emits the point of a role unless it is the one emitted just before (one point in two roles); returns its time. */
    private double emitAfter(int role, double previousTime) {
        if (roleT[role] != previousTime) {
            emit(roleX[role], roleY[role], roleT[role], roleV[role]);
        }
        return roleT[role];
    }

    private void emit(double x, double y, double time, double value) {
        if (size == xs.length) {
            int length = 2 * size;
            xs = Arrays.copyOf(xs, length);
            ys = Arrays.copyOf(ys, length);
            times = Arrays.copyOf(times, length);
            values = Arrays.copyOf(values, length);
        }
        xs[size] = x;
        ys[size] = y;
        times[size] = time;
        values[size] = value;
        size++;
    }

    /** Number of points of the line. */
    public int size() {
        return size;
    }

    /** Pixel x of the points (the first {@link #size()} are the line's); the array is reused by the next make. */
    public double[] xs() {
        return xs;
    }

    /** Pixel y of the points, as {@link #xs()}. */
    public double[] ys() {
        return ys;
    }

    /** The points drawn in data coordinates: {time, value (offset included)} each. */
    public double[][] dataPoints() {
        double[][] points = new double[size][];
        for (int k = 0; k < size; k++) {
            points[k] = new double[] {times[k], values[k]};
        }
        return points;
    }
}
