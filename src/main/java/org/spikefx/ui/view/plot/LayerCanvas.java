package org.spikefx.ui.view.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.ValueAxis;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Path;
import javafx.scene.shape.Shape;
import javafx.scene.transform.Scale;

/**
 * Draws a plot's layers into one image, in the plot's pixels, instead of a chart series per layer: a
 * series is a path of nodes that the chart lays out again whenever its axes move, which a zoom or a pan
 * does every frame; the image is drawn once per frame, and only when its data or its axes changed
 * ({@link RedrawGate}), from at most four points per pixel column ({@link PixelPolyline}).
 *
 * <p>Each layer has an empty path among the plot's nodes that carries its style classes, so the
 * stylesheet styles a layer exactly as it styled the chart's series (the themes' colours, presentation
 * mode's widths); the image takes its colour, width, dashes, ends and corners from it, and so does an
 * exported figure. Part of the drawing layer: views use it through their own small API. FX thread only.
 */
public final class LayerCanvas {
    /** Style class of the image node; its user data is the {@link LayerCanvas} that draws it. */
    public static final String STYLE_CLASS = "plot-layers";

    /** Style class of the dashes of a dashed layer (views.css). */
    public static final String DASHED = "dashed-line";

    private final Canvas canvas = new Canvas();
    private final ObservableList<Node> plotChildren;
    private final Runnable requestLayout;
    private final RedrawGate gate = new RedrawGate();
    private final List<Drawn> layers = new ArrayList<>();
    private final InvalidationListener restyled = style -> force();
    /** Image pixels per plot pixel: 1 on screen, more while a figure is exported at a larger scale. */
    private int scale = 1;
    private ValueAxis<Number> lastXAxis;
    private ValueAxis<Number> lastYAxis;

    /** A layer with the nodes that carry its style and the line made for it at the last draw. */
    private record Drawn(PlotLayer layer, Path line, Path fill, PixelPolyline polyline) {
    }

    /**
     * @param plotChildren  the plot's nodes, in the plot area's coordinates: the image goes in at the bottom
     * @param requestLayout asks for a layout of the plot, in which {@link #layout} runs
     */
    public LayerCanvas(ObservableList<Node> plotChildren, Runnable requestLayout) {
        this.plotChildren = plotChildren;
        this.requestLayout = requestLayout;
        canvas.setMouseTransparent(true);
        canvas.getStyleClass().add(STYLE_CLASS);
        canvas.setUserData(this);
        plotChildren.add(0, canvas);
    }

    /** Draws these layers from now on, bottom first, in place of those before. */
    public void setLayers(List<PlotLayer> newLayers) {
        for (Drawn drawn : layers) {
            plotChildren.remove(drawn.line);
            if (drawn.fill != null) {
                plotChildren.remove(drawn.fill);
            }
        }
        layers.clear();
        newLayers.forEach(this::addLayer);
        force();
    }

    /** Draws one more layer, over the others. */
    public void add(PlotLayer layer) {
        addLayer(layer);
        force();
    }

    private void addLayer(PlotLayer layer) {
        int index = layers.size();
        LineStyle style = layer.style();
        Path line = styleCarrier(style.filled() ? "chart-series-area-line" : "chart-series-line", index, style);
        Path fill = style.filled() ? styleCarrier("chart-series-area-fill", index, style) : null;
        int at = plotChildren.indexOf(canvas) + 1;
        plotChildren.add(at, line);
        if (fill != null) {
            plotChildren.add(at, fill);
        }
        layers.add(new Drawn(layer, line, fill, new PixelPolyline()));
    }

    /** An empty path with the style classes a chart gives its series' line or area. */
    private Path styleCarrier(String kind, int index, LineStyle style) {
        Path carrier = new Path();
        carrier.getStyleClass().setAll(kind, "series" + index, "default-color" + style.colour());
        if (style.dashed()) {
            carrier.getStyleClass().add(DASHED);
        }
        carrier.setMouseTransparent(true);
        carrier.setManaged(false);
        carrier.strokeProperty().addListener(restyled);
        carrier.strokeWidthProperty().addListener(restyled);
        carrier.fillProperty().addListener(restyled);
        carrier.getStrokeDashArray().addListener(restyled);
        return carrier;
    }

    /** The layers drawn, bottom first. */
    public List<PlotLayer> layers() {
        return layers.stream().map(Drawn::layer).toList();
    }

    /** The node that carries layer {@code index}'s line style, as the stylesheet left it (for export). */
    public Shape lineStyle(int index) {
        return layers.get(index).line;
    }

    /** The node that carries layer {@code index}'s fill, or null for a layer without one (for export). */
    public Shape fillStyle(int index) {
        return layers.get(index).fill;
    }

    /**
     * The points of layer {@code index} that the last draw drew, in data coordinates: {time, value}, the
     * layer's offset included.
     */
    public double[][] drawnPoints(int index) {
        return layers.get(index).polyline.dataPoints();
    }

    /** How many times the image was drawn. */
    public long draws() {
        return gate.draws();
    }

    /** The data may have changed: draws again in the next layout if it did. Many calls in a frame cost one draw. */
    public void invalidate() {
        if (gate.invalidate()) {
            requestLayout.run();
        }
    }

    private void force() {
        if (gate.force()) {
            requestLayout.run();
        }
    }

    /**
     * Fits the image to the plot area and draws it if anything it shows changed: call it where the plot
     * lays out its nodes, after its axes.
     */
    public void layout(ValueAxis<Number> xAxis, ValueAxis<Number> yAxis) {
        lastXAxis = xAxis;
        lastYAxis = yAxis;
        double width = Math.max(0, Math.floor(xAxis.getWidth()));
        double height = Math.max(0, Math.floor(yAxis.getHeight()));
        double[] state = new double[7 + layers.size()];
        state[6 + layers.size()] = scale;
        state[0] = xAxis.getLowerBound();
        state[1] = xAxis.getUpperBound();
        state[2] = yAxis.getLowerBound();
        state[3] = yAxis.getUpperBound();
        state[4] = width;
        state[5] = height;
        for (int k = 0; k < layers.size(); k++) {
            state[6 + k] = layers.get(k).layer.source().modifications();
        }
        gate.drawIfDue(state, () -> draw(xAxis, yAxis, width, height));
    }

    /**
     * Draws the image with {@code newScale} image pixels per plot pixel from now on, at once if the plot
     * has been laid out: an exported figure at 2x or 4x gets crisp lines, not the screen's pixels made
     * bigger. Set it back to 1 after the export.
     */
    public void setScale(int newScale) {
        if (newScale < 1) {
            throw new IllegalArgumentException("an image scale is at least 1, not " + newScale);
        }
        scale = newScale;
        canvas.getTransforms().setAll(newScale == 1 ? List.of() : List.of(new Scale(1.0 / newScale, 1.0 / newScale, 0, 0)));
        if (lastXAxis != null) {
            gate.force();
            layout(lastXAxis, lastYAxis);
        }
    }

    private void draw(ValueAxis<Number> xAxis, ValueAxis<Number> yAxis, double width, double height) {
        if (canvas.getWidth() != width * scale || canvas.getHeight() != height * scale) {
            canvas.setWidth(width * scale);
            canvas.setHeight(height * scale);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTransform(scale, 0, 0, scale, 0, 0);
        PixelPolyline.Mapping x = mapping(xAxis);
        PixelPolyline.Mapping y = mapping(yAxis);
        for (Drawn drawn : layers) {
            PixelPolyline line = drawn.polyline;
            line.make(drawn.layer.source(), drawn.layer.offset(), x, y);
            int n = line.size();
            if (n == 0) {
                continue;
            }
            if (drawn.fill != null && drawn.fill.getFill() != null && n > 1) {
                fillToZero(g, line, drawn.fill.getFill(), y.map(0));
            }
            Shape ink = drawn.line;
            Paint stroke = ink.getStroke();
            if (stroke == null || ink.getStrokeWidth() <= 0) {
                continue;
            }
            g.setStroke(stroke);
            g.setLineWidth(ink.getStrokeWidth());
            g.setLineCap(ink.getStrokeLineCap());
            g.setLineJoin(ink.getStrokeLineJoin());
            g.setLineDashes(ink.getStrokeDashArray().stream().mapToDouble(Double::doubleValue).toArray());
            if (n == 1) {
                // One point: a dot the width of the line, as a chart draws a lone point of a series.
                double r = ink.getStrokeWidth() / 2;
                g.setFill(stroke);
                g.fillOval(line.xs()[0] - r, line.ys()[0] - r, 2 * r, 2 * r);
            } else {
                g.strokePolyline(line.xs(), line.ys(), n);
            }
        }
    }

    /** The area between the line and zero, closed along zero. */
    private static void fillToZero(GraphicsContext g, PixelPolyline line, Paint fill, double zero) {
        int n = line.size();
        double[] xs = Arrays.copyOf(line.xs(), n + 2);
        double[] ys = Arrays.copyOf(line.ys(), n + 2);
        xs[n] = xs[n - 1];
        ys[n] = zero;
        xs[n + 1] = xs[0];
        ys[n + 1] = zero;
        g.setFill(fill);
        g.fillPolygon(xs, ys, n + 2);
    }

    /** Where the axis puts a value, as origin + value * pixels per unit (a value axis is linear). */
    private static PixelPolyline.Mapping mapping(ValueAxis<Number> axis) {
        double origin = axis.getDisplayPosition(0);
        return new PixelPolyline.Mapping(origin, axis.getDisplayPosition(1) - origin);
    }
}
