package org.spikefx.ui.view.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedrawGateTest {
    private final RedrawGate gate = new RedrawGate();
    private int drawn;

    private boolean frame(double... state) {
        return gate.drawIfDue(state, () -> drawn++);
    }

    @Test
    void manyInvalidationsInOneFrameAskForOneLayoutAndGiveOneDraw() {
        frame(0, 1, 800);
        int layoutsAsked = 0;
        for (int k = 0; k < 100; k++) {
            if (gate.invalidate()) {
                layoutsAsked++;
            }
        }
        drawn = 0;
        assertTrue(frame(0, 1, 800, 5), "the data changed");
        assertFalse(frame(0, 1, 800, 5), "a second layout in the frame draws nothing more");
        assertEquals(1, layoutsAsked);
        assertEquals(1, drawn);
        assertTrue(gate.invalidate(), "after the draw, the next invalidation asks for a layout again");
    }

    @Test
    void drawsOnlyWhenWhatItShowsChanged() {
        assertTrue(frame(0, 1, 800), "the first frame draws");
        gate.invalidate();
        assertFalse(frame(0, 1, 800), "nothing changed: no draw");
        assertTrue(frame(0.1, 1.1, 800), "the axes moved");
        assertTrue(frame(0.1, 1.1, 640), "the plot got narrower");
        gate.force();
        assertTrue(frame(0.1, 1.1, 640), "forced: a new layer or style");
        assertEquals(4, drawn);
        assertEquals(4, gate.draws());
    }
}
