package org.spikefx.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the user wants of the run: paused or not, its speed, a fixed duration or continuous with a
 * scrolling window, and that window's width. The tool bar ({@link RunControls}) shows and changes it,
 * the keys and a saved configuration change it, and {@link MainWindow} passes it on to the runner. It
 * is a model of its own, not read back out of the tool bar's widgets, so that the tool bar can be made
 * after the first frame of a launch ({@link MainWindow#showPlotsFirst}) and benchmarks and exports can
 * set it without one.
 */
final class RunSettings {
    /** The scrolling window's width before the user chooses one, in seconds. */
    static final double FIRST_WINDOW_SECONDS = 2;
    /** Real time: a class watches the network at the pace it would run in a brain. */
    static final double FIRST_SPEED = 1;

    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    /** Simulated time per wall-clock time; infinity runs as fast as the machine allows. */
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(this, "speed", FIRST_SPEED);
    private final BooleanProperty continuous = new SimpleBooleanProperty(this, "continuous");
    private final DoubleProperty windowSeconds = new SimpleDoubleProperty(this, "windowSeconds", FIRST_WINDOW_SECONDS);

    BooleanProperty pausedProperty() {
        return paused;
    }

    ObjectProperty<Double> speedProperty() {
        return speed;
    }

    BooleanProperty continuousProperty() {
        return continuous;
    }

    /** Seconds of simulated time the scrolling plots show, while running continuously. */
    DoubleProperty windowSecondsProperty() {
        return windowSeconds;
    }
}
