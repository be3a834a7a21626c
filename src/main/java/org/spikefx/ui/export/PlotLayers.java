package org.spikefx.ui.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Shape;

import org.spikefx.ui.PlotArea;
import org.spikefx.ui.model.BalanceTraces;
import org.spikefx.ui.model.Histogram;
import org.spikefx.ui.model.MinMaxDecimator;
import org.spikefx.ui.model.SpikeRaster;
import org.spikefx.ui.view.BalanceView;
import org.spikefx.ui.view.PopulationRateView;
import org.spikefx.ui.view.SpikeRasterView;
import org.spikefx.ui.view.StatisticsView;
import org.spikefx.ui.view.VoltageTraceView;

/**
 * The data of each plot as vector drawings, taken from the views' models (nothing is simulated
 * again) and placed with the charts' own axes and plot areas, so that they land where the screen
 * draws them. Each layer replaces the chart node that shows the data on screen. FX thread only.
 */
final class PlotLayers {
    private final Node figure;
    private final int maxVectorSpikes;
    private final Map<Node, Drawing> layers = new HashMap<>();

    private PlotLayers(Node figure, int maxVectorSpikes) {
        this.figure = figure;
        this.maxVectorSpikes = maxVectorSpikes;
    }

    /**
     * @param maxVectorSpikes a raster with more spikes than this is embedded as the screen's image
     * @return for each chart's data node, the layer that draws its data
     */
    static Map<Node, Drawing> of(PlotArea plots, int maxVectorSpikes) {
        PlotLayers layers = new PlotLayers(plots, maxVectorSpikes);
        layers.addVoltages(plots.voltages());
        layers.addRaster(plots.raster());
        layers.addRate(plots.rate());
        layers.addBalance(plots.balance());
        layers.addHistogram("cv-histogram", plots.statistics().cvHistogram());
        layers.addHistogram("rate-histogram", plots.statistics().rateHistogram());
        return layers.layers;
    }

    private void addVoltages(VoltageTraceView view) {
        Frame frame = frameOf(view.chart());
        int[] neurons = view.shownNeurons();
        List<Drawing> lines = new ArrayList<>();
        for (int i = 0; i < neurons.length; i++) {
            lines.add(line("trace neuron-" + neurons[i], view.traces().trace(neurons[i]),
                    VoltageTraceView.offset(i), frame, seriesInk(view.chart(), i, "chart-series-line")));
        }
        add(view.chart(), "voltage-traces", frame, lines);
    }

    private void addRate(PopulationRateView view) {
        Frame frame = frameOf(view.chart());
        add(view.chart(), "population-rate", frame, area(pointsOf(view.bins(), 0, frame), frame, view.chart()));
    }

    private void addBalance(BalanceView view) {
        XYChart<Number, Number> chart = view.chart();
        BalanceTraces traces = view.traces();
        Frame frame = frameOf(chart);
        List<MinMaxDecimator> parts = List.of(traces.excitatory(), traces.inhibitory(), traces.net());
        List<String> names = List.of("excitatory", "inhibitory", "net");
        List<Drawing> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            lines.add(line("trace " + names.get(i), parts.get(i), 0, frame, seriesInk(chart, i, "chart-series-line")));
        }
        add(chart, "balance", frame, lines);
    }

    /** A histogram as the staircase the screen shows: each bin a flat step across its width. */
    private void addHistogram(String name, StatisticsView.StepHistogram histogram) {
        XYChart<Number, Number> chart = histogram.chart();
        Frame frame = frameOf(chart);
        Histogram shown = histogram.shown();
        int[] counts = shown.counts();
        double[] corners = new double[4 * counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            corners[4 * bin] = frame.x(bin * shown.binWidth());
            corners[4 * bin + 1] = frame.y(counts[bin]);
            corners[4 * bin + 2] = frame.x((bin + 1) * shown.binWidth());
            corners[4 * bin + 3] = frame.y(counts[bin]);
        }
        add(chart, name, frame, area(corners, frame, chart));
    }

    /**
     * Every spike in the window as a vector mark where the screen's raster puts it: at its time, over
     * its neuron's rows. Too many spikes for a file to stay small, or a window whose oldest spikes are
     * no longer kept, and the screen's image is embedded instead.
     */
    private void addRaster(SpikeRasterView view) {
        SpikeRaster raster = view.raster();
        Frame frame = frameOf(view);
        Drawing content;
        if (raster.spikesInView() > maxVectorSpikes || !raster.keepsEverySpikeInView()) {
            Node imageView = view.lookup(".raster-image");
            Bounds image = Placement.boundsOf(imageView, imageView.getLayoutBounds(), figure);
            content = new Drawing.RasterImage(image.getMinX(), image.getMinY(), raster.width(), raster.height(),
                    raster.pixels().clone());
        } else {
            content = new MarkCollector(raster, frame).collect(view);
        }
        add(view, "spike-raster", frame, List.of(content));
    }

    /** Gathers the spike marks, counting how many spikes fell on each pixel of the current column so far. */
    private static final class MarkCollector {
        private final SpikeRaster raster;
        private final Frame frame;
        private final boolean layered;
        private final int[] spikesOnRow;
        private final int count;
        private final double[] x;
        private final double[] top;
        private final double[] height;
        private final int[] layer;
        private int layers = 1;
        private long column = Long.MIN_VALUE;
        private int next;

        MarkCollector(SpikeRaster raster, Frame frame) {
            this.raster = raster;
            this.frame = frame;
            // Fully opaque marks look the same however many overlap; only fainter ones need layers.
            layered = raster.spikeOpacity() < 1;
            spikesOnRow = new int[raster.height()];
            count = raster.spikesInView();
            x = new double[count];
            top = new double[count];
            height = new double[count];
            layer = new int[count];
        }

        Drawing.SpikeMarks collect(SpikeRasterView view) {
            raster.forEachSpikeInView(this::add);
            return new Drawing.SpikeMarks(x, top, height, layer, layers, view.spikeColorProperty().get(),
                    raster.spikeOpacity());
        }

        private void add(int step, int neuron) {
            if (raster.x(step) != column) {
                column = raster.x(step);
                Arrays.fill(spikesOnRow, 0);
            }
            int topRow = raster.topRow(neuron);
            int bottomRow = raster.bottomRow(neuron);
            // The mark is one pixel wide, centred on the middle of the spike's pixel column.
            x[next] = frame.x(step * raster.dt()) + 0.5;
            top[next] = frame.top() + topRow;
            height[next] = bottomRow - topRow + 1;
            layer[next] = layered ? spikesOnRow[bottomRow]++ : 0;
            layers = Math.max(layers, layer[next] + 1);
            next++;
        }
    }

    private void add(XYChart<Number, Number> chart, String name, Frame frame, List<Drawing> content) {
        layers.put(chart.lookup(".plot-content"), new Drawing.Layer(name, frame.left(), frame.top(), frame.width(),
                frame.height(), content));
    }

    private static Drawing line(String name, MinMaxDecimator source, double offset, Frame frame, Ink ink) {
        return new Drawing.Outline(name, List.of(new Drawing.Polyline(pointsOf(source, offset, frame), false)),
                ink.strokeOnly());
    }

    /** The thinned points of a series in figure coordinates, each value raised by {@code offset}. */
    private static double[] pointsOf(MinMaxDecimator source, double offset, Frame frame) {
        DoubleStream.Builder points = DoubleStream.builder();
        source.forEachPoint((time, value) -> points.add(frame.x(time)).add(frame.y(value + offset)));
        return points.build().toArray();
    }

    /** An area chart's series: the area down to zero filled, then the line along its top. */
    private static List<Drawing> area(double[] line, Frame frame, XYChart<Number, Number> chart) {
        if (line.length < 4) {
            return List.of();
        }
        double[] polygon = Arrays.copyOf(line, line.length + 4);
        polygon[line.length] = line[line.length - 2];
        polygon[line.length + 1] = frame.y(0);
        polygon[line.length + 2] = line[0];
        polygon[line.length + 3] = frame.y(0);
        return List.of(
                new Drawing.Outline("area", List.of(new Drawing.Polyline(polygon, true)),
                        seriesInk(chart, 0, "chart-series-area-fill").fillOnly()),
                new Drawing.Outline("line", List.of(new Drawing.Polyline(line, false)),
                        seriesInk(chart, 0, "chart-series-area-line").strokeOnly()));
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
