package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

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
    void givesSpikesInOrderAcrossTheRingsWrapUntilTheCountOrTheEndStep() {
        SpikeRing ring = new SpikeRing(5);
        for (int step = 0; step < 8; step++) {
            ring.add(step, 100 + step); // keeps steps 3..7, the newest two stored before the oldest
        }
        List<String> given = new ArrayList<>();
        int next = ring.forEach(1, 10, 7, (step, neuron) -> given.add(step + ":" + neuron));
        assertEquals(List.of("4:104", "5:105", "6:106"), given, "from index 1 up to the end step");
        assertEquals(4, next, "the spike at the end step is next");

        given.clear();
        next = ring.forEach(0, 2, Integer.MAX_VALUE, (step, neuron) -> given.add(step + ":" + neuron));
        assertEquals(List.of("3:103", "4:104"), given, "two, as many as asked for");
        assertEquals(2, next);
        assertEquals(5, ring.forEach(0, Integer.MAX_VALUE, Integer.MAX_VALUE, (step, neuron) -> { }),
                "all five kept, and no more");
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
