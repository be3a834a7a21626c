package org.spikefx.ui.pin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import org.spikefx.run.Batch;
import org.spikefx.ui.model.SpikeStatistics;
import org.spikefx.ui.view.RunView;
import org.spikefx.ui.view.StatisticsView;

/**
 * The current run's numbers beside each pinned run's, with the differences: one column per run, the
 * pins under their letters, with what differs in their settings, a thumbnail of their raster and a
 * button to unpin them. Shown beside the histograms while anything is pinned. The rows of the pins are
 * made when the pins change; their numbers are set again only when the run has made steps since.
 */
public final class CompareView extends VBox implements RunView {
    private static final String MINUS = "\u2212";

    private final PinBoard board;
    private final SpikeStatistics statistics;
    private final GridPane table = new GridPane();
    private final Label now = new Label("now");
    private final Label[] current = {new Label(), new Label(), new Label()};
    /** Each pin's numbers, in the order of the board's pins. */
    private final List<Label[]> pinValues = new ArrayList<>();
    private long shownStep = -1;

    /** A number of the table: how to read it from a run's numbers and how to write it. */
    private record Column(String title, ToDoubleFunction<RunNumbers> value, String format, String unit, double scale) {
        String text(RunNumbers numbers) {
            double shown = value.applyAsDouble(numbers) * scale;
            return Double.isNaN(shown) ? "\u2013" : String.format(Locale.ROOT, format, shown) + unit;
        }

        /** The pin's value less the current one, signed, in parentheses; nothing where either is unknown. */
        String difference(RunNumbers pinned, RunNumbers now) {
            double difference = (value.applyAsDouble(pinned) - value.applyAsDouble(now)) * scale;
            if (Double.isNaN(difference)) {
                return "";
            }
            String magnitude = String.format(Locale.ROOT, format, Math.abs(difference));
            String sign = magnitude.equals(String.format(Locale.ROOT, format, 0.0)) ? "" : difference < 0 ? MINUS : "+";
            return " (" + sign + magnitude + ")";
        }
    }

    /** The numbers compared, one row each. */
    private static final List<Column> ROWS = List.of(
            new Column("rate (Hz)", RunNumbers::meanRateHz, "%.1f", "", 1),
            new Column("mean CV", RunNumbers::meanCv, "%.2f", "", 1),
            new Column("silent (%)", RunNumbers::fractionSilent, "%.0f", "", 100));
    /** A pin's settings are cut off beyond this width. */
    private static final double SETTINGS_MAX_EM = 10;
    /** First row of numbers: under the runs' names and the pins' settings. */
    private static final int FIRST_NUMBER_ROW = 2;

    public CompareView(PinBoard board, SpikeStatistics statistics) {
        this.board = board;
        this.statistics = statistics;
        getStyleClass().add("pin-compare");
        setId("pin-compare");
        table.getStyleClass().add("pin-table");
        getChildren().add(table);
        // Narrower than its words when the window is: a pin's settings give way (see pinHeader).
        HBox.setHgrow(this, Priority.NEVER);
        VBox.setVgrow(table, Priority.ALWAYS);
        managedProperty().bind(visibleProperty());
        visibleProperty().bind(Bindings.isNotEmpty(board.pins()));
        for (Label value : current) {
            value.getStyleClass().add("pin-value");
            value.setMinWidth(Region.USE_PREF_SIZE);
        }
        now.setMinWidth(Region.USE_PREF_SIZE);
        now.getStyleClass().add("pin-name");
        board.pins().addListener((ListChangeListener<PinBoard.Pin>) change -> rebuild());
        board.currentProperty().addListener((property, before, params) -> rebuild());
        rebuild();
    }

    /**
     * Lays the table out anew, one column per run (the current one, then each pin) and one row per
     * number, which keeps it narrow beside the histograms.
     */
    private void rebuild() {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        pinValues.clear();
        if (board.pins().isEmpty()) {
            return; // hidden while nothing is pinned: a launch's first frame has no table to make and style
        }
        HBox nowHeader = new HBox(swatch("pin-swatch-now"), now);
        nowHeader.getStyleClass().add("pin-run-header");
        table.add(nowHeader, 1, 0);
        Label note = new Label("( ) vs now");
        note.getStyleClass().add("pin-header");
        note.setMinWidth(Region.USE_PREF_SIZE);
        table.add(note, 0, 0);
        for (int r = 0; r < ROWS.size(); r++) {
            Label name = new Label(ROWS.get(r).title());
            name.getStyleClass().add("pin-header");
            name.setMinWidth(Region.USE_PREF_SIZE);
            table.add(name, 0, FIRST_NUMBER_ROW + r);
            table.add(current[r], 1, FIRST_NUMBER_ROW + r);
        }
        fitColumn(0);
        fitColumn(1);
        int column = 2;
        for (PinBoard.Pin pin : board.pins()) {
            addColumn(pin, column++);
        }
        shownStep = -1;
        redraw();
    }

    private void addColumn(PinBoard.Pin pin, int column) {
        table.add(pinHeader(pin), column, 0);
        table.add(settingsOf(pin), column, 1);
        fitColumn(column);
        Label[] values = new Label[ROWS.size()];
        for (int r = 0; r < ROWS.size(); r++) {
            values[r] = new Label();
            values[r].getStyleClass().add("pin-value");
            values[r].setMinWidth(Region.USE_PREF_SIZE);
            table.add(values[r], column, FIRST_NUMBER_ROW + r);
        }
        pinValues.add(values);
    }

    /**
     * The column never narrower than its words (a pin's settings at most {@link #SETTINGS_MAX_EM}):
     * where the window is narrow, the histograms beside give way instead.
     */
    private void fitColumn(int column) {
        ColumnConstraints fit = new ColumnConstraints();
        fit.setMinWidth(Region.USE_PREF_SIZE);
        table.getColumnConstraints().add(column, fit);
    }

    /**
     * A pin's swatch (the colour and dashes of its outlines), its letter, its raster small, and a
     * button to unpin it.
     */
    private HBox pinHeader(PinBoard.Pin pin) {
        Label name = new Label(pin.name());
        name.getStyleClass().add("pin-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Button unpin = new Button("\u00d7");
        unpin.getStyleClass().addAll("pin-remove", FIGURE_CONTROL);
        unpin.setTooltip(new Tooltip("Unpin " + pin.name()));
        unpin.setOnAction(event -> board.unpin(pin));
        unpin.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(swatch(StatisticsView.overlayStyle(pin.slot())), name,
                thumbnailOf(pin.run().thumbnail()), unpin);
        header.getStyleClass().add("pin-run-header");
        return header;
    }

    /** What differs in the pin's settings, cut short beyond {@link #SETTINGS_MAX_EM} (whole in the tooltip). */
    private Label settingsOf(PinBoard.Pin pin) {
        String settings = board.label(pin);
        Label label = new Label(settings);
        label.getStyleClass().add("pin-settings");
        label.setTooltip(new Tooltip("Pin " + pin.name() + ", pinned at t = "
                + String.format(Locale.ROOT, "%.3f s", pin.run().numbers().simulatedSeconds()) + ": " + settings));
        label.setMinWidth(0);
        label.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> SETTINGS_MAX_EM * label.getFont().getSize(),
                label.fontProperty()));
        return label;
    }

    private static Line swatch(String styleClass) {
        Line line = new Line(0, 0, 18, 0);
        line.getStyleClass().addAll("pin-swatch", styleClass);
        return line;
    }

    /** The raster's thumbnail: a control, not part of an exported figure, which keeps the numbers. */
    private static ImageView thumbnailOf(Thumbnail thumbnail) {
        WritableImage image = new WritableImage(thumbnail.width(), thumbnail.height());
        image.getPixelWriter().setPixels(0, 0, thumbnail.width(), thumbnail.height(),
                PixelFormat.getIntArgbPreInstance(), thumbnail.argb(), 0, thumbnail.width());
        ImageView view = new ImageView(image);
        view.getStyleClass().addAll("pin-thumbnail", FIGURE_CONTROL);
        return view;
    }

    @Override
    public void accept(Batch batch) {
        // The statistics view keeps the numbers; this view reads them when it redraws.
    }

    @Override
    public void redraw() {
        if (!isVisible() || statistics.elapsedSteps() == shownStep) {
            return;
        }
        shownStep = statistics.elapsedSteps();
        RunNumbers numbers = RunNumbers.of(statistics);
        for (int r = 0; r < ROWS.size(); r++) {
            current[r].setText(ROWS.get(r).text(numbers));
        }
        for (int p = 0; p < pinValues.size(); p++) {
            RunNumbers pinned = board.pins().get(p).run().numbers();
            for (int r = 0; r < ROWS.size(); r++) {
                pinValues.get(p)[r].setText(ROWS.get(r).text(pinned) + ROWS.get(r).difference(pinned, numbers));
            }
        }
    }

    @Override
    public void reset(int neuronCount, double dt) {
        shownStep = -1;
        redraw();
    }

}
