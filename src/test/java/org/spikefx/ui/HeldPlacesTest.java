package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** The blanks of a launch give way to their parts one at a time, in the order they were held. */
class HeldPlacesTest {
    private final ObjectProperty<Node> top = new SimpleObjectProperty<>();
    private final ObjectProperty<Node> bottom = new SimpleObjectProperty<>();
    private final ObjectProperty<Node> left = new SimpleObjectProperty<>();
    private final Region bar = new Region();
    private final Region status = new Region();
    private final Region panel = new Region();

    @Test
    void eachFillPutsTheNextPartInItsPlaceAndAPlaceTakenMeanwhileKeepsWhatItHas() {
        HeldPlaces held = new HeldPlaces();
        Region topBlank = held.hold(top, () -> bar, "top-bar");
        held.hold(bottom, () -> status, "status-bar");
        held.hold(left, () -> panel, "parameter-panel");
        assertSame(topBlank, top.get());
        for (ObjectProperty<Node> place : List.of(top, bottom, left)) {
            assertTrue(place.get().getStyleClass().contains(HeldPlaces.HELD_PLACE), "a blank holds " + place);
        }
        assertTrue(topBlank.getStyleClass().contains("top-bar"), "a blank has its part's class, and so its size");

        Region trainingColumn = new Region();
        left.set(trainingColumn); // Training mode chosen before the first spikes

        assertTrue(held.fillNext());
        assertSame(bar, top.get());
        assertTrue(bottom.get().getStyleClass().contains(HeldPlaces.HELD_PLACE), "one part a call");
        assertTrue(held.fillNext());
        assertSame(status, bottom.get());
        assertTrue(held.fillNext());
        assertSame(trainingColumn, left.get(), "a place something else took keeps it");
        assertFalse(held.fillNext(), "nothing left to fill");
    }

    @Test
    void fillPutsEveryPartInPlaceAtOnce() {
        HeldPlaces held = new HeldPlaces();
        held.hold(top, () -> bar, "top-bar");
        held.hold(left, () -> panel, "parameter-panel");
        held.fill();
        assertSame(bar, top.get());
        assertSame(panel, left.get());
        assertFalse(held.fillNext());
    }
}
