package org.spikefx.ui.view;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.ValueAxis;

import org.spikefx.ui.view.plot.LayerCanvas;

/**
 * A time plot: the chart's axes, grid and plot area, with the data drawn into one image by a
 * {@link LayerCanvas} rather than as chart series, and nodes the view draws over the plot, in the axes'
 * display coordinates: the stretch of a box zoom, threshold lines, shaded refractory periods, a readout.
 * The view places those nodes each time the chart lays out its plot.
 */
final class TimeLineChart extends LineChart<Number, Number> {
    private final LayerCanvas layers;
    private final GridLines grid;
    private Runnable afterLayout = () -> { };

    TimeLineChart(PlotAxis timeAxis, PlotAxis valueAxis) {
        super(timeAxis, valueAxis);
        setCreateSymbols(false);
        setAnimated(false);
        setLegendVisible(false);
        getStyleClass().add("time-plot");
        layers = new LayerCanvas(getPlotChildren(), this::requestChartLayout);
        grid = new GridLines(getPlotChildren());
    }

    /** The series drawn, as layers of one image. */
    LayerCanvas layers() {
        return layers;
    }

    /** Nodes drawn over the plot (and clipped to it), over the layers. */
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
        PlotAxis time = (PlotAxis) getXAxis();
        PlotAxis values = (PlotAxis) getYAxis();
        layers.layout(time, values);
        grid.layout(time, values, time.getWidth(), values.getHeight());
        afterLayout.run();
    }
}
