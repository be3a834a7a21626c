package org.spikefx.ui.pin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.view.StatisticsView;

/**
 * The pinned runs, at most {@link #MAX_PINS}, and the settings of the run they are compared with: the
 * presentation model that the comparison table, the overlays and the menu bind to. A pin keeps its
 * letter (A or B) while it is pinned, so that a class can speak of "run A" while the other pin comes
 * and goes; the overlays' colours and dashes follow the letter.
 */
public final class PinBoard {
    /** Two pins: enough to set g = 0.04 against g = 0.15 beside the current run, few enough to read. */
    public static final int MAX_PINS = StatisticsView.OVERLAY_SLOTS;
    /** More differences than this are summed up as "and K more", to keep a label on one short line. */
    static final int MAX_NAMED_DIFFERENCES = 3;
    /** Settings that only choose what is recorded, not what the network does. */
    private static final List<Parameter> NOT_COMPARED = List.of(Parameter.NREC);

    /** A pinned run under its letter. */
    public record Pin(int slot, PinnedRun run) {
        /** "A" for the first slot, "B" for the second. */
        public String name() {
            return String.valueOf((char) ('A' + slot));
        }
    }

    private final ObservableList<Pin> pins = FXCollections.observableArrayList();
    private final ObservableList<Pin> readOnly = FXCollections.unmodifiableObservableList(pins);
    private final ObjectProperty<NetworkParameters> current =
            new SimpleObjectProperty<>(this, "current", NetworkParameters.DEFAULTS);

    /** The pins, in order of their letters. */
    public ObservableList<Pin> pins() {
        return readOnly;
    }

    /** The settings of the run now shown, which each pin's label is told against. */
    public ObjectProperty<NetworkParameters> currentProperty() {
        return current;
    }

    /**
     * Pins a run under the first free letter. With {@link #MAX_PINS} pins already, the older one gives
     * its place (and its letter) to the new one.
     *
     * @return the pin that was replaced, if one was
     */
    public Optional<Pin> pin(PinnedRun run) {
        Pin replaced = null;
        int slot = freeSlot();
        if (slot < 0) {
            replaced = pins.get(0);
            pins.remove(0); // the oldest pin is always first: see below
            slot = replaced.slot();
        }
        // Pins are kept in the order they were made, which is also the order to replace them in.
        pins.add(new Pin(slot, run));
        return Optional.ofNullable(replaced);
    }

    private int freeSlot() {
        for (int slot = 0; slot < MAX_PINS; slot++) {
            int wanted = slot;
            if (pins.stream().noneMatch(pin -> pin.slot() == wanted)) {
                return slot;
            }
        }
        return -1;
    }

    public void unpin(Pin pin) {
        pins.remove(pin);
    }

    public void clear() {
        pins.clear();
    }

    /** What the pin's settings are where they differ from the current ones: "g = 0.15, seed = 7". */
    public String label(Pin pin) {
        return differences(pin.run().params(), current.get());
    }

    /**
     * The pinned values of the settings that differ from {@code now}, by name and with units, or
     * "same settings" where none does (a run pinned mid-way, or the same network again).
     */
    public static String differences(NetworkParameters pinned, NetworkParameters now) {
        List<String> named = new ArrayList<>();
        int more = 0;
        for (Parameter parameter : Parameter.values()) {
            if (NOT_COMPARED.contains(parameter) || pinned.get(parameter) == now.get(parameter)) {
                continue;
            }
            if (named.size() < MAX_NAMED_DIFFERENCES) {
                String unit = parameter.unit().isEmpty() || parameter.unit().equals("neurons") ? "" : " " + parameter.unit();
                named.add(String.format(Locale.ROOT, "%s = %s%s", parameter.key(),
                        Parameter.format(pinned.get(parameter)), unit));
            } else {
                more++;
            }
        }
        if (named.isEmpty()) {
            return "same settings";
        }
        return String.join(", ", named) + (more > 0 ? " and " + more + " more" : "");
    }
}
