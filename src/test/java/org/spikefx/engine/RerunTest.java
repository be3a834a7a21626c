package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class RerunTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 0.1);
    private static final RandomNetwork NETWORK = RandomNetwork.build(PARAMS);

    @Test
    void aSpanEqualsTheLiveRunBitForBit() {
        int[] chosen = {250, 3, 117};
        int from = 700;
        int to = 1500;
        Rerun.Span span = Rerun.balanced(PARAMS, NETWORK, chosen, from, to);

        // The live run, stepped by hand, following the same neurons from t = 0.
        Simulation live = new Simulation(PARAMS, NETWORK);
        live.setRecordedNeurons(chosen);
        live.balance().follow(chosen);
        List<Integer> liveSpikes = new ArrayList<>();
        for (int step = 0; step < to; step++) {
            live.advance();
            if (step < from) {
                continue;
            }
            int s = step - from;
            for (int r = 0; r < chosen.length; r++) {
                assertEquals(live.recordedVoltages()[r], span.voltage(s, r), 0.0, "voltage at step " + step);
                assertEquals(live.balance().excitatory(r), span.excitatory(s, r), 0.0, "excitation at step " + step);
                assertEquals(live.balance().inhibitory(r), span.inhibitory(s, r), 0.0, "inhibition at step " + step);
            }
            for (int k = 0; k < live.spikeCount(); k++) {
                liveSpikes.add(step);
                liveSpikes.add(live.spikers()[k]);
            }
        }
        assertEquals(to - from, span.steps());
        assertArrayEquals(chosen, span.neurons());
        assertTrue(liveSpikes.size() > 100, "the span has spikes to compare: " + liveSpikes.size() / 2);
        assertEquals(liveSpikes.size() / 2, span.spikeSteps().length);
        for (int k = 0; k < span.spikeSteps().length; k++) {
            assertEquals(liveSpikes.get(2 * k), span.spikeSteps()[k], "step of spike " + k);
            assertEquals(liveSpikes.get(2 * k + 1), span.spikeNeurons()[k], "neuron of spike " + k);
        }
        double largest = 0;
        for (double e : span.excitatory()) {
            largest = Math.max(largest, e);
        }
        assertTrue(largest > 0.1, "the balance currents are there: " + largest);
    }

    @Test
    void theSameSpanTwiceIsTheSameAndOtherSpansAreRefused() {
        Rerun.Span first = Rerun.balanced(PARAMS, NETWORK, new int[] {5}, 10, 40);
        Rerun.Span again = Rerun.balanced(PARAMS, NETWORK, new int[] {5}, 10, 40);
        assertArrayEquals(first.voltages(), again.voltages());
        assertArrayEquals(first.inhibitory(), again.inhibitory());
        assertEquals("steps 40 to 40 are not a span: it must start at 0 or later and end after it starts",
                assertThrows(IllegalArgumentException.class,
                        () -> Rerun.balanced(PARAMS, NETWORK, new int[] {5}, 40, 40)).getMessage());
        assertEquals("neuron 300 does not exist: neurons are 0 to 299", assertThrows(IllegalArgumentException.class,
                () -> Rerun.balanced(PARAMS, NETWORK, new int[] {300}, 0, 40)).getMessage());
    }

    @Test
    void anInterruptCancelsTheRerun() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> Rerun.balanced(PARAMS, NETWORK, new int[] {1}, 0, 400));
        } finally {
            Thread.interrupted();
        }
    }
}
