package org.spikefx.ui.zoom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.ui.TestBatches;

/** A re-run gives back exactly what the live run produced: voltages, balance split, spikes, bit for bit. */
class SpanRerunTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 0.3);
    /** Followed by the live run from step 0, so its live split is the true one. */
    private static final int BALANCE_NEURON = 5;
    private static List<Batch> live;

    @BeforeAll
    static void simulate() {
        live = TestBatches.simulate(PARAMS, 500, BALANCE_NEURON);
    }

    /** The live value of every step of [from, to): voltage of recorded neuron r, or the balance parts. */
    private static double[] liveSeries(int from, int to, java.util.function.BiFunction<Batch, Integer, Double> value) {
        double[] series = new double[to - from];
        for (Batch batch : live) {
            for (int s = 0; s < batch.stepCount(); s++) {
                int step = batch.firstStep() + s;
                if (step >= from && step < to) {
                    series[step - from] = value.apply(batch, s);
                }
            }
        }
        return series;
    }

    private static List<List<Integer>> liveSpikes(int from, int to) {
        List<List<Integer>> spikes = new ArrayList<>();
        for (Batch batch : live) {
            for (int i = 0; i < batch.spikeCount(); i++) {
                if (batch.spikeSteps()[i] >= from && batch.spikeSteps()[i] < to) {
                    spikes.add(List.of(batch.spikeSteps()[i], batch.spikeNeurons()[i]));
                }
            }
        }
        return spikes;
    }

    private static List<List<Integer>> spikes(SpanRerun.Result result) {
        List<List<Integer>> spikes = new ArrayList<>();
        for (int i = 0; i < result.spikeSteps().length; i++) {
            spikes.add(List.of(result.spikeSteps()[i], result.spikeNeurons()[i]));
        }
        return spikes;
    }

    private static void assertSameAsLive(SpanRerun.Result result) {
        int from = result.request().from();
        int to = result.request().to();
        // Recorded neurons of the live run are 0 .. nrec-1: neuron k is column k.
        for (int r = 0; r < result.request().voltageNeurons().length; r++) {
            int column = result.request().voltageNeurons()[r];
            assertArrayEquals(liveSeries(from, to, (batch, s) -> batch.voltage(s, column)), result.voltages()[r],
                    "voltage of neuron " + column);
        }
        assertArrayEquals(liveSeries(from, to, (batch, s) -> batch.excitatory(s, 0)), result.excitatory()[0]);
        assertArrayEquals(liveSeries(from, to, (batch, s) -> batch.inhibitory(s, 0)), result.inhibitory()[0]);
        assertArrayEquals(liveSeries(from, to, (batch, s) -> (double) batch.spikesPerStep()[s]), result.spikesPerStep());
        assertEquals(liveSpikes(from, to), spikes(result));
    }

    @Test
    void aSpanInTheMiddleEqualsTheLiveRunBitForBit() {
        SpanRerun rerun = new SpanRerun();
        SpanRerun.Request request = new SpanRerun.Request(PARAMS, 2345, 4321, new int[] {7, 3},
                new int[] {BALANCE_NEURON});
        SpanRerun.Result result = rerun.run(request, done -> { }, () -> false);
        assertSameAsLive(result);
        assertEquals(1976, result.spikesPerStep().length);
    }

    @Test
    void aLaterSpanGoesOnFromWhereTheLastStoppedAndStillEqualsTheLiveRun() {
        SpanRerun rerun = new SpanRerun();
        int[] neurons = {0, 1, 2};
        rerun.run(new SpanRerun.Request(PARAMS, 0, 3000, neurons, new int[] {BALANCE_NEURON}), done -> { }, () -> false);
        List<Double> told = new ArrayList<>();
        long before = rerun.stepsSimulated();
        SpanRerun.Result later = rerun.run(new SpanRerun.Request(PARAMS, 3000, PARAMS.steps(), neurons,
                new int[] {BALANCE_NEURON}), told::add, () -> false);
        assertSameAsLive(later);
        assertEquals(1.0, told.get(told.size() - 1));
        assertEquals(PARAMS.steps() - 3000, rerun.stepsSimulated() - before, "went on from step 3000");
        rerun.run(new SpanRerun.Request(PARAMS, 100, 200, new int[] {4}, new int[0]), done -> { }, () -> false);
        assertEquals(PARAMS.steps() + 200, rerun.stepsSimulated() - before + 3000, "an earlier span starts from step 0");
    }

    @Test
    void aCancelledReRunGivesNothing() {
        SpanRerun rerun = new SpanRerun();
        assertNull(rerun.run(new SpanRerun.Request(PARAMS, 0, 5000, new int[] {0}, new int[0]), done -> { }, () -> true));
    }

    @Test
    void aReRunInterruptedOnItsThreadGivesNothingAndTheNextStartsAfresh() {
        SpanRerun rerun = new SpanRerun();
        Thread.currentThread().interrupt(); // as the window cancels a re-run it no longer needs
        assertNull(rerun.run(new SpanRerun.Request(PARAMS, 0, 5000, new int[] {7, 3}, new int[0]), done -> { },
                () -> false));
        Thread.interrupted(); // as the re-run thread's pool clears it before its next task

        SpanRerun.Result result = rerun.run(new SpanRerun.Request(PARAMS, 2345, 4321, new int[] {7, 3},
                new int[] {BALANCE_NEURON}), done -> { }, () -> false);
        assertSameAsLive(result);
    }
}
