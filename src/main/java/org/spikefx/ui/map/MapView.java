package org.spikefx.ui.map;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.spikefx.analysis.CellRun;
import org.spikefx.analysis.MapFigure;
import org.spikefx.analysis.MapStatistic;
import org.spikefx.analysis.SweepMap;
import org.spikefx.analysis.SweepSpec;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.Preset;

/**
 * The four heat maps of a {@link MapModel}, drawn by the same layout as the saved figure
 * ({@link MapFigure}) and scaled to fit. Hovering over a
 * cell shows its numbers; clicking it hands its parameters (with the cell's first seed) on, to be run
 * in the live view. Redraws at most once per pulse however many cells arrive.
 */
public final class MapView extends Region {
    private final MapModel model;
    private final Consumer<NetworkParameters> open;
    private final Canvas canvas = new Canvas();
    private final StringProperty readout = new SimpleStringProperty("");
    private boolean redrawPending;
    /** Figure units to pixels, and where the figure starts in the canvas. */
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    /** @param open receives the parameters of a clicked cell, on the FX thread */
    public MapView(MapModel model, Consumer<NetworkParameters> open) {
        this.model = model;
        this.open = open;
        getChildren().add(canvas);
        getStyleClass().add("map-view");
        model.changesProperty().addListener((observable, before, now) -> scheduleRedraw());
        model.mapProperty().addListener((observable, before, now) -> scheduleRedraw());
        canvas.setOnMouseMoved(event -> hover(event.getX(), event.getY()));
        canvas.setOnMouseExited(event -> readout.set(""));
        canvas.setOnMouseClicked(event -> cellAt(event.getX(), event.getY())
                .ifPresent(cell -> open.accept(model.mapProperty().get().spec().cell(cell.i(), cell.j()))));
        setMinSize(320, 240);
        setPrefSize(MapFigure.WIDTH * 0.6, MapFigure.HEIGHT * 0.6);
    }

    /** The hovered cell's numbers, or empty. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout;
    }

    /** Where a cell's centre lies in this view, for a click. */
    public Point2D centreOf(MapStatistic statistic, int i, int j) {
        double[] centre = MapFigure.centreOf(model.mapProperty().get().spec(), new MapFigure.Cell(statistic, i, j));
        return new Point2D(offsetX + centre[0] * scale, offsetY + centre[1] * scale);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            redraw();
        }
    }

    private void scheduleRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            javafx.application.Platform.runLater(() -> {
                redrawPending = false;
                redraw();
            });
        }
    }

    private void redraw() {
        GraphicsContext graphics = canvas.getGraphicsContext2D();
        graphics.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        SweepMap map = model.mapProperty().get();
        if (map == null) {
            return;
        }
        scale = Math.min(canvas.getWidth() / MapFigure.WIDTH, canvas.getHeight() / MapFigure.HEIGHT);
        offsetX = (canvas.getWidth() - MapFigure.WIDTH * scale) / 2;
        offsetY = (canvas.getHeight() - MapFigure.HEIGHT * scale) / 2;
        graphics.save();
        graphics.translate(offsetX, offsetY);
        graphics.scale(scale, scale);
        MapFigure.draw(map, new FxSurface(graphics));
        graphics.restore();
    }

    private void hover(double x, double y) {
        Optional<MapFigure.Cell> cell = cellAt(x, y);
        canvas.setCursor(cell.isPresent() ? Cursor.HAND : Cursor.DEFAULT);
        readout.set(cell.map(this::describe).orElse(""));
    }

    private Optional<MapFigure.Cell> cellAt(double x, double y) {
        SweepMap map = model.mapProperty().get();
        if (map == null) {
            return Optional.empty();
        }
        return MapFigure.cellAt(map.spec(), (x - offsetX) / scale, (y - offsetY) / scale);
    }

    /**
     * E.g. "g = 0.05, offset = -40: rate 12.3 Hz, CV 0.91, silent 0.02, synchrony 1.3 (seed 100) — click to
     * run it".
     */
    private String describe(MapFigure.Cell cell) {
        SweepMap map = model.mapProperty().get();
        SweepSpec spec = map.spec();
        StringBuilder text = new StringBuilder()
                .append(spec.x().parameter().key()).append(" = ").append(Parameter.format(spec.x().value(cell.i())))
                .append(", ").append(spec.y().parameter().key()).append(" = ")
                .append(Parameter.format(spec.y().value(cell.j()))).append(": ");
        if (!map.hasCell(cell.i(), cell.j())) {
            return text.append("not run yet").toString();
        }
        String separator = "";
        for (MapStatistic statistic : MapStatistic.values()) {
            double mean = map.mean(statistic, cell.i(), cell.j());
            text.append(separator).append(statistic.shortName()).append(' ')
                    .append(Double.isNaN(mean) ? "none" : MapFigure.formatValue(mean));
            if (spec.seeds() > 1 && !Double.isNaN(mean)) {
                text.append(" ± ").append(MapFigure.formatValue(map.spread(statistic, cell.i(), cell.j())));
            }
            if (!statistic.unit().isEmpty()) {
                text.append(' ').append(statistic.unit());
            }
            separator = ", ";
        }
        CellRun first = map.run(cell.i(), cell.j(), 0);
        text.append(spec.seeds() > 1 ? " (mean ± SD of " + spec.seeds() + " seeds)" : " (seed " + first.seed() + ")");
        Preset.matching(spec.cell(cell.i(), cell.j())).ifPresent(preset -> text.append("; the preset ")
                .append(preset.title()));
        return text.append(" — click to run it").toString();
    }

    /** Draws a figure of analysis on a JavaFX canvas: the map's, and any other drawn through a {@link MapFigure.Surface}. */
    public record FxSurface(GraphicsContext graphics) implements MapFigure.Surface {
        @Override
        public void fill(double x, double y, double w, double h, int rgb) {
            graphics.setFill(colour(rgb));
            graphics.fillRect(x, y, w, h);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, int rgb, double width) {
            graphics.setStroke(colour(rgb));
            graphics.setLineWidth(width);
            graphics.strokeLine(x1, y1, x2, y2);
        }

        @Override
        public void ring(double x, double y, double radius, int rgb, double width) {
            graphics.setStroke(colour(rgb));
            graphics.setLineWidth(width);
            graphics.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
        }

        @Override
        public void text(String text, double x, double y, double size, MapFigure.Anchor anchor, boolean bold,
                         double degrees) {
            graphics.save();
            graphics.translate(x, y);
            graphics.rotate(degrees);
            graphics.setFill(Color.BLACK);
            graphics.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
            graphics.setTextBaseline(VPos.BASELINE);
            graphics.setTextAlign(switch (anchor) {
                case START -> TextAlignment.LEFT;
                case MIDDLE -> TextAlignment.CENTER;
                case END -> TextAlignment.RIGHT;
            });
            graphics.fillText(text, 0, 0);
            graphics.restore();
        }

        private static Color colour(int rgb) {
            return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
        }
    }
}
