package org.spikefx.ui.params;

import static org.spikefx.params.Parameter.DT;
import static org.spikefx.params.Parameter.G;
import static org.spikefx.params.Parameter.N;
import static org.spikefx.params.Parameter.NREC;
import static org.spikefx.params.Parameter.OFFSET;
import static org.spikefx.params.Parameter.P;
import static org.spikefx.params.Parameter.SEED;
import static org.spikefx.params.Parameter.T;
import static org.spikefx.params.Parameter.TD;
import static org.spikefx.params.Parameter.TM;
import static org.spikefx.params.Parameter.TR;
import static org.spikefx.params.Parameter.TREF;
import static org.spikefx.params.Parameter.VPEAK;
import static org.spikefx.params.Parameter.VRESET;

import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

import org.spikefx.params.InvalidParameterException;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.Preset;

/**
 * All fourteen parameters, each with a slider and a field for the exact value, grouped by what they
 * describe, plus a preset chooser, a reset button and a button for a new random seed.
 *
 * <p>{@link #parametersProperty()} holds the committed parameters, which are always valid: input
 * that is not a number, lies outside a parameter's range or breaks a rule between parameters is
 * refused at its field, which is marked invalid while a line under it says why (each refused field
 * keeps its own reason), and the committed parameters stay as they were. Enter or leaving a field commits it, Escape reverts it. A
 * moving slider commits once, when released or {@link #COMMIT_DELAY} after its last move, so a
 * running network is restarted once per gesture rather than once per pixel.
 *
 * <p>Style classes for themes: {@code parameter-panel}, {@code preset-bar}, {@code preset-chooser},
 * {@code preset-explanation}, {@code parameter-group}, {@code parameter-grid}, {@code parameter-label},
 * {@code parameter-slider}, {@code parameter-field} (pseudo-class {@code :invalid}), {@code parameter-unit}
 * and {@code parameter-message} (the reason under a refused field, id {@code <key>-message}). Use from the FX application thread only.
 */
public final class ParameterPanel extends VBox {
    /** How long a slider must rest before its value is committed. */
    public static final Duration COMMIT_DELAY = Duration.millis(250);

    private record Group(String title, List<Parameter> members) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("Network", List.of(N, P, G, SEED)),
            new Group("Neuron", List.of(TM, TREF, VRESET, VPEAK, OFFSET)),
            new Group("Synapse", List.of(TR, TD)),
            new Group("Simulation", List.of(DT, T, NREC)));

    private final ReadOnlyObjectWrapper<NetworkParameters> parameters =
            new ReadOnlyObjectWrapper<>(this, "parameters", NetworkParameters.DEFAULTS);
    /** The latest accepted values: ahead of the committed parameters while a slider has not come to rest. */
    private NetworkParameters draft = NetworkParameters.DEFAULTS;
    /** The panel's style class, whose width the style sheet sets in presentation mode. */
    public static final String STYLE_CLASS = "parameter-panel";
    private final Map<Parameter, ParameterRow> rows = new EnumMap<>(Parameter.class);
    private final PauseTransition pendingCommit = new PauseTransition(COMMIT_DELAY);
    private final RowEditor editor = new RowEditor();
    private final ComboBox<Preset> presetChooser = new ComboBox<>();
    private static final String CUSTOM_EXPLANATION = "Your own values: no preset.";
    private Runnable fitExplanation = () -> { };
    private double fittedWidth = -1;
    private Font fittedFont;

    public ParameterPanel() {
        getStyleClass().add(STYLE_CLASS);
        pendingCommit.setOnFinished(event -> commit());
        for (Parameter parameter : Parameter.values()) {
            rows.put(parameter, new ParameterRow(parameter, editor));
        }

        VBox groups = new VBox();
        for (Group group : GROUPS) {
            groups.getChildren().add(groupPane(group));
        }
        ScrollPane scroller = new ScrollPane(groups);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setVgrow(scroller, Priority.ALWAYS);

        getChildren().addAll(presetBar(), presetExplanation(), scroller);
        parameters.addListener((observable, before, now) -> presetChooser.setValue(Preset.matching(now).orElse(null)));
        showAll(draft);
        presetChooser.setValue(Preset.matching(draft).orElse(null));
    }

    /** The committed parameters: always valid, changed only by a finished edit. */
    public ReadOnlyObjectProperty<NetworkParameters> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public NetworkParameters getParameters() {
        return parameters.get();
    }

    /**
     * Shows and commits these parameters (from a config file, say), dropping any refused input and any
     * slider change not yet committed. Listeners hear of it once, and not at all when nothing changed.
     */
    public void setParameters(NetworkParameters newParameters) {
        draft = Objects.requireNonNull(newParameters, "parameters");
        showAll(newParameters);
        commit();
    }

    private void showAll(NetworkParameters values) {
        rows.values().forEach(row -> row.show(values.get(row.parameter())));
    }

    private void commit() {
        pendingCommit.stop();
        parameters.set(draft);
    }

    /** The reason a field's input was refused, as shown under it, or null while it holds an accepted value. */
    public String refusal(Parameter parameter) {
        return rows.get(parameter).refusal();
    }

    /** Accepts what the rows propose when the whole parameter set stays valid, and refuses it otherwise. */
    private final class RowEditor implements ParameterRow.Editor {
        @Override
        public void propose(ParameterRow row, double value, boolean finished) {
            try {
                draft = draft.with(row.parameter(), value);
                if (finished) {
                    row.show(value);
                } else {
                    // Only the mark: moving the slider under the user's thumb would fight the drag.
                    row.clearRefusal();
                }
            } catch (InvalidParameterException notAllowed) {
                refuse(row, notAllowed.getMessage());
            }
            // A finished edit commits whatever is valid by now, including slider moves that went before.
            if (finished) {
                commit();
            } else {
                pendingCommit.playFromStart();
            }
        }

        @Override
        public void refuse(ParameterRow row, String reason) {
            row.showRefusal(reason);
        }

        @Override
        public void revert(ParameterRow row) {
            row.show(draft.get(row.parameter()));
        }
    }

    private HBox presetBar() {
        presetChooser.setId("preset-chooser");
        presetChooser.getStyleClass().add("preset-chooser");
        presetChooser.getItems().setAll(Preset.values());
        // A button cell of its own, because a ComboBox does not show its prompt again once a value was chosen.
        presetChooser.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Preset preset, boolean empty) {
                super.updateItem(preset, empty);
                setText(preset == null ? "Custom" : preset.title());
            }
        });
        presetChooser.setMaxWidth(Double.MAX_VALUE);
        presetChooser.setOnAction(event -> {
            Preset chosen = presetChooser.getValue();
            // The chooser also follows commits; only a preset other than the committed values is a choice.
            if (chosen != null && !chosen.parameters().equals(parameters.get())) {
                setParameters(chosen.parameters());
            }
        });
        Button reset = new Button("Reset to defaults");
        reset.setId("reset-button");
        reset.setOnAction(event -> setParameters(NetworkParameters.DEFAULTS));

        Label title = new Label("Preset");
        title.setLabelFor(presetChooser);
        title.setMinWidth(USE_PREF_SIZE);
        reset.setMinWidth(USE_PREF_SIZE);
        HBox bar = new HBox(title, presetChooser, reset);
        bar.getStyleClass().add("preset-bar");
        HBox.setHgrow(presetChooser, Priority.ALWAYS);
        return bar;
    }

    /**
     * What the chosen preset shows. Its height is that of the longest explanation at the label's width
     * and font, whichever is shown, so that choosing a preset (or moving a slider off one) never moves
     * the controls below it.
     */
    private Label presetExplanation() {
        Label explanation = new Label();
        explanation.setId("preset-explanation");
        explanation.getStyleClass().add("preset-explanation");
        explanation.setWrapText(true);
        explanation.setAlignment(Pos.TOP_LEFT);
        // The panel's width whatever the text: a short text must not make a narrower, shorter label.
        explanation.setMinWidth(0);
        explanation.setMaxWidth(Double.MAX_VALUE);
        explanation.textProperty().bind(Bindings.createStringBinding(() -> presetChooser.getValue() == null
                ? CUSTOM_EXPLANATION : presetChooser.getValue().explanation(), presetChooser.valueProperty()));
        fitExplanation = () -> {
            // The panel's own width, which this layout is for (the label may still have the last one's).
            double width = getWidth() - getInsets().getLeft() - getInsets().getRight();
            if (width == fittedWidth && explanation.getFont().equals(fittedFont)) {
                return; // fitted for this width and font already: measuring again could move the controls
            }
            double height = tallestExplanation(explanation, width);
            fittedWidth = width;
            fittedFont = explanation.getFont();
            explanation.setMinHeight(height);
            explanation.setPrefHeight(height);
            explanation.setMaxHeight(height);
        };
        return explanation;
    }

    /**
     * The height of the longest explanation in this label at this width, with a line to spare: a text
     * measured outside the label wraps a little differently from the label's own.
     */
    private static double tallestExplanation(Label label, double labelWidth) {
        Insets insets = label.getInsets();
        Text probe = new Text();
        probe.setFont(label.getFont());
        probe.setLineSpacing(label.getLineSpacing());
        probe.setWrappingWidth(Math.max(1, labelWidth - insets.getLeft() - insets.getRight()));
        double tallest = 0;
        for (String text : explanations()) {
            probe.setText(text);
            tallest = Math.max(tallest, probe.getLayoutBounds().getHeight());
        }
        probe.setText("X");
        double spareLine = probe.getLayoutBounds().getHeight();
        return Math.ceil(tallest + spareLine + insets.getTop() + insets.getBottom());
    }

    private static List<String> explanations() {
        List<String> texts = new ArrayList<>(List.of(CUSTOM_EXPLANATION));
        for (Preset preset : Preset.values()) {
            texts.add(preset.explanation());
        }
        return texts;
    }

    private TitledPane groupPane(Group group) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("parameter-grid");
        ColumnConstraints sliderColumn = new ColumnConstraints();
        sliderColumn.setHgrow(Priority.ALWAYS);
        sliderColumn.setMinWidth(80);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), sliderColumn, new ColumnConstraints(),
                new ColumnConstraints());
        int rowIndex = 0;
        for (Parameter parameter : group.members()) {
            rowIndex += rows.get(parameter).addTo(grid, rowIndex);
            if (parameter == SEED) {
                grid.add(newSeedButton(), 1, rowIndex++, 2, 1);
            }
        }
        TitledPane pane = new TitledPane(group.title(), grid);
        pane.getStyleClass().add("parameter-group");
        pane.setAnimated(false);
        return pane;
    }

    private Button newSeedButton() {
        Button newSeed = new Button("New random seed");
        newSeed.setId("new-seed-button");
        ParameterRow seedRow = rows.get(SEED);
        newSeed.setOnAction(event -> editor.propose(seedRow,
                ThreadLocalRandom.current().nextLong((long) SEED.max() + 1), true));
        GridPane.setHalignment(newSeed, HPos.RIGHT);
        return newSeed;
    }

    /** The explanation's height follows the panel's width and the explanation's font, as styled now. */
    @Override
    protected void layoutChildren() {
        if (getWidth() > 0) {
            fitExplanation.run();
        }
        super.layoutChildren();
    }

    @Override
    public String getUserAgentStylesheet() {
        // User-agent level, so the application's theme stylesheets override these defaults.
        return ParameterPanel.class.getResource("parameter-panel.css").toExternalForm();
    }
}
