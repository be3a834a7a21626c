package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpikeRingTest {

    @Test
    void whenFullEachNewSpikePushesOutTheOldest() {
        SpikeRing ring = new SpikeRing(3);
        ring.add(10, 1);
        ring.add(11, 2);
        ring.add(12, 3);
        assertEquals(-1, ring.latestEvictedStep());
        ring.add(13, 4);

        assertEquals(3, ring.size());
        assertEquals(11, ring.step(0));
        assertEquals(2, ring.neuron(0));
        assertEquals(13, ring.step(2));
        assertEquals(4, ring.neuron(2));
        assertEquals(10, ring.latestEvictedStep());
    }

    @Test
    void findsAndDropsByStep() {
        SpikeRing ring = new SpikeRing(100);
        int[] steps = {1, 4, 4, 4, 9, 12};
        for (int i = 0; i < steps.length; i++) {
            ring.add(steps[i], i);
        }
        assertEquals(1, ring.firstIndexAtOrAfter(2));
        assertEquals(1, ring.firstIndexAtOrAfter(4));
        assertEquals(4, ring.firstIndexAtOrAfter(5));
        assertEquals(6, ring.firstIndexAtOrAfter(13));

        ring.dropBefore(9);
        assertEquals(2, ring.size());
        assertEquals(9, ring.step(0));
        assertEquals(4, ring.neuron(0));
        assertEquals(-1, ring.latestEvictedStep(), "dropping is not evicting");
    }

    @Test
    void growsAsNeededUpToItsCapacityKeepingOrder() {
        SpikeRing ring = new SpikeRing(10_000);
        for (int i = 0; i < 9_000; i++) {
            ring.add(i, i % 7);
        }
        assertEquals(9_000, ring.size());
        assertEquals(10_000, ring.allocated());
        for (int i = 0; i < 9_000; i++) {
            assertEquals(i, ring.step(i));
        }
    }
}
