package org.spikefx.ui.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.DoubleStream;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Shape;

import org.spikefx.ui.PlotArea;
import org.spikefx.ui.model.Histogram;
import org.spikefx.ui.model.MinMaxDecimator;
import org.spikefx.ui.model.SpikeRaster;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.BalanceView;
import org.spikefx.ui.view.PopulationRateView;
import org.spikefx.ui.view.SpikeRasterView;
import org.spikefx.ui.view.StatisticsView;
import org.spikefx.ui.view.VoltageTraceView;
import org.spikefx.ui.view.plot.LayerCanvas;
import org.spikefx.ui.view.plot.PlotLayer;

/**
 * The data of each plot as vector drawings, taken from the views' models (nothing is simulated
 * again) and placed with the charts' own axes and plot areas, so that they land where the screen
 * draws them, in the time window the screen shows. Each layer replaces the chart node that shows the
 * data on screen. FX thread only.
 */
final class PlotLayers {
    private final Node figure;
    private final TimeWindow window;
    private final int scale;
    private final int maxVectorSpikes;
    private final Map<Node, Drawing> layers = new HashMap<>();

    private PlotLayers(Node figure, TimeWindow window, int scale, int maxVectorSpikes) {
        this.figure = figure;
        this.window = window;
        this.scale = scale;
        this.maxVectorSpikes = maxVectorSpikes;
    }

    /**
     * @param figure          the node drawn: the plot area, or a part of it such as one view
     * @param scale           how many times its size on screen the figure is shown: the resolution of
     *                        a raster embedded as an image
     * @param maxVectorSpikes a raster with more spikes than this in the time window is embedded as an image
     * @return for each chart's data node inside the figure, the layer that draws its data
     */
    static Map<Node, Drawing> of(Node figure, PlotArea plots, int scale, int maxVectorSpikes) {
        PlotLayers layers = new PlotLayers(figure, plots.window(), scale, maxVectorSpikes);
        if (layers.holds(plots.voltages())) {
            layers.addVoltages(plots.voltages());
        }
        if (layers.holds(plots.raster())) {
            layers.addRaster(plots.raster());
        }
        if (layers.holds(plots.rate())) {
            layers.addRate(plots.rate());
        }
        if (layers.holds(plots.balance())) {
            layers.addBalance(plots.balance());
        }
        if (layers.holds(plots.statistics())) {
            layers.addHistogram("cv-histogram", plots.statistics().cvHistogram());
            layers.addHistogram("rate-histogram", plots.statistics().rateHistogram());
        }
        return layers.layers;
    }

    /** Whether the view is drawn in the figure: the figure itself or inside it. */
    private boolean holds(Node view) {
        for (Node node = view; node != null; node = node.getParent()) {
            if (node == figure) {
                return true;
            }
        }
        return false;
    }

    private void addVoltages(VoltageTraceView view) {
        add(view.chart(), "voltage-traces", frameOf(view.chart()), view.layers(), layer -> {
            int neuron = view.shownNeurons()[layer];
            return "trace neuron-" + neuron;
        });
    }

    private void addRate(PopulationRateView view) {
        add(view.chart(), "population-rate", frameOf(view.chart()), view.layers(), layer -> layer == 0 ? null
                : "rate " + view.layers().layers().get(layer).name());
    }

    private void addBalance(BalanceView view) {
        add(view.chart(), "balance", frameOf(view.chart()), view.layers(),
                layer -> "trace " + view.layers().layers().get(layer).name());
    }

    /**
     * A time plot's layers as the screen draws them, bottom first: each a line through its thinned
     * points, in the ink the stylesheet gives it (dashes too), over its filled area if it has one.
     *
     * @param names the name of each layer's line in the figure; null for the line and area of a plain
     *              area plot, named "line" and "area"
     */
    private void add(XYChart<Number, Number> chart, String name, Frame frame, LayerCanvas layers,
                     IntFunction<String> names) {
        List<Drawing> content = new ArrayList<>();
        List<PlotLayer> shown = layers.layers();
        for (int k = 0; k < shown.size(); k++) {
            PlotLayer layer = shown.get(k);
            double[] points = pointsOf(layer.source(), layer.offset(), frame);
            String lineName = names.apply(k);
            Shape fill = layers.fillStyle(k);
            if (fill != null) {
                content.addAll(area(points, frame, Ink.of(fill).fillOnly(), Ink.of(layers.lineStyle(k)).strokeOnly(),
                        lineName));
            } else {
                content.add(new Drawing.Outline(lineName, List.of(new Drawing.Polyline(points, false)),
                        Ink.of(layers.lineStyle(k)).strokeOnly()));
            }
        }
        add(chart, name, frame, content);
    }

    /** A histogram as the staircase the screen shows: each bin a flat step across its width. */
    private void addHistogram(String name, StatisticsView.StepHistogram histogram) {
        XYChart<Number, Number> chart = histogram.chart();
        Frame frame = frameOf(chart);
        List<Drawing> content = new ArrayList<>(area(staircase(histogram.shown(), frame), frame,
                seriesInk(chart, 0, "chart-series-area-fill").fillOnly(), seriesInk(chart, 0, "chart-series-area-line")
                        .strokeOnly(), null));
        // Histograms of pinned runs, as outlines over it; series 0 is the histogram, slot k series k + 1.
        for (int slot = 0; slot < StatisticsView.OVERLAY_SLOTS; slot++) {
            int series = slot + 1;
            histogram.overlay(slot).ifPresent(overlay -> content.add(new Drawing.Outline(
                    "overlay " + StatisticsView.overlayStyle(series - 1),
                    List.of(new Drawing.Polyline(staircase(overlay, frame), false)),
                    seriesInk(chart, series, "chart-series-area-line").strokeOnly())));
        }
        add(chart, name, frame, content);
    }

    /** A histogram's bars as the corners of a staircase, each bin a flat step, in figure coordinates. */
    private static double[] staircase(Histogram histogram, Frame frame) {
        int[] counts = histogram.counts();
        double[] corners = new double[4 * counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            corners[4 * bin] = frame.x(bin * histogram.binWidth());
            corners[4 * bin + 1] = frame.y(counts[bin]);
            corners[4 * bin + 2] = frame.x((bin + 1) * histogram.binWidth());
            corners[4 * bin + 3] = frame.y(counts[bin]);
        }
        return corners;
    }

    /**
     * Every spike of the time window's steps, from round(start / dt) up to round(end / dt), as a mark
     * of its own: centred on its time over its neuron's rows, the size the screen draws it (a pixel,
     * or a larger dot where spikes are few). More spikes than a file can hold as marks and still open quickly, or a window
     * whose oldest spikes are no longer kept, and the raster is embedded as a picture instead: painted
     * anew from the spikes at the figure's resolution, or the screen's own pixels at 1x.
     */
    private void addRaster(SpikeRasterView view) {
        SpikeRaster raster = view.raster();
        Frame frame = frameOf(view);
        int fromStep = (int) Math.rint(window.start() / raster.dt());
        int toStep = (int) Math.rint(window.end() / raster.dt());
        Drawing content;
        if (raster.width() == 0) {
            content = new Drawing.Spikes(new double[0], new double[0], new double[0], 1, view.spikeColorProperty().get(),
                    1);
        } else if (raster.spikeCount(fromStep, toStep) > maxVectorSpikes || !raster.coversSteps(fromStep, toStep)) {
            Node imageView = view.lookup(".raster-image");
            Bounds image = Placement.boundsOf(imageView, new BoundingBox(0, 0, raster.width(), raster.height()),
                    figure);
            boolean repaint = scale > 1 && raster.keepsEverySpikeInView();
            int resolution = repaint ? scale : 1;
            content = new Drawing.RasterImage(image.getMinX(), image.getMinY(), image.getWidth(), image.getHeight(),
                    raster.width() * resolution, raster.height() * resolution,
                    repaint ? RasterAtScale.paint(raster, view.spikeColorProperty().get(), scale)
                            : finishedPixels(raster));
        } else {
            content = spikeMarks(view, fromStep, toStep, frame);
        }
        add(view, "spike-raster", frame, List.of(content));
    }

    /** The screen's pixels with every spike of the view in them, a repaint in progress finished first. */
    private static int[] finishedPixels(SpikeRaster raster) {
        raster.finishRepaint();
        return raster.pixels().clone();
    }

    private static Drawing.Spikes spikeMarks(SpikeRasterView view, int fromStep, int toStep, Frame frame) {
        SpikeRaster raster = view.raster();
        int count = raster.spikeCount(fromStep, toStep);
        double[] x = new double[count];
        double[] top = new double[count];
        double[] height = new double[count];
        int[] next = {0};
        // As on screen: a dot of the raster's size, at least as tall as the neuron's rows.
        int dot = raster.dotPixels();
        raster.forEachSpike(fromStep, toStep, (step, neuron) -> {
            int topRow = raster.markTop(neuron);
            x[next[0]] = frame.x(step * raster.dt()) - dot / 2.0;
            top[next[0]] = frame.top() + topRow;
            height[next[0]] = raster.markBottom(neuron) - topRow + 1;
            next[0]++;
        });
        return new Drawing.Spikes(x, top, height, dot, view.spikeColorProperty().get(), raster.spikeOpacity());
    }

    private void add(XYChart<Number, Number> chart, String name, Frame frame, List<Drawing> content) {
        layers.put(chart.lookup(".plot-content"), new Drawing.Layer(name, frame.left(), frame.top(), frame.width(),
                frame.height(), content));
    }

    /** The thinned points of a series in figure coordinates, each value raised by {@code offset}. */
    private static double[] pointsOf(MinMaxDecimator source, double offset, Frame frame) {
        DoubleStream.Builder points = DoubleStream.builder();
        source.forEachPoint((time, value) -> points.add(frame.x(time)).add(frame.y(value + offset)));
        return points.build().toArray();
    }

    /**
     * An area under a line: the area down to zero filled, then the line along its top; named "area"
     * and "line", or after {@code name}.
     */
    private static List<Drawing> area(double[] line, Frame frame, Ink fill, Ink stroke, String name) {
        if (line.length < 4) {
            return List.of();
        }
        double[] polygon = Arrays.copyOf(line, line.length + 4);
        polygon[line.length] = line[line.length - 2];
        polygon[line.length + 1] = frame.y(0);
        polygon[line.length + 2] = line[0];
        polygon[line.length + 3] = frame.y(0);
        return List.of(
                new Drawing.Outline(name == null ? "area" : name + " area", List.of(new Drawing.Polyline(polygon, true)),
                        fill),
                new Drawing.Outline(name == null ? "line" : name, List.of(new Drawing.Polyline(line, false)), stroke));
    }

    /** How the chart paints a series (its colour from the theme), read from the series' node on screen. */
    private static Ink seriesInk(XYChart<Number, Number> chart, int series, String styleClass) {
        return Ink.of((Shape) chart.getData().get(series).getNode().lookup("." + styleClass));
    }

    private Frame frameOf(XYChart<Number, Number> chart) {
        Node background = chart.lookup(".chart-plot-background");
        Bounds plot = Placement.boundsOf(background, background.getLayoutBounds(), figure);
        Axis<Number> xAxis = chart.getXAxis();
        Axis<Number> yAxis = chart.getYAxis();
        Point2D x0 = figure.sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(0), 0));
        Point2D x1 = figure.sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(1), 0));
        Point2D y0 = figure.sceneToLocal(yAxis.localToScene(0, yAxis.getDisplayPosition(0)));
        Point2D y1 = figure.sceneToLocal(yAxis.localToScene(0, yAxis.getDisplayPosition(1)));
        return new Frame(plot, x0.getX(), x1.getX() - x0.getX(), y0.getY(), y1.getY() - y0.getY());
    }

    /**
     * A chart's plot area in the figure, and where its axes put values: x = x0 + value * xPerUnit,
     * likewise for y.
     */
    private record Frame(Bounds plot, double x0, double xPerUnit, double y0, double yPerUnit) {
        double x(double value) {
            return x0 + value * xPerUnit;
        }

        double y(double value) {
            return y0 + value * yPerUnit;
        }

        double left() {
            return plot.getMinX();
        }

        double top() {
            return plot.getMinY();
        }

        double width() {
            return plot.getWidth();
        }

        double height() {
            return plot.getHeight();
        }
    }
}
