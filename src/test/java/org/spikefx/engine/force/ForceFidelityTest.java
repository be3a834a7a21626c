package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.engine.SynapticWeights;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.TrainingParameters;

/**
 * The trained network against both runs of the NumPy FORCE reference: the paper's task (n = 2000,
 * T = 15 s) and a short n = 500 run. Every spike, the readout at every recorded step, the number of
 * RLS updates and the decoder must be the reference's.
 */
class ForceFidelityTest {
    private static final double READOUT_TOLERANCE = 1e-9;
    private static final int RLS_THREADS = 2;

    @ParameterizedTest
    @ValueSource(strings = {ForceReferenceRun.SHORT, ForceReferenceRun.PAPER_TASK})
    void everySpikeTheReadoutAndTheDecoderMatchTheReference(String name) throws Exception {
        ForceReferenceRun reference = ForceReferenceRun.load(name);
        NetworkParameters params = reference.parameters();
        TrainingParameters training = reference.training();
        JsonNode summary = reference.summary();
        RandomNetwork network = RandomNetwork.build(params, RandomNetwork.Kind.TRAINED, fraction -> { });
        assertNetworkMatches(summary, network, params, training);

        JsonNode readout = summary.get("z_every_20_steps");
        int[] expectedSteps = reference.spikeSteps();
        int[] expectedNeurons = reference.spikeNeurons();
        SpikeRecord spikes = new SpikeRecord();
        try (ForceNetwork model = new ForceNetwork(params, training, network, TargetSignal.of(training, params),
                RLS_THREADS)) {
            while (!model.finished()) {
                model.advance();
                int step = model.nextStep() - 1;
                int before = spikes.size();
                spikes.addStep(model);
                for (int s = before; s < spikes.size(); s++) {
                    if (s >= expectedSteps.length || spikes.step(s) != expectedSteps[s]
                            || spikes.neuron(s) != expectedNeurons[s]) {
                        fail("spike " + s + ": expected " + (s < expectedSteps.length ? "(step " + expectedSteps[s]
                                + ", neuron " + expectedNeurons[s] + ")" : "none") + ", got (step " + spikes.step(s)
                                + ", neuron " + spikes.neuron(s) + ")");
                    }
                }
                if (step % 20 == 0) {
                    assertEquals(readout.get(step / 20).asDouble(), model.value(), READOUT_TOLERANCE,
                            "readout at step " + step);
                }
            }
            assertEquals(expectedSteps.length, spikes.size(), "number of spikes");
            assertEquals(readout.size(), (params.steps() + 19) / 20, "recorded readouts");
            assertEquals(summary.get("rls_updates").asInt(), model.updates(), "RLS updates");
            double[] phi = model.decoder();
            JsonNode expectedPhi = summary.get("phi_first10");
            for (int k = 0; k < expectedPhi.size(); k++) {
                assertEquals(expectedPhi.get(k).asDouble(), phi[k], 1e-9, "phi[" + k + "]");
            }
            assertEquals(summary.get("phi_norm").asDouble(), model.decoderNorm(),
                    1e-9 * summary.get("phi_norm").asDouble(), "norm of phi");
        }
    }

    /** Weights, encoder and initial voltages: the draw order and the plain-sum row centring. */
    private static void assertNetworkMatches(JsonNode summary, RandomNetwork network, NetworkParameters params,
                                             TrainingParameters training) {
        SynapticWeights weights = network.weights();
        assertEquals(summary.get("w_nnz").asLong(), weights.nonzeroCount(), "nonzero weights");
        double sumSq = summary.get("w_sum_sq_fsum").asDouble();
        assertEquals(sumSq, weights.sumOfSquares(), 1e-12 * sumSq, "sum of squared weights");
        JsonNode row0 = summary.get("w_row0_first10_nonzeros");
        double[][] actualRow0 = weights.row(0);
        for (int k = 0; k < row0.size(); k++) {
            assertEquals(row0.get(k).get(0).asInt(), (int) actualRow0[k][0], "column of row-0 nonzero " + k);
            assertEquals(row0.get(k).get(1).asDouble(), actualRow0[k][1], 1e-15 * Math.abs(actualRow0[k][1]),
                    "row-0 weight at column " + actualRow0[k][0]);
        }
        double[] eta = network.encoder(training.q());
        double[] v = network.initialVoltages(params.vreset());
        for (int k = 0; k < 10; k++) {
            assertEquals(summary.get("eta_first10").get(k).asDouble(), eta[k], 0.0, "eta[" + k + "]");
            assertEquals(summary.get("v_init_first10").get(k).asDouble(), v[k], 0.0, "initial voltage " + k);
        }
        assertEquals(params.n(), Arrays.stream(eta).filter(e -> Math.abs(e) <= training.q()).count());
    }
}
