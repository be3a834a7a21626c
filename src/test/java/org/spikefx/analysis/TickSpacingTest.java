package org.spikefx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickSpacingTest {

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, TickSpacing.step(2.0, 10), 1e-15);
        assertEquals(0.5, TickSpacing.step(1.0, 4), 1e-15);
        assertEquals(500, TickSpacing.step(2000, 8), 1e-12);
        assertEquals(0.001, TickSpacing.step(0.01, 10), 1e-18);
    }

    @Test
    void roundingUpLandsOnAWholeStep() {
        assertEquals(40, TickSpacing.roundUp(32.5, 5), 1e-12);
        assertEquals(30, TickSpacing.roundUp(30, 5), 1e-12);
        assertEquals(1, TickSpacing.roundUp(0, 5));
    }
}
