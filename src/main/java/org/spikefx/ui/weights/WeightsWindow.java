package org.spikefx.ui.weights;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.spikefx.Messages;
import org.spikefx.analysis.WeightBlock;
import org.spikefx.analysis.WeightFigure;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;

/**
 * The Weights window: the weight matrix of the live view's network. A heat map of a block of the matrix
 * (chosen by rows and columns, or by the wheel and a drag on the map), beside it the weights before and
 * after the row means are removed, the row sums, the degrees, excitation against inhibition, the
 * eigenvalues on request and the numbers; all of it saved as PNG or SVG, and the block as .npy. It shows
 * the network of the live view's current settings whenever it comes to the front.
 */
public final class WeightsWindow {
    /** A refusal stands out from progress, in Okabe-Ito's vermillion (as in the Map window). */
    private static final String REFUSED_STYLE = "-fx-text-fill: #D55E00;";
    /** The window takes most of the screen: the figure is large and its text should be legible. */
    private static final double SCREEN_SHARE = 0.85;
    /** Below this width (in the figure's units) six panels beside the heat map are too small to read: one is shown. */
    private static final double ALL_PANELS_MIN_WIDTH = 1700;
    private static final String STATUS_ID = "weights-status";

    private final Stage stage = new Stage();
    private final WeightsModel model;
    private final WeightsView view;
    private final Supplier<NetworkParameters> current;
    private final TextField rowFrom = field("weights-row-from");
    private final TextField rowTo = field("weights-row-to");
    private final TextField colFrom = field("weights-col-from");
    private final TextField colTo = field("weights-col-to");
    private final Label status = new Label();

    /**
     * @param current the live view's parameters, read whenever the window comes to the front
     * @param running the network the live view runs, or null; it is waited for while the live view builds it
     */
    public WeightsWindow(Window owner, Supplier<NetworkParameters> current, Supplier<RandomNetwork> running) {
        this.current = current;
        // The live view builds the network of its current settings (the runner is given it when a run starts).
        this.model = new WeightsModel(Platform::runLater, running, params -> {
            NetworkParameters live = current.get();
            return live != null && live.sameNetworkAs(params);
        });
        this.view = new WeightsView(model, this::showBlock);
        stage.initOwner(owner);
        stage.setTitle("SpikeFX — Weights");

        Button show = new Button("Show block");
        show.setId("weights-show");
        show.setDefaultButton(true);
        show.setOnAction(event -> showTyped());
        Button whole = new Button("Whole matrix");
        whole.setOnAction(event -> {
            if (model.network() != null) {
                showBlock(WeightBlock.Range.whole(model.network().neuronCount()));
            }
        });
        ChoiceBox<WeightFigure.Panel> beside = new ChoiceBox<>();
        beside.getItems().add(null);
        beside.getItems().addAll(WeightFigure.Panel.values());
        beside.setConverter(new StringConverter<>() {
            @Override
            public String toString(WeightFigure.Panel panel) {
                return panel == null ? "All six panels" : panel.title();
            }

            @Override
            public WeightFigure.Panel fromString(String text) {
                return null;
            }
        });
        beside.setId("weights-beside");
        view.aloneProperty().bind(beside.valueProperty());
        Button eigenvalues = new Button("Eigenvalues");
        eigenvalues.setId("weights-eigenvalues");
        eigenvalues.setOnAction(event -> {
            model.computeSpectrum();
            if (model.network() != null && model.network().neuronCount() <= WeightsModel.MAX_SPECTRUM_NEURONS
                    && beside.getValue() != null) {
                beside.setValue(WeightFigure.Panel.SPECTRUM);
            }
        });
        eigenvalues.disableProperty().bind(model.spectrumRunningProperty().or(model.contentProperty().isNull()));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(event -> model.cancelSpectrum());
        cancel.disableProperty().bind(model.spectrumRunningProperty().not());
        Button png = new Button("Save PNG…");
        png.setId("weights-png");
        png.setOnAction(event -> saveFigure(false));
        Button svg = new Button("Save SVG…");
        svg.setOnAction(event -> saveFigure(true));
        Button npy = new Button("Save block as .npy…");
        npy.setId("weights-npy");
        npy.setOnAction(event -> saveBlock());
        for (Button button : new Button[] {png, svg, npy}) {
            button.disableProperty().bind(model.contentProperty().isNull());
        }

        HBox block = new HBox(6, new Label("rows"), rowFrom, new Label("to"), rowTo, new Label("columns"), colFrom,
                new Label("to"), colTo, show, whole);
        block.setAlignment(Pos.CENTER_LEFT);
        HBox side = new HBox(6, new Label("beside the matrix"), beside, eigenvalues, cancel);
        side.setAlignment(Pos.CENTER_LEFT);
        HBox files = new HBox(6, png, svg, npy);
        files.setAlignment(Pos.CENTER_LEFT);
        FlowPane controls = new FlowPane(18, 6, block, side, files);

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressProperty().isNotEqualTo(WeightsModel.IDLE, 0));
        progress.setPrefWidth(220);
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox progressRow = new HBox(8, progress, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, controls, progressRow);
        top.setPadding(new Insets(10));

        Label readout = new Label();
        readout.textProperty().bind(view.readoutProperty());
        readout.setId("weights-readout");
        readout.setPadding(new Insets(4, 10, 8, 10));
        readout.setMinHeight(36);

        model.rangeProperty().addListener((observable, before, range) -> {
            if (range != null) {
                rowFrom.setText(Integer.toString(range.rowFrom()));
                rowTo.setText(Integer.toString(range.rowTo()));
                colFrom.setText(Integer.toString(range.colFrom()));
                colTo.setText(Integer.toString(range.colTo()));
            }
        });

        BorderPane root = new BorderPane(view, top, null, readout, null);
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        double width = screen.getWidth() * SCREEN_SHARE;
        double height = screen.getHeight() * SCREEN_SHARE;
        beside.setValue(width >= ALL_PANELS_MIN_WIDTH ? null : WeightFigure.Panel.ROW_SUMS);
        stage.setScene(new Scene(root, width, height));
        root.getStyleClass().addListener((ListChangeListener<String>) change ->
                view.scaleProperty().set(root.getStyleClass().contains("presentation")
                        ? WeightsView.PRESENTATION_SCALE : 1));
        // Said again once the window is up: some window managers map a new window at a default size.
        stage.setOnShown(event -> Platform.runLater(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.centerOnScreen();
        }));
        // The live view's settings may have changed while the window was behind it.
        stage.focusedProperty().addListener((observable, before, focused) -> {
            if (focused) {
                model.show(current.get());
            }
        });
        stage.setOnHidden(event -> model.close());
    }

    /** Shows the window with the network of the live view's current settings. */
    public void show() {
        model.show(current.get());
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** What the window shows (for the menu's owner and tests). */
    public WeightsModel model() {
        return model;
    }

    public WeightsView view() {
        return view;
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        return field;
    }

    /** Reads the four fields and shows their block, or says in the status line what is wrong. */
    void showTyped() {
        if (model.network() == null) {
            return;
        }
        try {
            showBlock(WeightBlock.Range.parse(rowFrom.getText(), rowTo.getText(), colFrom.getText(), colTo.getText(),
                    model.network().neuronCount()));
        } catch (IllegalArgumentException e) {
            refuse(Messages.reason(e));
        }
    }

    private void showBlock(WeightBlock.Range range) {
        status.setStyle("");
        try {
            model.showBlock(range);
        } catch (IllegalArgumentException e) {
            refuse(Messages.reason(e));
        }
    }

    private void refuse(String reason) {
        status.textProperty().unbind();
        status.setText(Messages.shorten(reason));
        status.setStyle(REFUSED_STYLE);
        // The next message of the model replaces the refusal.
        model.statusProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends String> observable, String before, String now) {
                model.statusProperty().removeListener(this);
                status.setStyle("");
                status.textProperty().bind(model.statusProperty());
            }
        });
    }

    private void saveFigure(boolean svg) {
        String suffix = svg ? ".svg" : ".png";
        FileChooser chooser = new FileChooser();
        chooser.setTitle(svg ? "Save the weights as vector graphics" : "Save the weights as an image");
        chooser.getExtensionFilters().add(svg ? new FileChooser.ExtensionFilter("SVG image", "*.svg")
                : new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(baseName() + suffix);
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.saveFigure(withSuffix(file.toPath(), suffix), svg);
        }
    }

    private void saveBlock() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the block's weights as a NumPy array (rows × columns)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("NumPy array", "*.npy"));
        chooser.setInitialFileName(baseName() + "-block.npy");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.saveBlock(withSuffix(file.toPath(), ".npy"));
        }
    }

    /** E.g. "weights-n2000-seed0". */
    private String baseName() {
        NetworkParameters params = model.parameters();
        return params == null ? "weights" : "weights-n" + params.n() + "-seed" + params.seed();
    }

    private static Path withSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(suffix) ? file : file.resolveSibling(name + suffix);
    }
}
