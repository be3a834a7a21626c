package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D LARGE_MONITOR = new Rectangle2D(0, 0, 2560, 1400);

    @Test
    void theFirstTimeTheWindowFillsAProjectorsScreen() {
        assertEquals(new WindowPlacement.Size(1280, 720, true), WindowPlacement.initial(PROJECTOR, Optional.empty()));
    }

    @Test
    void onALargerScreenItOpensAtFullHd() {
        assertEquals(new WindowPlacement.Size(1920, 1080, false),
                WindowPlacement.initial(LARGE_MONITOR, Optional.empty()));
    }

    @Test
    void afterThatItOpensAtTheSizeItWasClosedAtWithinTheScreen() {
        assertEquals(new WindowPlacement.Size(1100, 650, false),
                WindowPlacement.initial(PROJECTOR, Optional.of(new WindowPlacement.Size(1100, 650, false))));
        assertEquals(new WindowPlacement.Size(1280, 720, false),
                WindowPlacement.initial(PROJECTOR, Optional.of(new WindowPlacement.Size(2000, 1200, false))),
                "a size saved on a larger screen");
        assertEquals(new WindowPlacement.Size(1280, 720, true),
                WindowPlacement.initial(PROJECTOR, Optional.of(new WindowPlacement.Size(1280, 720, true))));
    }
}
