package org.spikefx.ui.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;

import org.spikefx.ui.PlotArea;

/** One view of the plot area, drawn alone as a figure of its own; named on the command line in lower case. */
public enum FigureView {
    /** The voltage traces with their legend. */
    TRACES,
    /** The spike raster. */
    RASTER,
    /** The population rate. */
    RATE,
    /** The balance of excitatory and inhibitory input. */
    BALANCE,
    /** The histograms and numbers of the run. */
    STATISTICS;

    /** The name on the command line: traces, raster, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every name, as a list to read: "traces, raster, rate, balance, statistics". */
    public static String labels() {
        return Arrays.stream(values()).map(FigureView::label).collect(Collectors.joining(", "));
    }

    /** The view of this name, in any case. */
    public static FigureView named(String label) {
        for (FigureView view : values()) {
            if (view.label().equalsIgnoreCase(label.strip())) {
                return view;
            }
        }
        throw new IllegalArgumentException("there is no view '" + label + "': the views are " + labels());
    }

    /**
     * The view's node in the plot area. Drawn alone it names its own time axis, which the plot area
     * leaves to the lowest of its stacked plots.
     */
    public Region takeFrom(PlotArea plots) {
        String timeLabel = plots.balance().chart().getXAxis().getLabel();
        return switch (this) {
            case TRACES -> withTimeLabel(plots.voltages(), plots.voltages().chart(), timeLabel);
            case RASTER -> withTimeLabel(plots.raster(), plots.raster(), timeLabel);
            case RATE -> withTimeLabel(plots.rate(), plots.rate().chart(), timeLabel);
            case BALANCE -> plots.balance();
            case STATISTICS -> plots.statistics();
        };
    }

    private static Region withTimeLabel(Region view, XYChart<?, ?> chart, String timeLabel) {
        chart.getXAxis().setLabel(timeLabel);
        return view;
    }
}
