package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class RandomNetworkTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void splittingTheRowsIntoBandsGivesTheSameNetwork(int bands) {
        // An odd n puts a gaussian pair across the border of two rows, and so of two bands.
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 301).with(Parameter.SEED, 5);
        RandomNetwork single = RandomNetwork.build(params, fraction -> { }, 1);
        RandomNetwork banded = RandomNetwork.build(params, fraction -> { }, bands);
        assertEquals(single.weights().synapseCount(), banded.weights().synapseCount());
        for (int i = 0; i < params.n(); i++) {
            for (int j = 0; j < params.n(); j++) {
                if (single.weights().weight(i, j) != banded.weights().weight(i, j)) {
                    throw new AssertionError("w[" + i + "][" + j + "] differs with " + bands + " bands");
                }
            }
        }
        assertArrayEquals(single.initialVoltages(-65), banded.initialVoltages(-65));
    }

    @Test
    void targetsStoredInSixteenOrThirtyTwoBitsGiveTheSameWeightsAndSpikes() {
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 500).with(Parameter.T, 0.3);
        RandomNetwork narrow = RandomNetwork.build(params, fraction -> { }, 2, true);
        RandomNetwork wide = RandomNetwork.build(params, fraction -> { }, 2, false);
        for (int i = 0; i < params.n(); i++) {
            for (int j = 0; j < params.n(); j++) {
                if (narrow.weights().weight(i, j) != wide.weights().weight(i, j)) {
                    throw new AssertionError("w[" + i + "][" + j + "] differs between the layouts");
                }
            }
        }
        try (Simulation fromNarrow = Simulation.parallel(params, narrow, 2);
             Simulation fromWide = Simulation.parallel(params, wide, 2)) {
            while (!fromNarrow.finished()) {
                fromNarrow.advance();
                fromWide.advance();
                assertArrayEquals(java.util.Arrays.copyOf(fromNarrow.spikers(), fromNarrow.spikeCount()),
                        java.util.Arrays.copyOf(fromWide.spikers(), fromWide.spikeCount()));
            }
        }
    }

    @Test
    void progressRisesToOne() {
        List<Double> reported = new ArrayList<>();
        RandomNetwork.build(NetworkParameters.DEFAULTS.with(Parameter.N, 500), reported::add, 2);
        assertTrue(reported.size() > 10, "progress was reported " + reported.size() + " times");
        for (int k = 1; k < reported.size(); k++) {
            assertTrue(reported.get(k) >= reported.get(k - 1), "progress went back at report " + k);
        }
        assertEquals(1.0, reported.get(reported.size() - 1));
    }

    @Test
    void anInterruptedBuildStops() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class,
                    () -> RandomNetwork.build(NetworkParameters.DEFAULTS.with(Parameter.N, 500), f -> { }, 2));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void initialVoltagesFollowTheResetVoltage() {
        RandomNetwork network = RandomNetwork.build(NetworkParameters.DEFAULTS.with(Parameter.N, 50));
        double[] at65 = network.initialVoltages(-65);
        double[] at70 = network.initialVoltages(-70);
        for (int k = 0; k < 50; k++) {
            double u = (at65[k] + 65) / 95;
            assertEquals(-70 + u * 100, at70[k], 1e-12);
            assertTrue(at65[k] >= -65 && at65[k] < 30);
        }
    }
}
