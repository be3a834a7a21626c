package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.spikefx.run.Batch;
import org.spikefx.ui.TestBatches;

/** The voltage and balance models: which samples go to which trace. */
class TracesTest {

    private static List<Double> values(MinMaxDecimator trace) {
        List<Double> values = new ArrayList<>();
        trace.forEachPoint((time, value) -> values.add(value));
        return values;
    }

    @Test
    void aShownNeuronTakesItsOwnColumnOfTheBatchAndAnUnrecordedOneStaysEmpty() {
        VoltageTraces traces = new VoltageTraces(1.0, 1000);
        traces.showNeurons(new int[] {7, 3});
        // Recorded 4, 7, 2: neuron 7 is the second column; every voltage encodes its neuron.
        traces.accept(TestBatches.withVoltages(0, 3, 0.01, new int[] {4, 7, 2}, (step, neuron) -> neuron * 100 + step));
        traces.update(0, 3, 1.0, 1000);

        assertEquals(List.of(700.0, 701.0, 702.0), values(traces.trace(7)));
        assertTrue(traces.trace(3).isEmpty());
        assertArrayEquals(new int[] {7, 3}, traces.shownNeurons());
    }

    @Test
    void aNeuronShownAgainKeepsItsTrace() {
        VoltageTraces traces = new VoltageTraces(1.0, 1000);
        traces.showNeurons(new int[] {7});
        MinMaxDecimator trace = traces.trace(7);
        traces.showNeurons(new int[] {1, 7});
        assertSame(trace, traces.trace(7));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> traces.trace(2));
        assertEquals("neuron 2 is not shown; shown are [1, 7]", error.getMessage());
    }

    @Test
    void theNetInputIsExcitationPlusInhibitionAndANeuronFollowedLateWaitsForItsReRun() {
        BalanceTraces traces = new BalanceTraces(1.0, 1000);
        traces.accept(balanceBatch(0, 5, new double[] {12, 13}, new double[] {-11, -14}));
        traces.update(0, 2, 1.0, 1000);
        assertEquals(5, traces.neuron());
        assertEquals(List.of(12.0, 13.0), values(traces.excitatory()));
        assertEquals(List.of(-11.0, -14.0), values(traces.inhibitory()));
        assertEquals(List.of(1.0, -1.0), values(traces.net()));

        // Followed from step 2 on, neuron 8's split starts from zero: a transient, not its input.
        traces.accept(balanceBatch(2, 8, new double[] {20}, new double[] {-20}));
        traces.update(0, 3, 1.0, 1000);
        assertEquals(8, traces.neuron());
        assertTrue(traces.net().isEmpty());
        assertTrue(!traces.covers(0, 3));

        traces.put(8, 0, new double[] {1, 2, 20}, new double[] {-1, -3, -20});
        traces.update(0, 3, 1.0, 1000);
        assertTrue(traces.covers(0, 3));
        assertEquals(List.of(0.0, -1.0, 0.0), values(traces.net()));
    }

    @Test
    void zoomedOutTheNetInputIsThinnedToTheSamePointsAsItsStepsAddedUp() {
        int steps = 50_000;
        double dt = 5e-5;
        java.util.Random random = new java.util.Random(3);
        double[] excitation = new double[steps];
        double[] inhibition = new double[steps];
        for (int s = 0; s < steps; s++) {
            excitation[s] = 15 + random.nextGaussian();
            inhibition[s] = -15 + random.nextGaussian();
        }
        BalanceTraces traces = new BalanceTraces(1.0, 1000);
        traces.accept(new Batch(1, 0, steps, dt, 10, new int[0], new double[0], new int[0], new int[0],
                new int[steps], new int[] {4}, excitation, inhibition));
        int columns = 300;
        double span = steps * dt;
        traces.update(0, steps, span, columns);

        MinMaxDecimator expected = new MinMaxDecimator(span, columns);
        for (int s = 0; s < steps; s++) {
            expected.add(s * dt, excitation[s] + inhibition[s]);
        }
        List<double[]> want = new ArrayList<>();
        expected.forEachPoint((time, value) -> want.add(new double[] {time, value}));
        List<double[]> got = new ArrayList<>();
        traces.net().forEachPoint((time, value) -> got.add(new double[] {time, value}));
        assertEquals(want.size(), got.size());
        for (int k = 0; k < want.size(); k++) {
            assertArrayEquals(want.get(k), got.get(k), 0, "point " + k);
        }
    }

    private static Batch balanceBatch(int firstStep, int neuron, double[] excitatory, double[] inhibitory) {
        return new Batch(1, firstStep, excitatory.length, 0.01, 10, new int[0], new double[0], new int[0], new int[0],
                new int[excitatory.length], new int[] {neuron}, excitatory, inhibitory);
    }
}
