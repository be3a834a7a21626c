package org.spikefx.ui.map;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.spikefx.Messages;
import org.spikefx.analysis.Axis;
import org.spikefx.analysis.MapFiles;
import org.spikefx.analysis.MapStatistic;
import org.spikefx.analysis.SweepMap;
import org.spikefx.analysis.SweepSpec;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * The Map window: a phase diagram of the network over two parameters. The user picks the parameters,
 * their ranges and the number of seeds; the other parameters are the live view's current ones. Run
 * starts a sweep in the background; cells appear as they finish; Cancel stops it. Hovering reads a
 * cell, clicking runs it in the live view. A map is saved as CSV, JSON sidecar, PNG and SVG, and opened again.
 */
public final class MapWindow {
    private static final System.Logger LOG = System.getLogger(MapWindow.class.getName());
    /** A refusal stands out from progress, in Okabe-Ito's vermillion. */
    private static final String REFUSED_STYLE = "-fx-text-fill: #D55E00;";
    /** The window takes most of the screen: the figure is large and its text should be legible. */
    private static final double SCREEN_SHARE = 0.85;
    /** The chooser's choice for all four heat maps at once. */
    private static final String ALL_MAPS = "all four maps";
    /**
     * On a lower screen (a 1280 x 720 projector), four maps in the window have words a few pixels high:
     * it opens with one map alone, and the others a choice away.
     */
    private static final double ALL_MAPS_MIN_SCREEN_HEIGHT = 1000;
    /** Wide enough for the controls in one row. */
    private static final double MIN_WIDTH = 1000;

    private final Stage stage = new Stage();
    private final MapModel model = new MapModel(Platform::runLater);
    private final Supplier<NetworkParameters> base;
    private final AxisFields x = new AxisFields(Parameter.G, "0", "0.2", "11");
    private final AxisFields y = new AxisFields(Parameter.OFFSET, "-50", "-30", "11");
    private final TextField seeds = new TextField("1");
    private final Label status = new Label();
    private final MapView view;
    private final Button run = new Button("Run");
    private final double screenHeight;

    /**
     * @param base the parameters of the live view, read when a sweep starts
     * @param open runs a clicked cell's parameters in the live view
     */
    public MapWindow(Window owner, Supplier<NetworkParameters> base, Consumer<NetworkParameters> open) {
        this.base = base;
        this.view = new MapView(model, open);
        stage.initOwner(owner);
        // Most of the screen the main window is on.
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        screenHeight = screen.getHeight();
        stage.setTitle("SpikeFX — Map of regimes");

        Button cancel = new Button("Cancel");
        cancel.setOnAction(event -> model.cancel());
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(MapModel.State.RUNNING));
        run.setDefaultButton(true);
        run.setId("map-run");
        status.setId("map-status");
        run.setOnAction(event -> start());
        Button openMap = new Button("Open…");
        openMap.setOnAction(event -> openMap());
        Button save = new Button("Save…");
        save.setOnAction(event -> saveMap());
        save.disableProperty().bind(model.mapProperty().isNull()
                .or(model.stateProperty().isEqualTo(MapModel.State.RUNNING)));

        GridPane axes = new GridPane();
        axes.setHgap(8);
        axes.setVgap(6);
        axes.addRow(0, new Label(""), new Label("parameter"), new Label("from"), new Label("to"), new Label("values"),
                new Label("seeds"));
        x.addTo(axes, 1, "x (across)");
        y.addTo(axes, 2, "y (up)");
        seeds.setPrefColumnCount(3);
        axes.add(seeds, 5, 1);

        ProgressBar progress = new ProgressBar(0);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            SweepMap map = model.mapProperty().get();
            return map == null ? 0 : (double) map.runsDone() / map.spec().runCount();
        }, model.changesProperty(), model.mapProperty()));
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        status.textProperty().bind(model.statusProperty());
        Label showLabel = new Label("show");
        HBox buttons = new HBox(8, run, cancel, openMap, save, showLabel, shownChooser());
        buttons.setAlignment(Pos.CENTER_LEFT);
        // A button's word is never cut short: in presentation mode the row gets its own line for that.
        for (var node : buttons.getChildren()) {
            ((javafx.scene.control.Control) node).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox.setMargin(showLabel, new Insets(0, 0, 0, 16));
        HBox progressRow = new HBox(8, progress, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        status.setMinWidth(260);
        VBox top = new VBox(8, axes, buttons, progressRow);
        top.setPadding(new Insets(10));

        Label readout = new Label();
        readout.textProperty().bind(view.readoutProperty());
        readout.setId("map-readout");
        readout.setWrapText(true);
        readout.setPadding(new Insets(6, 10, 10, 10));
        readout.setMinHeight(44);

        BorderPane root = new BorderPane(view, top, null, readout, null);
        double width = Math.max(Math.min(MIN_WIDTH, screen.getWidth()), screen.getWidth() * SCREEN_SHARE);
        double height = screen.getHeight() * SCREEN_SHARE;
        stage.setScene(new Scene(root, width, height));
        // Said again once the window is up: some window managers map a new window at a default size.
        stage.setOnShown(event -> Platform.runLater(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            // Where the window manager put the first, default-sized window, the title bar can end up off screen.
            stage.centerOnScreen();
        }));
        stage.setOnHidden(event -> model.cancel());
    }

    /**
     * All four heat maps, or one of them filling the view: on a projector, one map alone is the one
     * whose numbers a class can read.
     */
    private ChoiceBox<String> shownChooser() {
        ChoiceBox<String> shown = new ChoiceBox<>();
        shown.getItems().add(ALL_MAPS);
        for (MapStatistic statistic : MapStatistic.values()) {
            shown.getItems().add(statistic.title());
        }
        shown.setId("map-shown");
        shown.valueProperty().addListener((property, before, title) -> view.aloneProperty().set(
                Arrays.stream(MapStatistic.values()).filter(statistic -> statistic.title().equals(title)).findFirst()
                        .orElse(null)));
        shown.setValue(screenHeight >= ALL_MAPS_MIN_SCREEN_HEIGHT ? ALL_MAPS : MapStatistic.MEAN_RATE.title());
        return shown;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    MapModel model() {
        return model;
    }

    MapView view() {
        return view;
    }

    /** Reads the fields and starts the sweep, or says in the status line what is wrong. */
    void start() {
        SweepSpec spec;
        try {
            Axis xAxis = x.axis("x");
            Axis yAxis = y.axis("y");
            spec = new SweepSpec(xAxis, yAxis, SweepSpec.recordingFewEnough(xAxis, yAxis, base.get()), seedCount());
        } catch (IllegalArgumentException e) {
            refuse(Messages.reason(e));
            return;
        }
        status.setStyle("");
        status.textProperty().bind(model.statusProperty());
        model.start(spec);
    }

    private int seedCount() {
        try {
            return Integer.parseInt(seeds.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seeds: '" + seeds.getText() + "' is not a whole number from 1 to "
                    + SweepSpec.MAX_SEEDS);
        }
    }

    private void refuse(String reason) {
        status.textProperty().unbind();
        status.setText(Messages.shorten(reason));
        status.setStyle(REFUSED_STYLE);
    }

    private void openMap() {
        FileChooser chooser = chooser("Open a map");
        File file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        try {
            model.show(MapFiles.read(file.toPath()), file.toPath());
            status.setStyle("");
            status.textProperty().bind(model.statusProperty());
        } catch (IOException | RuntimeException e) { // a broken file is refused with its reason; the window goes on
            LOG.log(System.Logger.Level.DEBUG, "opening a map failed", e);
            refuse(Messages.reason(e));
        }
    }

    private void saveMap() {
        FileChooser chooser = chooser("Save the map (CSV, with its JSON sidecar, a PNG and an SVG beside it)");
        chooser.setInitialFileName("map.csv");
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        Path csv = file.toPath();
        if (!csv.getFileName().toString().endsWith(MapFiles.CSV_SUFFIX)) {
            csv = csv.resolveSibling(csv.getFileName() + MapFiles.CSV_SUFFIX);
        }
        try {
            model.save(csv);
        } catch (IOException | RuntimeException e) { // a full disk or a folder that cannot be written: say why
            LOG.log(System.Logger.Level.DEBUG, "saving a map failed", e);
            refuse(Messages.reason(e));
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Map (CSV with JSON sidecar)", "*.csv"));
        return chooser;
    }

    /** The choice of parameter and the range fields of one axis. */
    static final class AxisFields {
        final ChoiceBox<Parameter> parameter = new ChoiceBox<>();
        final TextField from = new TextField();
        final TextField to = new TextField();
        final TextField count = new TextField();

        AxisFields(Parameter initial, String from, String to, String count) {
            parameter.getItems().addAll(Parameter.values());
            parameter.setConverter(new StringConverter<>() {
                @Override
                public String toString(Parameter value) {
                    return value == null ? "" : value.key() + (value.unit().isEmpty() ? "" : " (" + value.unit() + ")");
                }

                @Override
                public Parameter fromString(String text) {
                    return Axis.parameter(text);
                }
            });
            parameter.setValue(initial);
            this.from.setText(from);
            this.to.setText(to);
            this.count.setText(count);
            // A newly chosen parameter starts on its slider's range, where the regimes lie.
            parameter.valueProperty().addListener((observable, before, now) -> {
                this.from.setText(Parameter.format(now.sliderMin()));
                this.to.setText(Parameter.format(now.sliderMax()));
            });
            for (TextField field : new TextField[] {this.from, this.to}) {
                field.setPrefColumnCount(7);
            }
            this.count.setPrefColumnCount(4);
        }

        void addTo(GridPane grid, int row, String label) {
            grid.addRow(row, new Label(label), parameter, from, to, count);
        }

        /** @throws IllegalArgumentException naming the axis and what is wrong */
        Axis axis(String name) {
            try {
                return Axis.parse(parameter.getValue().key() + "=" + from.getText().trim() + ":" + to.getText().trim()
                        + ":" + count.getText().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + Messages.reason(e));
            }
        }
    }
}
