package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FramePacingTest {
    private static final long PULSE = 16_666_667L;
    private static final double FULL_SPEED = Double.POSITIVE_INFINITY;

    @Test
    void aRunThatKeepsPaceDrawsEveryFrame() {
        assertEquals(0, FramePacing.intervalNanos(11, FULL_SPEED) / PULSE, "n = 2000 at full speed: 11x real time");
        assertEquals(0, FramePacing.intervalNanos(1, 1), "1x asked, 1x achieved");
        assertEquals(0, FramePacing.intervalNanos(0.25, 0.25), "slow motion asked and achieved");
        assertEquals(0, FramePacing.intervalNanos(0.23, 0.25), "within a tenth of the pace asked");
        assertEquals(0, FramePacing.intervalNanos(Double.NaN, FULL_SPEED), "speed not known yet");
        assertEquals(0, FramePacing.intervalNanos(0, FULL_SPEED), "nothing simulated yet");
    }

    @Test
    void aRunBehindItsPaceDrawsOnceItHasMovedOnByAThirtiethOfASecond() {
        assertEquals(Math.round(1e9 / 30 / 0.8), FramePacing.intervalNanos(0.8, FULL_SPEED));
        assertEquals(Math.round(1e9 / 30 / 0.8), FramePacing.intervalNanos(0.8, 1));
        assertEquals(FramePacing.LONGEST_INTERVAL_NANOS, FramePacing.intervalNanos(0.1, 0.25), "behind a slow motion too");
    }

    @Test
    void neverFewerThanFifteenFramesASecond() {
        assertEquals(FramePacing.LONGEST_INTERVAL_NANOS, FramePacing.intervalNanos(0.3, FULL_SPEED));
        assertEquals(FramePacing.LONGEST_INTERVAL_NANOS, FramePacing.intervalNanos(1e-6, 1));
        assertEquals(15, 1e9 / FramePacing.LONGEST_INTERVAL_NANOS, 1e-6);
    }

    @Test
    void pulsesAtSixtyHertzDrawEveryFourthWhenFarBehind() {
        FramePacing pacing = new FramePacing();
        int drawn = 0;
        long start = 1_000_000_000L;
        for (int pulse = 0; pulse < 60; pulse++) {
            // Pulses jitter by a millisecond either way.
            long now = start + pulse * PULSE + (pulse % 2 == 0 ? 1_000_000 : -1_000_000);
            if (pacing.due(now, 0.3, FULL_SPEED)) {
                pacing.drawn(now);
                drawn++;
            }
        }
        assertEquals(15, drawn, "one second of pulses");
    }

    @Test
    void everyPulseDrawsWhileTheRunKeepsPace() {
        FramePacing pacing = new FramePacing();
        for (int pulse = 0; pulse < 10; pulse++) {
            long now = pulse * PULSE;
            assertTrue(pacing.due(now, 2, FULL_SPEED));
            pacing.drawn(now);
        }
    }

    @Test
    void theFirstPulseDrawsAndTheNextWaits() {
        FramePacing pacing = new FramePacing();
        assertTrue(pacing.due(5, 0.3, FULL_SPEED), "nothing drawn yet");
        pacing.drawn(5);
        assertFalse(pacing.due(5 + PULSE, 0.3, FULL_SPEED));
        assertTrue(pacing.due(5 + 4 * PULSE, 0.3, FULL_SPEED));
    }
}
