package org.spikefx.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.spikefx.ui.model.PopulationRate;

/**
 * How the window shows the run, as {@link RunSettings} is what the user wants of the run: the theme,
 * presentation mode, the population rate's bin width and the neuron picked in the raster. The menus, the
 * keys and the views bind to it, a saved configuration sets it, and the configuration to save is read from
 * it, never from a widget: the chooser of the rate's bins or the raster's selection.
 */
final class DisplaySettings {
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode");
    private final ObjectProperty<Integer> rateBinMilliseconds =
            new SimpleObjectProperty<>(this, "rateBinMilliseconds",
                    (int) Math.round(PopulationRate.DEFAULT_BIN_SECONDS * 1000));
    private final ObjectProperty<Integer> selectedNeuron = new SimpleObjectProperty<>(this, "selectedNeuron");

    /** The dark theme, for a dark room. */
    BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Large text and lines in full screen, for a projector. */
    BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    /** The population rate's bin width, 1 to 5 whole milliseconds. */
    ObjectProperty<Integer> rateBinMillisecondsProperty() {
        return rateBinMilliseconds;
    }

    /** The neuron picked in the raster, whose row is marked and whose trace is shown; or null. */
    ObjectProperty<Integer> selectedNeuronProperty() {
        return selectedNeuron;
    }
}
