package org.spikefx.ui.view;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

import javafx.scene.chart.ValueAxis;

import org.spikefx.analysis.TickSpacing;

/**
 * A number axis whose range the view sets (it never ranges itself), with ticks at round multiples of
 * a step that suits the axis length, so the labels of a scrolling window stay round as it moves.
 */
class FixedRangeAxis extends ValueAxis<Number> {
    private static final double PIXELS_PER_HORIZONTAL_TICK = 80;
    private static final double PIXELS_PER_VERTICAL_TICK = 40;
    /** Pixel columns assumed before the axis has been laid out. */
    private static final int DEFAULT_PIXEL_COLUMNS = 1000;
    /**
     * Pixel columns per column of a time plot's thinned points (its first, lowest, highest and last
     * point): one, so that the line reaches every pixel column's own extremes.
     */
    static final int PIXELS_PER_THINNING_COLUMN = 1;

    private static final Map<Integer, DecimalFormat> FORMATS = new HashMap<>();
    private int decimals;

    FixedRangeAxis(String label) {
        super(0, 1);
        setLabel(label);
        setAnimated(false);
        setMinorTickVisible(false);
        // Labels are made with the ticks: shown again, the ticks are made anew with their labels.
        tickLabelsVisibleProperty().addListener((property, was, visible) -> invalidateRange());
    }

    void setRange(double lower, double upper) {
        setLowerBound(lower);
        setUpperBound(upper);
    }

    /** The axis length in whole pixels: the number of pixel columns of a horizontal axis. */
    int pixelColumns() {
        return getWidth() >= 1 ? (int) Math.ceil(getWidth()) : DEFAULT_PIXEL_COLUMNS;
    }

    /** Columns a time plot's model thins its points into: see {@link #PIXELS_PER_THINNING_COLUMN}. */
    int thinningColumns() {
        return Math.max(1, pixelColumns() / PIXELS_PER_THINNING_COLUMN);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        double pixelsPerTick = getSide().isVertical() ? PIXELS_PER_VERTICAL_TICK : PIXELS_PER_HORIZONTAL_TICK;
        if (!Double.isFinite(upper - lower) || !Double.isFinite(length)) {
            // A range or a length beyond numbers (a layout's first guess): only the ends, not endless steps.
            return upper > lower ? List.of(lower, upper) : List.of(lower);
        }
        // A short axis (a low plot in presentation mode's large text) gets its two ends labelled, not one.
        double step = TickSpacing.step(upper - lower, (int) Math.max(1, length / pixelsPerTick));
        decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        List<Number> ticks = new ArrayList<>();
        for (long i = (long) Math.ceil(lower / step - 1e-9); i * step <= upper + step * 1e-9; i++) {
            // A tick a rounding error beyond an end of the range (14 x 0.05 > 0.7) is that end: the axis
            // would drop it.
            double tick = i * step;
            ticks.add(Math.abs(tick - upper) <= step * 1e-9 ? upper : Math.abs(tick - lower) <= step * 1e-9 ? lower : tick);
        }
        if ((ticks.size() < 2 || length < 2 * pixelsPerTick) && upper > lower) {
            // Too short for round steps (a low plot in large text): its two ends, which still give a scale;
            // labels between them would overlap, and the axis would hide all but one.
            decimals = Math.max(0, (int) -Math.floor(Math.log10(upper - lower) - 1e-9));
            return List.of(lower, upper);
        }
        return ticks;
    }

    /**
     * A zoom changes the labels every frame: a format per number of decimals, made once, costs far less
     * than formatting each label afresh.
     */
    @Override
    protected String getTickMarkLabel(Number value) {
        if (!isTickLabelsVisible()) {
            // The time axes above the lowest show ticks without labels: no text to lay out each frame.
            return "";
        }
        return FORMATS.computeIfAbsent(decimals, places -> {
            DecimalFormat format = new DecimalFormat(places == 0 ? "0" : "0." + "0".repeat(places),
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format;
        }).format(value.doubleValue());
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    /** Only auto-ranging sets a range this way, and this axis never auto-ranges. */
    @Override
    protected void setRange(Object range, boolean animate) {
    }
}
