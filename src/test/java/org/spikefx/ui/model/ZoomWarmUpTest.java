package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The zoom's warm-up does the work of a zoom: every frame draws points of each trace and spikes. */
class ZoomWarmUpTest {

    @Test
    void aWarmUpDrawsEveryFrameAndTheSameEachTime() {
        long drawn = ZoomWarmUp.run();
        // Each frame draws at least two points per trace column it covers and a share of the 75,000 spikes:
        // at the deepest zoom (1/20 of the run) about 3,750 of them.
        long deepestSpikes = ZoomWarmUp.SPIKES / 20;
        assertTrue(drawn > ZoomWarmUp.FRAMES * deepestSpikes, "drawn " + drawn);
        assertEquals(drawn, ZoomWarmUp.run(), "made-up data of its own, the same each time");
    }
}
