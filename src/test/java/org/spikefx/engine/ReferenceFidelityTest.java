package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.spikefx.params.NetworkParameters;

/**
 * The engine against runs of the NumPy reference: the two reference configurations and one run per
 * parameter that varies it from a small base network. Every spike must be the reference's.
 */
class ReferenceFidelityTest {

    static Stream<String> runs() {
        return Stream.concat(Arrays.stream(ReferenceRun.MAIN_RUNS), Arrays.stream(ReferenceRun.VARIANTS));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void weightsAndInitialVoltagesMatchTheReference(String name) {
        ReferenceRun reference = ReferenceRun.load(name);
        NetworkParameters params = reference.parameters();
        RandomNetwork network = RandomNetwork.build(params);
        SynapticWeights weights = network.weights();
        JsonNode expected = reference.fingerprints();

        assertEquals(expected.get("w_nnz").asLong(), weights.nonzeroCount(), "nonzero weights");
        assertEquals(expected.get("w_sum_sq_fsum").asDouble(), weights.sumOfSquares(),
                1e-12 * expected.get("w_sum_sq_fsum").asDouble(), "sum of squared weights");
        JsonNode row0 = expected.get("w_row0_first10_nonzeros");
        double[][] actualRow0 = weights.row(0);
        for (int k = 0; k < row0.size(); k++) {
            assertEquals(row0.get(k).get(0).asInt(), (int) actualRow0[k][0], "column of row-0 nonzero " + k);
            double w = row0.get(k).get(1).asDouble();
            assertEquals(w, actualRow0[k][1], 1e-12 * Math.abs(w), "row-0 weight at column " + actualRow0[k][0]);
        }
        assertEquals(expected.get("w_row0_nnz").asInt(), actualRow0.length, "nonzeros in row 0");

        double[] v = network.initialVoltages(params.vreset());
        JsonNode first = expected.get("v_init_first20");
        for (int k = 0; k < first.size(); k++) {
            assertEquals(first.get(k).asDouble(), v[k], 0.0, "initial voltage of neuron " + k);
        }
        assertEquals(expected.get("v_init_sum_fsum").asDouble(), Arrays.stream(v).sum(),
                1e-12 * Math.abs(expected.get("v_init_sum_fsum").asDouble()), "sum of initial voltages");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void everySpikeAndStatisticMatchesTheReference(String name) {
        ReferenceRun reference = ReferenceRun.load(name);
        NetworkParameters params = reference.parameters();
        Simulation simulation = new Simulation(params, RandomNetwork.build(params));
        SpikeRecord spikes = new SpikeRecord();
        while (!simulation.finished()) {
            simulation.advance();
            spikes.addStep(simulation);
        }

        int[] expectedSteps = reference.spikeSteps();
        int[] expectedNeurons = reference.spikeNeurons();
        int common = Math.min(expectedSteps.length, spikes.size());
        for (int s = 0; s < common; s++) {
            if (spikes.step(s) != expectedSteps[s] || spikes.neuron(s) != expectedNeurons[s]) {
                fail("spike " + s + ": expected (step " + expectedSteps[s] + ", neuron " + expectedNeurons[s]
                        + "), got (step " + spikes.step(s) + ", neuron " + spikes.neuron(s) + ")");
            }
        }
        assertEquals(expectedSteps.length, spikes.size(), "number of spikes");

        JsonNode summary = reference.summary();
        RunStatistics statistics = RunStatistics.of(spikes, params);
        int[] bins = new int[summary.get("spikes_per_100ms_bin").size()];
        Arrays.setAll(bins, b -> summary.get("spikes_per_100ms_bin").get(b).asInt());
        assertAll(
            () -> assertEquals(summary.get("total_spikes").asLong(), statistics.totalSpikes()),
            () -> assertEquals(summary.get("mean_rate_hz").asDouble(), statistics.meanRateHz(),
                    1e-12 * summary.get("mean_rate_hz").asDouble(), "mean rate"),
            () -> assertEquals(summary.get("fraction_silent").asDouble(), statistics.fractionSilent(), 0.0),
            () -> assertEquals(summary.get("n_neurons_cv").asInt(), statistics.neuronsWithCv()),
            () -> assertCvEquals(summary.get("mean_cv_isi"), statistics.meanCv()),
            () -> assertArrayEquals(bins, statistics.spikesPerBin(), "spikes per 100 ms bin"));
    }

    private static void assertCvEquals(JsonNode expected, double actual) {
        if (expected.isNull() || Double.isNaN(expected.asDouble())) {
            assertEquals(Double.NaN, actual, "mean CV of a run where no neuron has three late spikes");
        } else {
            assertEquals(expected.asDouble(), actual, 1e-12 * expected.asDouble(), "mean CV");
        }
    }
}
