package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class BalanceProbeTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 400)
            .with(Parameter.T, 0.3);

    @Test
    void excitationPlusInhibitionIsTheSynapticCurrentAndKeepsGoingWhenOthersAreFollowed() {
        Simulation simulation = new Simulation(PARAMS, RandomNetwork.build(PARAMS));
        simulation.balance().follow(new int[] {7});
        double previousSum = 0;
        double largestPart = 0;
        for (int step = 0; step < PARAMS.steps(); step++) {
            if (step == PARAMS.steps() / 2) {
                // Neuron 7 moves to second place behind a newcomer; its split must go on undisturbed.
                simulation.balance().follow(new int[] {3, 7});
            }
            simulation.advance();
            assertEquals(previousSum, simulation.currentIntegratedInLastStep(7), 1e-9, "ipsc before step " + step);
            BalanceProbe balance = simulation.balance();
            int r = balance.neurons().length - 1;
            assertTrue(balance.excitatory(r) >= 0 && balance.inhibitory(r) <= 0);
            previousSum = balance.excitatory(r) + balance.inhibitory(r);
            largestPart = Math.max(largestPart, balance.excitatory(r));
        }
        assertTrue(largestPart > 1, "the excitatory part is large (" + largestPart + " mV), the sum small");
    }
}
