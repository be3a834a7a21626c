package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine's warm-up builds and steps real networks: they spike, and the same way each time. */
class EngineWarmUpTest {

    @Test
    void aWarmUpStepsNetworksThatSpikeTheSameEachTime() {
        long spikes = EngineWarmUp.run();
        // At the defaults a neuron fires about 19 times a second: 300 neurons over 0.2 s, three times,
        // give some thousands of spikes.
        assertTrue(spikes > EngineWarmUp.ROUNDS * EngineWarmUp.NEURONS, "spikes " + spikes);
        assertEquals(spikes, EngineWarmUp.run(), "a network of its own, the same each time");
    }
}
