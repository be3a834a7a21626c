package org.spikefx.analysis;

import java.util.function.ToDoubleFunction;

import org.spikefx.engine.RunStatistics;

/**
 * The four statistics a map shows, one heat map each, with their column names (those of
 * {@code simulate --summary}), titles and units, and the range of the colour scale: fixed where the
 * statistic has natural bounds (a fraction), otherwise that of the values on the map.
 */
public enum MapStatistic {
    MEAN_RATE("mean_rate_hz", "Mean rate", "rate", "Hz", "spikes per neuron per second over the whole run",
            CellStatistics::meanRateHz, Double.NaN, Double.NaN, false),
    MEAN_CV("mean_cv_isi", "Mean CV of ISIs", "CV", "", RunStatistics.CV_DEFINITION,
            CellStatistics::meanCv, Double.NaN, Double.NaN, false),
    FRACTION_SILENT("fraction_silent", "Fraction silent", "silent", "", "fraction of neurons that never spiked",
            CellStatistics::fractionSilent, 0, 1, false),
    SYNCHRONY("synchrony", "Synchrony", "synchrony", "", "Fano factor (variance / mean) of the population spike count in 5 ms"
            + " bins after 0.2 s: 1 for independent Poisson neurons, far more for volleys",
            CellStatistics::synchrony, Double.NaN, Double.NaN, true);

    private final String column;
    private final String title;
    private final String shortName;
    private final String unit;
    private final String definition;
    private final ToDoubleFunction<CellStatistics> value;
    private final double fixedMin;
    private final double fixedMax;
    private final boolean logarithmic;

    MapStatistic(String column, String title, String shortName, String unit, String definition,
                 ToDoubleFunction<CellStatistics> value, double fixedMin, double fixedMax, boolean logarithmic) {
        this.column = column;
        this.title = title;
        this.shortName = shortName;
        this.unit = unit;
        this.definition = definition;
        this.value = value;
        this.fixedMin = fixedMin;
        this.fixedMax = fixedMax;
        this.logarithmic = logarithmic;
    }

    /**
     * Whether the colour scale is logarithmic: synchrony spans orders of magnitude (below 1 for
     * staggered clocks, 1 for Poisson firing, hundreds for volleys), which a linear scale would show as
     * one colour and a few bright cells.
     */
    public boolean logarithmic() {
        return logarithmic;
    }

    /** Where a value lies on the colour scale of this range, 0 at its min and 1 at its max; NaN stays NaN. */
    public double fraction(double value, double[] range) {
        if (logarithmic) {
            return Math.log(Math.max(value, range[0]) / range[0]) / Math.log(range[1] / range[0]);
        }
        return (value - range[0]) / (range[1] - range[0]);
    }

    /** The value at a fraction of the colour scale of this range: the inverse of {@link #fraction}. */
    public double valueAt(double fraction, double[] range) {
        return logarithmic ? range[0] * Math.pow(range[1] / range[0], fraction) : range[0] + (range[1] - range[0]) * fraction;
    }

    /** The column of the map's CSV and the key of {@code simulate --summary}. */
    public String column() {
        return column;
    }

    public String title() {
        return title;
    }

    /** The word for it in a line of numbers: "rate", "CV", "silent", "synchrony". */
    public String shortName() {
        return shortName;
    }

    /** "Mean rate (Hz)", or the title alone for a number without unit. */
    public String label() {
        return unit.isEmpty() ? title : title + " (" + unit + ")";
    }

    public String unit() {
        return unit;
    }

    /** How the statistic is computed, for the sidecar. */
    public String definition() {
        return definition;
    }

    public double of(CellStatistics statistics) {
        return value.applyAsDouble(statistics);
    }

    /**
     * The colour scale's range: the fixed one if the statistic has one, else that of the values (NaN
     * ignored; on a logarithmic scale, values of 0 too, which take the scale's lowest colour).
     */
    public double[] colourRange(double[] values) {
        if (!Double.isNaN(fixedMin)) {
            return new double[] {fixedMin, fixedMax};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!logarithmic || v > 0)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return logarithmic ? new double[] {0.1, 10} : new double[] {0, 1};
        }
        if (min == max) {
            // One value everywhere: a scale around it, from 0 if the value is 0 (a silent map).
            return min == 0 ? new double[] {0, 1} : new double[] {min - Math.abs(min) * 0.05, max + Math.abs(max) * 0.05};

        }
        return new double[] {min, max};
    }
}
