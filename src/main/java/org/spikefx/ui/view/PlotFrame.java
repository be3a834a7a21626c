package org.spikefx.ui.view;

import javafx.scene.layout.Region;

/**
 * Holds one plot and gives it all its room, without passing the plot's own layout requests on to the
 * window. A zoom or a pan changes a time axis' range every frame, and each change asks for a layout;
 * passed up, every frame would lay out the whole window (split panes, headers, the statistics'
 * histograms) although no size changed. Inside a frame the plot is a layout root: a range change
 * lays out that plot alone. The frame's own size comes from the window as usual.
 */
public final class PlotFrame extends Region {
    private final Region plot;

    public PlotFrame(Region plot) {
        this.plot = plot;
        plot.setManaged(false);
        getChildren().add(plot);
        getStyleClass().add("plot-frame");
    }

    /** The plot held. */
    public Region plot() {
        return plot;
    }

    @Override
    protected void layoutChildren() {
        plot.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return plot.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return plot.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return plot.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return plot.prefHeight(width);
    }
}
