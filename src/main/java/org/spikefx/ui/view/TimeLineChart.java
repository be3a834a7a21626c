package org.spikefx.ui.view;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;

/**
 * A line chart that lets its view draw over the plot, in the axes' display coordinates: the stretch of
 * a box zoom, threshold lines, shaded refractory periods, a readout. The view places those nodes each
 * time the chart lays out its plot.
 */
final class TimeLineChart extends LineChart<Number, Number> {
    private Runnable afterLayout = () -> { };

    TimeLineChart(Axis<Number> timeAxis, Axis<Number> valueAxis) {
        super(timeAxis, valueAxis);
    }

    /** Nodes drawn over the plot (and clipped to it), after the series. */
    ObservableList<Node> overlay() {
        return getPlotChildren();
    }

    /** Runs after every layout of the plot, to place the overlay. */
    void setAfterLayout(Runnable action) {
        afterLayout = action;
    }

    /** Lays the plot out again (the overlay's nodes moved). */
    void relayout() {
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        afterLayout.run();
    }
}
