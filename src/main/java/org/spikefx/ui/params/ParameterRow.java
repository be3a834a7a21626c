package org.spikefx.ui.params;

import java.math.BigDecimal;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;

import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;

/**
 * One parameter's row: its name, a slider over its slider range, a field for the exact value and
 * the unit. The row turns what the user does into proposals to its {@link Editor}, which decides
 * whether a value is accepted; the row itself keeps no parameter value. Rows serve the network's
 * parameters and the training's alike, so both panels look and behave the same.
 */
public final class ParameterRow {

    /** What a row shows of its parameter: the facts both parameter tables have. */
    record Spec(String key, String unit, String description, String allowedRange, double max, double sliderMin,
                double sliderMax, boolean integer) {
        static Spec of(Parameter p) {
            return new Spec(p.key(), p.unit(), p.description(), p.allowedRange(), p.max(), p.sliderMin(),
                    p.sliderMax(), p.isInteger());
        }

        static Spec of(TrainingParameter p) {
            return new Spec(p.key(), p.unit(), p.description(), p.allowedRange(), p.max(), p.sliderMin(),
                    p.sliderMax(), p.isInteger());
        }
    }

    /** What a row asks of the panel it belongs to. */
    public interface Editor {
        /**
         * The user proposes a value: {@code finished} when the edit is done (Enter, focus loss,
         * slider release), not while a slider is still moving.
         */
        void propose(ParameterRow row, double value, boolean finished);

        /** The field holds text that is not a number; {@code reason} says so in one line. */
        void refuse(ParameterRow row, String reason);

        /** The user pressed Escape in the field. */
        void revert(ParameterRow row);
    }

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** Characters a field shows; a parameter whose largest value needs more (seed) takes the unit's column too. */
    static final int FIELD_COLUMNS = 9;

    private final Spec parameter;
    /** The network parameter of this row, or null for a training parameter. */
    private final Parameter network;
    /** The training parameter of this row, or null for a network parameter. */
    private final TrainingParameter trainingParameter;
    private final SliderScale scale;
    private final Editor editor;
    private final Label label;
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final Label unit;
    /** Why the field's input was refused, under the row; absent (unmanaged) while nothing is refused. */
    private final Label message = new Label();
    /** Set while {@link #show} moves the slider, so that move is not taken for the user's. */
    private boolean showing;

    ParameterRow(Parameter parameter, Editor editor) {
        this(Spec.of(parameter), parameter, null, editor);
    }

    /** A row for one of the training parameters. */
    public ParameterRow(TrainingParameter parameter, Editor editor) {
        this(Spec.of(parameter), null, parameter, editor);
    }

    private ParameterRow(Spec parameter, Parameter network, TrainingParameter trainingParameter, Editor editor) {
        this.parameter = parameter;
        this.network = network;
        this.trainingParameter = trainingParameter;
        this.scale = SliderScale.of(parameter);
        this.editor = editor;
        label = new Label(parameter.key());
        label.setLabelFor(field);
        unit = new Label(parameter.unit());
        slider.setMin(scale.minPosition());
        slider.setMax(scale.maxPosition());
        slider.setBlockIncrement(scale.blockIncrement());
        field.setPrefColumnCount(wideField() ? 2 * FIELD_COLUMNS : FIELD_COLUMNS);
        message.setId(parameter.key() + "-message");
        message.getStyleClass().add("parameter-message");
        message.setWrapText(true);
        message.setMinHeight(Label.USE_PREF_SIZE);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);

        label.getStyleClass().add("parameter-label");
        slider.getStyleClass().add("parameter-slider");
        field.getStyleClass().add("parameter-field");
        unit.getStyleClass().add("parameter-unit");
        slider.setId(parameter.key() + "-slider");
        field.setId(parameter.key() + "-field");

        Tooltip explanation = new Tooltip(parameter.description() + "\n" + parameter.key() + " must be "
                + parameter.allowedRange() + (parameter.unit().isEmpty() ? "." : " (" + parameter.unit() + ")."));
        explanation.setWrapText(true);
        explanation.setMaxWidth(420);
        explanation.setShowDelay(Duration.millis(300));
        label.setTooltip(explanation);
        slider.setTooltip(explanation);
        field.setTooltip(explanation);
        unit.setTooltip(explanation);

        slider.valueProperty().addListener((observable, before, position) -> {
            if (!showing) {
                double value = scale.toValue(position.doubleValue());
                field.setText(Parameter.format(value));
                editor.propose(this, value, false);
            }
        });
        // On release the field holds the slider's value, or the typed one if the thumb was only clicked.
        slider.valueChangingProperty().addListener((observable, was, changing) -> {
            if (!changing) {
                proposeFieldText();
            }
        });
        field.setOnAction(event -> proposeFieldText());
        field.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                proposeFieldText();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                editor.revert(this);
                event.consume();
            }
        });
    }

    Parameter parameter() {
        return network;
    }

    /** The training parameter of this row, or null for one of the network's. */
    public TrainingParameter trainingParameter() {
        return trainingParameter;
    }

    /**
     * Puts the name, slider, field and unit into one row of a four-column grid, and the row's message
     * under it; returns the number of grid rows used.
     */
    public int addTo(GridPane grid, int rowIndex) {
        if (wideField()) {
            grid.addRow(rowIndex, label, slider);
            grid.add(field, 2, rowIndex, 2, 1);
        } else {
            grid.addRow(rowIndex, label, slider, field, unit);
        }
        grid.add(message, 1, rowIndex + 1, 3, 1);
        return 2;
    }

    /** Whether the field needs the unit's column as well to show the largest value (a 10-digit seed). */
    private boolean wideField() {
        return parameter.unit().isEmpty() && Parameter.format(parameter.max()).length() >= FIELD_COLUMNS;
    }

    /** Marks the field refused and says why under it, until the field is accepted or reverted. */
    public void showRefusal(String reason) {
        message.setText(reason);
        message.setVisible(true);
        markInvalid(true);
    }

    public void clearRefusal() {
        message.setText("");
        message.setVisible(false);
        markInvalid(false);
    }

    /** The reason shown under the row, or null. */
    public String refusal() {
        return message.isVisible() ? message.getText() : null;
    }

    /** Shows a value (the slider stops at its ends when the value lies beyond them) and clears any error mark. */
    public void show(double value) {
        showing = true;
        try {
            slider.setValue(scale.toPosition(value));
            field.setText(Parameter.format(value));
            clearRefusal();
        } finally {
            showing = false;
        }
    }

    void markInvalid(boolean invalid) {
        field.pseudoClassStateChanged(INVALID, invalid);
    }

    private void proposeFieldText() {
        String text = field.getText().strip();
        double value;
        try {
            // BigDecimal reads plain decimals and exponents only: no "NaN", "Infinity", hex or type suffixes.
            value = new BigDecimal(text).doubleValue();
        } catch (NumberFormatException notANumber) {
            editor.refuse(this, parameter.key() + " = '" + text + "' is not a number: " + parameter.key() + " must be "
                    + parameter.allowedRange());
            return;
        }
        editor.propose(this, value, true);
    }
}
