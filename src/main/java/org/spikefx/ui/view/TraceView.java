package org.spikefx.ui.view;

import java.util.List;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.spikefx.analysis.TickSpacing;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.plot.LayerCanvas;
import org.spikefx.ui.view.plot.PlotLayer;

/**
 * Thinned traces over the shared time window, drawn as the layers of one image in a chart's axes
 * ({@link TimeLineChart}), with a one-line legend above them. (A chart's own legend hides itself
 * whenever the chart is short, as stacked views are.)
 */
abstract class TraceView extends VBox implements RunView {
    /** Room above the highest and below the lowest value drawn, as a fraction of their distance. */
    private static final double VALUE_AXIS_MARGIN = 0.04;
    /** Most steps between the round ends of an axis fitted with round ends. */
    private static final int ROUND_OUT_TICKS = 4;

    private final TimeWindow window;
    private final PlotAxis timeAxis = new PlotAxis("time (s)");
    private final TimeLineChart chart;
    private final Rectangle band = new Rectangle();
    private double bandFrom = Double.NaN;
    private double bandTo = Double.NaN;
    private final HBox legend = new HBox();
    private final Label caption = new Label();
    private double dt = 1;

    /** @param valueAxis the vertical axis, which the view ranges itself */
    TraceView(TimeWindow window, PlotAxis valueAxis) {
        this.window = window;
        chart = new TimeLineChart(timeAxis, valueAxis);
        caption.getStyleClass().add("legend-caption");
        caption.managedProperty().bind(caption.textProperty().isNotEmpty());
        legend.getStyleClass().add("series-legend");
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(legend, chart);
        band.getStyleClass().addAll("zoom-band", FIGURE_CONTROL);
        band.setMouseTransparent(true);
        band.setManaged(false);
        band.setVisible(false);
        chart.overlay().add(band);
        chart.setAfterLayout(this::layoutOverlay);
    }

    /**
     * Marks the stretch [from, to) seconds of a box zoom in progress; NaN hides the mark. Every time plot
     * marks it, so the box spans them all.
     */
    public final void showBand(double from, double to) {
        bandFrom = from;
        bandTo = to;
        chart.relayout();
    }

    /** Places what is drawn over the plot; views that draw more extend it. */
    void layoutOverlay() {
        band.setVisible(!Double.isNaN(bandFrom));
        if (band.isVisible()) {
            double left = timeAxis.getDisplayPosition(bandFrom);
            double right = timeAxis.getDisplayPosition(bandTo);
            band.setX(Math.min(left, right));
            band.setY(0);
            band.setWidth(Math.abs(right - left));
            band.setHeight(chart.getYAxis().getHeight());
            band.toFront();
        }
    }

    /** The chart's plot overlay, for views that draw over their lines. */
    final TimeLineChart timeChart() {
        return chart;
    }

    /** The chart under the legend, for styling or export. */
    public final LineChart<Number, Number> chart() {
        return chart;
    }

    /** The layers drawn: add one to draw another series in the same axes. */
    public final LayerCanvas layers() {
        return chart.layers();
    }

    /** Draws these layers from now on, in place of those before, each with an entry in the legend. */
    final void setLayers(List<PlotLayer> newLayers) {
        chart.layers().setLayers(newLayers);
        legend.getChildren().setAll(caption);
        for (PlotLayer layer : newLayers) {
            legend.getChildren().add(legendEntry(layer));
        }
    }

    /** An entry in the chart's own legend style: the layer's colour symbol, then its name. */
    private static Label legendEntry(PlotLayer layer) {
        Region symbol = new Region();
        symbol.getStyleClass().addAll("chart-line-symbol", "default-color" + layer.style().colour());
        Label entry = new Label(layer.name(), symbol);
        entry.getStyleClass().add("legend-entry");
        return entry;
    }

    /** Text before the legend's entries, e.g. which neuron the lines belong to. */
    final void setCaption(String text) {
        if (!text.equals(caption.getText())) {
            caption.setText(text);
        }
    }

    final TimeWindow window() {
        return window;
    }

    /** Thinning columns of the plot: one per pixel column (or a guess before the first layout). */
    final int plotColumns() {
        return timeAxis.thinningColumns();
    }

    /** Has the model thin the steps [fromStep, toStep) for a plot of this span and width. */
    abstract void update(int fromStep, int toStep, double span, int pixelColumns);

    /** Starts a new run of steps of {@code dt} seconds. */
    final void setStep(double dt) {
        this.dt = dt;
    }

    /** The step length of the run shown, in seconds. */
    final double dt() {
        return dt;
    }

    /**
     * Ranges the value axis from a little below the lowest value drawn to a little above the highest, as
     * the reference figure does: the axis follows the data, not 0. With nothing drawn yet it spans
     * [fallbackLow, fallbackHigh], or stays as it is if those are NaN.
     */
    final void fitValueAxis(double fallbackLow, double fallbackHigh) {
        fitValueAxis(fallbackLow, fallbackHigh, false);
    }

    /**
     * As {@link #fitValueAxis(double, double)}; with {@code roundOut}, the axis ends instead at the round
     * values just outside the data (as an axis that ranges itself), which a short axis labels.
     */
    final void fitValueAxis(double fallbackLow, double fallbackHigh, boolean roundOut) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (PlotLayer layer : chart.layers().layers()) {
            double offset = layer.offset();
            layer.source().forEachPoint((time, value) -> {
                range[0] = Math.min(range[0], value + offset);
                range[1] = Math.max(range[1], value + offset);
            });
        }
        double low = range[0];
        double high = range[1];
        if (!(low < high)) {
            if (Double.isNaN(fallbackLow)) {
                return;
            }
            low = fallbackLow;
            high = fallbackHigh;
        }
        double lower;
        double upper;
        if (roundOut) {
            double step = TickSpacing.step(high - low, ROUND_OUT_TICKS);
            lower = Math.floor(low / step) * step;
            upper = Math.ceil(high / step) * step;
        } else {
            double margin = VALUE_AXIS_MARGIN * (high - low);
            lower = low - margin;
            upper = high + margin;
        }
        FixedRangeAxis axis = (FixedRangeAxis) chart.getYAxis();
        if (axis.getLowerBound() != lower || axis.getUpperBound() != upper) {
            axis.setRange(lower, upper);
        }
    }

    /** The time axis, shared in range with every other time plot. */
    final PlotAxis timeAxis() {
        return timeAxis;
    }

    @Override
    public void redraw() {
        timeAxis.setRange(window.start(), window.end());
        int[] steps = StepRange.of(window, dt);
        update(steps[0], steps[1], window.span(), plotColumns());
        chart.layers().invalidate();
    }

}
