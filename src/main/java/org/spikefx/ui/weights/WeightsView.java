package org.spikefx.ui.weights;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.spikefx.analysis.MapFigure;
import org.spikefx.analysis.WeightBlock;
import org.spikefx.analysis.WeightFigure;
import org.spikefx.ui.map.MapView;

/**
 * The {@link WeightFigure} of a {@link WeightsModel}, laid out for the view's size (not scaled down
 * from the exported figure, so that its text keeps its size), and the gestures on its heat map: the
 * wheel zooms about the entry under the pointer, down to single synapses; a drag pans; a double-click
 * shows the whole matrix; hovering reads a cell (i, j and w once each cell is one entry). Each gesture
 * asks the model for a new block, which gathers it in the background; the view only draws.
 */
public final class WeightsView extends Region {
    /** One wheel notch zooms by this factor (in) or its inverse (out). */
    static final double ZOOM_STEP = 0.8;
    /** Presentation mode draws everything this much larger. */
    static final double PRESENTATION_SCALE = 1.3;

    private final WeightsModel model;
    private final Consumer<WeightBlock.Range> showBlock;
    private final Canvas canvas = new Canvas();
    /** Outlines the hovered cell: a node over the canvas, so that hovering never redraws the figure. */
    private final Rectangle hovered = new Rectangle();
    private final StringProperty readout = new SimpleStringProperty("");
    private final ObjectProperty<WeightFigure.Panel> alone = new SimpleObjectProperty<>();
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private WeightFigure.Layout layout;
    private boolean redrawPending;
    private Point2D pressedAt;
    private WeightBlock.Range pressedRange;

    /** @param showBlock asks for another block (the model's showBlock, or a refusal shown by the window) */
    public WeightsView(WeightsModel model, Consumer<WeightBlock.Range> showBlock) {
        this.model = model;
        this.showBlock = showBlock;
        hovered.setFill(Color.TRANSPARENT);
        hovered.setStroke(Color.BLACK);
        hovered.setStrokeWidth(2);
        hovered.setMouseTransparent(true);
        hovered.setVisible(false);
        getChildren().addAll(canvas, hovered);
        getStyleClass().add("weights-view");
        model.contentProperty().addListener((observable, before, now) -> scheduleRedraw());
        alone.addListener((observable, before, now) -> scheduleRedraw());
        scale.addListener((observable, before, now) -> scheduleRedraw());
        canvas.setOnMouseMoved(event -> hover(event.getX(), event.getY()));
        canvas.setOnMouseExited(event -> {
            readout.set("");
            hovered.setVisible(false);
        });
        canvas.setOnScroll(this::zoom);
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(event -> {
            pressedAt = null;
            canvas.setCursor(Cursor.DEFAULT);
        });
        canvas.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && onHeatMap(event)
                    && model.network() != null) {
                showBlock.accept(WeightBlock.Range.whole(model.network().neuronCount()));
            }
        });
        setMinSize(320, 240);
        setPrefSize(WeightFigure.EXPORT_WIDTH * 0.6, WeightFigure.EXPORT_HEIGHT * 0.6);
    }

    /** The hovered cell's numbers, or empty. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout;
    }

    /** The one panel shown beside the heat map, or null for all six. */
    public ObjectProperty<WeightFigure.Panel> aloneProperty() {
        return alone;
    }

    /** Screen pixels per unit of the figure: 1, or larger in presentation mode. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** Where the heat map's cell (r, c) of the block shown lies in this view, for a test's pointer. */
    public Point2D centreOfCell(int r, int c) {
        WeightBlock block = model.block();
        WeightFigure.Box heat = layout.heat();
        double s = scale.get();
        return new Point2D(s * (heat.x() + (c + 0.5) * heat.width() / block.cellColumns()),
                s * (heat.y() + (r + 0.5) * heat.height() / block.cellRows()));
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    private void scheduleRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(() -> {
                redrawPending = false;
                redraw();
            });
        }
    }

    private void redraw() {
        hovered.setVisible(false); // the block under it may have changed
        GraphicsContext graphics = canvas.getGraphicsContext2D();
        graphics.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double s = scale.get();
        layout = WeightFigure.layout(canvas.getWidth() / s, canvas.getHeight() / s, alone.get());
        WeightFigure.Content content = model.contentProperty().get();
        if (content == null) {
            return;
        }
        graphics.save();
        graphics.scale(s, s);
        WeightFigure.draw(content, new MapView.FxSurface(graphics), layout);
        graphics.restore();
    }

    private boolean onHeatMap(MouseEvent event) {
        return layout != null && layout.heat().contains(event.getX() / scale.get(), event.getY() / scale.get());
    }

    private void hover(double x, double y) {
        WeightBlock block = model.block();
        Optional<int[]> cell = layout == null ? Optional.empty()
                : WeightFigure.cellAt(layout, block, x / scale.get(), y / scale.get());
        canvas.setCursor(cell.isPresent() ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        readout.set(cell.map(at -> describe(block, at[0], at[1])).orElse(""));
        hovered.setVisible(cell.isPresent());
        cell.ifPresent(at -> {
            WeightFigure.Box heat = layout.heat();
            double s = scale.get();
            double width = heat.width() / block.cellColumns();
            double height = heat.height() / block.cellRows();
            hovered.setX(s * (heat.x() + at[1] * width));
            hovered.setY(s * (heat.y() + at[0] * height));
            hovered.setWidth(Math.max(2, s * width));
            hovered.setHeight(Math.max(2, s * height));
        });
    }

    /**
     * E.g. "i = 12, j = 340: w = 0.0123" for a single entry ("no synapse" where there is none), or "rows 0 to
     * 9, columns 100 to 109: mean w = 0.00012, 11 synapses".
     */
    static String describe(WeightBlock block, int r, int c) {
        if (block.singleEntries()) {
            int i = block.firstRow(r);
            int j = block.firstColumn(c);
            return block.synapses(r, c) == 0 ? String.format(Locale.ROOT, "i = %d, j = %d: no synapse", i, j)
                    : String.format(Locale.ROOT, "i = %d, j = %d: w = %.6g (from neuron %d onto neuron %d)", i, j,
                    block.mean(r, c), j, i);
        }
        return String.format(Locale.ROOT, "rows %d to %d, columns %d to %d: mean w = %s, %d synapses — the wheel"
                + " zooms in", block.firstRow(r), block.lastRow(r), block.firstColumn(c), block.lastColumn(c),
                MapFigure.formatValue(block.mean(r, c)), block.synapses(r, c));
    }

    private void zoom(ScrollEvent event) {
        WeightBlock block = model.block();
        if (block == null || event.getDeltaY() == 0 || !layout.heat().contains(event.getX() / scale.get(),
                event.getY() / scale.get())) {
            return;
        }
        double[] entry = WeightFigure.entryAt(layout, block, event.getX() / scale.get(), event.getY() / scale.get());
        double factor = event.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
        WeightBlock.Range current = model.rangeProperty().get();
        showBlock.accept(current.zoom(factor, entry[0], entry[1], model.network().neuronCount()));
        event.consume();
    }

    private void press(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && onHeatMap(event) && model.block() != null) {
            pressedAt = new Point2D(event.getX(), event.getY());
            pressedRange = model.rangeProperty().get();
        }
    }

    private void drag(MouseEvent event) {
        if (pressedAt == null) {
            return;
        }
        canvas.setCursor(Cursor.CLOSED_HAND);
        WeightFigure.Box heat = layout.heat();
        double s = scale.get();
        int byColumns = (int) Math.round(-(event.getX() - pressedAt.getX()) / s / heat.width() * pressedRange.columns());
        int byRows = (int) Math.round(-(event.getY() - pressedAt.getY()) / s / heat.height() * pressedRange.rows());
        showBlock.accept(pressedRange.pan(byRows, byColumns, model.network().neuronCount()));
    }
}
