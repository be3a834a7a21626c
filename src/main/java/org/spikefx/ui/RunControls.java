package org.spikefx.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

import org.controlsfx.control.ToggleSwitch;

import org.spikefx.export.ViewSettings;
import org.spikefx.params.Parameter;

/**
 * The run controls: restart, pause and resume, single step, speed, fixed duration or continuous run
 * with a scrolling window, and a screenshot button (the real-time factor achieved is in the statistics' header).
 * The controls only show and change what the user wants ({@link RunSettings}); {@link MainWindow} passes it on
 * to the runner.
 */
final class RunControls extends ToolBar {
    /** Speeds offered, as multiples of real time; infinity means as fast as the machine allows. */
    static final List<Double> SPEEDS = List.of(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, Double.POSITIVE_INFINITY);

    private final ToggleButton pause = new ToggleButton("Pause");
    private final Button restart = new Button("Restart");
    private final Button step = new Button("Step 1 ms");
    private final ComboBox<Double> speed = new ComboBox<>();
    private final ToggleSwitch continuous = new ToggleSwitch("Run continuously");
    /**
     * The stops of the window spinner's arrows, in seconds: from 2 s to 60 s in five clicks. Any
     * width in between can be typed.
     */
    static final List<Double> WINDOW_STOPS = List.of(0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0);

    private final Spinner<Double> windowSeconds = new Spinner<>(new WindowStops());
    /** The settings' window width as the spinner's kind of value; held here, since bidirectional bindings are weak. */
    private final ObjectProperty<Double> window;

    /**
     * @param settings what the controls show and change
     * @param onRefused shows why a typed window width was refused, in one line
     */
    RunControls(RunSettings settings, Runnable onRestart, Runnable onStep, Runnable onScreenshot,
                Consumer<String> onRefused) {
        BooleanProperty paused = settings.pausedProperty();
        getStyleClass().add("run-controls");
        restart.setId("restart-button");
        restart.setOnAction(event -> onRestart.run());
        restart.setTooltip(new Tooltip("Start the run again from time 0 (R)"));
        pause.setId("pause-button");
        pause.selectedProperty().bindBidirectional(paused);
        pause.textProperty().bind(paused.map(isPaused -> isPaused ? "Resume" : "Pause"));
        pause.setTooltip(new Tooltip("Pause or resume the simulation (Space)"));
        step.setId("step-button");
        step.disableProperty().bind(paused.not());
        step.setOnAction(event -> onStep.run());
        step.setTooltip(new Tooltip("While paused: advance by 1 ms of simulated time"));

        speed.setId("speed-chooser");
        speed.getItems().setAll(SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double multiple) {
                return multiple == null ? "" : formatSpeed(multiple);
            }

            @Override
            public Double fromString(String text) {
                throw new UnsupportedOperationException("the speed is chosen from the list");
            }
        });
        speed.valueProperty().bindBidirectional(settings.speedProperty());
        speed.setTooltip(new Tooltip("Simulated time per wall-clock time; Max runs as fast as the computer can"));

        continuous.setId("continuous-switch");
        continuous.selectedProperty().bindBidirectional(settings.continuousProperty());
        continuous.setTooltip(new Tooltip("Run past T for as long as you like; the plots scroll"));
        windowSeconds.setId("window-spinner");
        windowSeconds.setPrefWidth(86);
        // Typed widths are committed with Enter or by leaving the field; one that is not allowed is
        // refused with the reason, and the field shows the width in use again.
        windowSeconds.setEditable(true);
        TextField editor = windowSeconds.getEditor();
        editor.setOnAction(event -> commitTypedWindow(onRefused));
        editor.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                commitTypedWindow(onRefused);
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                editor.setText(Parameter.format(windowSeconds.getValue()));
                event.consume();
            }
        });
        windowSeconds.disableProperty().bind(continuous.selectedProperty().not());
        windowSeconds.setTooltip(new Tooltip("Seconds of simulated time the scrolling plots show"));
        window = settings.windowSecondsProperty().asObject();
        windowSeconds.getValueFactory().valueProperty().bindBidirectional(window);

        Button screenshot = new Button("Screenshot");
        screenshot.setId("screenshot-button");
        screenshot.setOnAction(event -> onScreenshot.run());
        screenshot.setTooltip(new Tooltip("Save a PNG of the plots (Ctrl+S); scale and SVG under File"));

        // The screenshot comes before the speed and the window, so that a narrow window (1280 px in
        // presentation mode) still shows it; the achieved speed is in the statistics' header.
        getItems().addAll(restart, pause, step, new Separator(), screenshot, new Separator(), new Label("Speed"), speed,
                new Separator(), continuous, new Label("window (s)"), windowSeconds);
    }

    private static final String WINDOW_RANGE = "the window must be from "
            + Parameter.format(ViewSettings.MIN_WINDOW_SECONDS) + " to " + Parameter.format(ViewSettings.MAX_WINDOW_SECONDS)
            + " s";

    /** The window width: the arrows move from stop to stop; a typed width in range is kept as typed. */
    private static final class WindowStops extends SpinnerValueFactory<Double> {
        WindowStops() {
            setConverter(new StringConverter<>() {
                @Override
                public String toString(Double seconds) {
                    return seconds == null ? "" : Parameter.format(seconds);
                }

                /** Only reached through the spinner's own commit; the window's commit checks the text first. */
                @Override
                public Double fromString(String text) {
                    try {
                        double seconds = new BigDecimal(text.strip()).doubleValue();
                        return seconds >= ViewSettings.MIN_WINDOW_SECONDS && seconds <= ViewSettings.MAX_WINDOW_SECONDS
                                ? seconds : getValue();
                    } catch (NumberFormatException notANumber) {
                        return getValue();
                    }
                }
            });
        }

        @Override
        public void decrement(int steps) {
            double seconds = getValue();
            for (int k = 0; k < steps; k++) {
                double current = seconds;
                seconds = WINDOW_STOPS.stream().filter(stop -> stop < current).reduce((a, b) -> b).orElse(current);
            }
            setValue(seconds);
        }

        @Override
        public void increment(int steps) {
            double seconds = getValue();
            for (int k = 0; k < steps; k++) {
                double current = seconds;
                seconds = WINDOW_STOPS.stream().filter(stop -> stop > current).findFirst().orElse(current);
            }
            setValue(seconds);
        }
    }

    static String formatSpeed(double multiple) {
        return Double.isInfinite(multiple) ? "Max" : Parameter.format(multiple) + "x";
    }

    private void commitTypedWindow(Consumer<String> onRefused) {
        String text = windowSeconds.getEditor().getText().strip();
        try {
            double seconds = new BigDecimal(text).doubleValue();
            if (!(seconds >= ViewSettings.MIN_WINDOW_SECONDS && seconds <= ViewSettings.MAX_WINDOW_SECONDS)) {
                onRefused.accept("window = " + text + " s is not allowed: " + WINDOW_RANGE);
            } else {
                windowSeconds.getValueFactory().setValue(seconds);
            }
        } catch (NumberFormatException notANumber) {
            onRefused.accept("window = '" + text + "' is not a number: " + WINDOW_RANGE);
        }
        windowSeconds.getEditor().setText(Parameter.format(windowSeconds.getValue()));
    }
}
