package org.spikefx.ui.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.spikefx.ui.PlotArea;

/**
 * One plot drawn alone as a figure of its own, named on the command line in lower case: a plot of the
 * plot area, or the training plot, which only a trained network has.
 */
public enum FigureView {
    /** The voltage traces with their legend. */
    TRACES(PlotArea.Plot.VOLTAGES),
    /** The spike raster. */
    RASTER(PlotArea.Plot.RASTER),
    /** The population rate. */
    RATE(PlotArea.Plot.RATE),
    /** The balance of excitatory and inhibitory input. */
    BALANCE(PlotArea.Plot.BALANCE),
    /** The histograms and numbers of the run. */
    STATISTICS(PlotArea.Plot.STATISTICS),
    /** The target and the readout of a trained network, the error beneath, the phases shaded. */
    TRAINING(null);

    private final PlotArea.Plot plot;

    FigureView(PlotArea.Plot plot) {
        this.plot = plot;
    }

    /**
     * The plot of the plot area this view shows alone: maximised, with its title and its time axis named.
     *
     * @throws IllegalStateException for the training plot, which is not in the plot area
     */
    public PlotArea.Plot plot() {
        if (plot == null) {
            throw new IllegalStateException("the " + label() + " plot is not in the plot area");
        }
        return plot;
    }

    /** Whether this is a plot of the plot area, which every run has (the training plot is not). */
    public boolean inPlotArea() {
        return plot != null;
    }

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
}
