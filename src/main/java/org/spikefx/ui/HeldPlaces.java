package org.spikefx.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Blank regions that hold the places of parts of the window while a launch draws the plots alone
 * ({@link MainWindow#showPlotsFirst}): the menus and tool bar, the status bar and the parameter panel
 * are dozens of controls to make, style and lay out, about as long again as the plots, so they come once
 * the first spikes are on screen.
 *
 * <p>A blank carries the style classes of what it stands for. The style sheet fixes the size of those
 * classes across the layout (the bars' heights, the panel's width) instead of leaving it to their
 * contents, so a blank is as large as the part it holds the place of, and the plots do not move when the
 * part takes its place.
 */
final class HeldPlaces {
    /** Style class of every blank, besides those of the part it stands for. */
    static final String HELD_PLACE = "held-place";

    private record Held(ObjectProperty<Node> place, Region blank, Supplier<? extends Node> part) {
    }

    private final List<Held> held = new ArrayList<>();

    /**
     * Puts a blank with these style classes in the place until {@link #fill}, which puts the part there.
     *
     * @return the blank, for sizes the style sheet does not set
     */
    Region hold(ObjectProperty<Node> place, Supplier<? extends Node> part, String... styleClasses) {
        Region blank = new Region();
        blank.getStyleClass().addAll(styleClasses);
        blank.getStyleClass().add(HELD_PLACE);
        place.set(blank);
        held.add(new Held(place, blank, part));
        return blank;
    }

    /**
     * Puts the part of the place held longest where its blank still is; false if no place is held. A
     * place that something else took meanwhile (Training mode chosen before the first spikes, which puts
     * its own column on the left) keeps what it has.
     */
    boolean fillNext() {
        if (held.isEmpty()) {
            return false;
        }
        Held place = held.remove(0);
        if (place.place().get() == place.blank()) {
            place.place().set(place.part().get());
        }
        return true;
    }

    /** Puts every part where its blank still is ({@link #fillNext}, for each place). */
    void fill() {
        while (fillNext()) {
            // one place after the other
        }
    }
}
