package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        try (Simulation parallel = Simulation.parallel(params, network, threads)) {
            parallel.setRecordedNeurons(new int[] {0, 999, 1000, 1999});
            SpikeRecord spikes = new SpikeRecord();
            Simulation single = new Simulation(params, network);
            single.setRecordedNeurons(new int[] {0, 999, 1000, 1999});
            while (!parallel.finished()) {
                parallel.advance();
                single.advance();
                spikes.addStep(parallel);
                assertArrayEquals(single.recordedVoltages(), parallel.recordedVoltages());
            }
            for (int s = 0; s < spikes.size(); s++) {
                assertEquals(reference.spikeSteps()[s], spikes.step(s), "step of spike " + s);
                assertEquals(reference.spikeNeurons()[s], spikes.neuron(s), "neuron of spike " + s);
            }
            assertEquals(reference.spikeSteps()[spikes.size()] >= params.steps(), true,
                    "every reference spike before T was produced");
        }
    }
}
