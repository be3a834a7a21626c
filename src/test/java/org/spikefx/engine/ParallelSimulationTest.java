package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class ParallelSimulationTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void partsSteppedInParallelGiveTheSameRunToTheBit(int threads) {
        ReferenceRun reference = ReferenceRun.load("default_n2000_T2_seed100");
        NetworkParameters params = reference.parameters().with(Parameter.T, 0.5);
        RandomNetwork network = RandomNetwork.build(params);
        assertSameRun(reference, params, network, Simulation.parallel(params, network, threads));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void partsSteppedInTurnByOneThreadGiveTheSameRunToTheBit(int parts) {
        ReferenceRun reference = ReferenceRun.load("default_n2000_T2_seed100");
        NetworkParameters params = reference.parameters().with(Parameter.T, 0.5);
        RandomNetwork network = RandomNetwork.build(params);
        assertSameRun(reference, params, network, Simulation.inParts(params, network, parts));
    }

    private static void assertSameRun(ReferenceRun reference, NetworkParameters params, RandomNetwork network,
                                      Simulation simulation) {
        try (Simulation split = simulation) {
            split.setRecordedNeurons(new int[] {0, 999, 1000, 1999});
            SpikeRecord spikes = new SpikeRecord();
            Simulation single = new Simulation(params, network);
            single.setRecordedNeurons(new int[] {0, 999, 1000, 1999});
            while (!split.finished()) {
                split.advance();
                single.advance();
                spikes.addStep(split);
                assertArrayEquals(single.recordedVoltages(), split.recordedVoltages());
            }
            for (int s = 0; s < spikes.size(); s++) {
                assertEquals(reference.spikeSteps()[s], spikes.step(s), "step of spike " + s);
                assertEquals(reference.spikeNeurons()[s], spikes.neuron(s), "neuron of spike " + s);
            }
            assertTrue(reference.spikeSteps()[spikes.size()] >= params.steps(),
                    "every reference spike before T was produced");
        }
    }
}
