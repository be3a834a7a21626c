package org.spikefx.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;
import org.spikefx.ui.params.ParameterRow;

/**
 * The teacher's controls for training: Start training, Stop training and Reset decoder, which act on
 * the running network; the target's shape; a slider with an exact field for each training parameter;
 * and the eigenvalue spectrum. Everything binds to the {@link TrainingModel}: the panel keeps no state
 * of its own. A committed parameter restarts the run, as the network's parameters do.
 */
public final class TrainingPanel extends VBox {
    private final TrainingModel model;
    private final Map<TrainingParameter, ParameterRow> rows = new EnumMap<>(TrainingParameter.class);
    private final ChoiceBox<TargetShape> target = new ChoiceBox<>();
    private final Button start = new Button("Start training");
    private final Button stop = new Button("Stop training");
    private final Button reset = new Button("Reset decoder");
    private final Button spectrum = new Button("Eigenvalues…");
    private boolean showing;

    /** @param showSpectrum opens the eigenvalue spectrum of the running network */
    public TrainingPanel(TrainingModel model, Runnable showSpectrum) {
        this.model = model;
        getStyleClass().add("training-panel");
        setId("training-panel");
        setSpacing(6);
        setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        Label title = new Label("FORCE training");
        title.getStyleClass().add("plot-title");

        start.setId("start-training");
        stop.setId("stop-training");
        reset.setId("reset-decoder");
        spectrum.setId("show-spectrum");
        start.setTooltip(new Tooltip("The decoder learns from the target's next upward zero crossing on, whatever"
                + " the training window says: started away from zero, a large network can fall into a burst"));
        stop.setTooltip(new Tooltip("The decoder stops learning: the network goes on with what it learnt"));
        reset.setTooltip(new Tooltip("Forget the decoder: phi = 0, P back to dt·λ·I"));
        spectrum.setTooltip(new Tooltip("Eigenvalues of the effective weights w + eta·phiᵀ, before and after"
                + " training (computed in the background)"));
        start.setOnAction(event -> model.startTraining());
        stop.setOnAction(event -> model.stopTraining());
        reset.setOnAction(event -> model.resetDecoder());
        spectrum.setOnAction(event -> showSpectrum.run());
        start.disableProperty().bind(model.trainingSwitchProperty().isEqualTo(ForceNetwork.Training.ON));
        stop.disableProperty().bind(model.trainingSwitchProperty().isEqualTo(ForceNetwork.Training.OFF));
        HBox buttons = new HBox(6, start, stop, reset);
        HBox more = new HBox(6, spectrum);

        target.setId("target-choice");
        target.getItems().setAll(TargetShape.values());
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(TargetShape shape) {
                return shape == null ? "" : shape.key();
            }

            @Override
            public TargetShape fromString(String key) {
                return TargetShape.byKey(key);
            }
        });
        target.setTooltip(new Tooltip("The signal the network learns to produce"));
        target.valueProperty().addListener((property, old, shape) -> chooseTarget(old, shape));
        Label targetLabel = new Label("target");
        targetLabel.getStyleClass().add("parameter-label");
        HBox targetRow = new HBox(8, targetLabel, target);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("parameter-grid");
        grid.setHgap(6);
        grid.setVgap(2);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints slider = new ColumnConstraints();
        slider.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(name, slider, new ColumnConstraints(), new ColumnConstraints());
        Editor editor = new Editor();
        int gridRow = 0;
        for (TrainingParameter parameter : TrainingParameter.values()) {
            ParameterRow row = new ParameterRow(parameter, editor);
            rows.put(parameter, row);
            gridRow += row.addTo(grid, gridRow);
        }
        getChildren().addAll(title, buttons, more, targetRow, grid);
        model.parametersProperty().addListener((property, old, params) -> show(params));
        show(model.parametersProperty().get());
    }

    private void show(TrainingParameters params) {
        showing = true;
        try {
            rows.forEach((parameter, row) -> row.show(params.get(parameter)));
            target.setValue(params.target());
        } finally {
            showing = false;
        }
    }

    private void chooseTarget(TargetShape old, TargetShape shape) {
        if (showing || shape == null || shape == model.parametersProperty().get().target()) {
            return;
        }
        Path file = null;
        if (shape == TargetShape.CSV) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Target signal: a CSV file, one value per row");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"));
            File chosen = getScene() == null ? null : chooser.showOpenDialog(getScene().getWindow());
            if (chosen == null) {
                showing = true;
                target.setValue(old);
                showing = false;
                return;
            }
            file = chosen.toPath();
        }
        model.parametersProperty().set(model.parametersProperty().get().withTarget(shape, file));
    }

    /** The row of a training parameter (for tests). */
    ParameterRow row(TrainingParameter parameter) {
        return rows.get(parameter);
    }

    /** Accepts a value when the training parameters stay valid with it; commits it when the edit is done. */
    private final class Editor implements ParameterRow.Editor {
        @Override
        public void propose(ParameterRow row, double value, boolean finished) {
            try {
                TrainingParameters changed = model.parametersProperty().get().with(row.trainingParameter(), value);
                row.clearRefusal();
                if (finished) {
                    row.show(value);
                    model.parametersProperty().set(changed);
                }
            } catch (IllegalArgumentException refused) {
                row.showRefusal(refused.getMessage());
            }
        }

        @Override
        public void refuse(ParameterRow row, String reason) {
            row.showRefusal(reason);
        }

        @Override
        public void revert(ParameterRow row) {
            row.show(model.parametersProperty().get().get(row.trainingParameter()));
        }
    }
}
