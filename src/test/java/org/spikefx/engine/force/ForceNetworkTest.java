package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Rerun;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/** Training switched by hand, a decoder reset or loaded, and the checks on what a trained network is given. */
class ForceNetworkTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 500)
            .with(Parameter.SEED, 11).with(Parameter.T, 3);
    private static final TrainingParameters TRAINING = TrainingParameters.DEFAULTS
            .with(TrainingParameter.TRAIN_START, 0.5).with(TrainingParameter.TRAIN_STOP, 2);
    private static final RandomNetwork NETWORK = RandomNetwork.build(PARAMS, RandomNetwork.Kind.TRAINED,
            fraction -> { });

    private static ForceNetwork model() throws IOException {
        return new ForceNetwork(PARAMS, TRAINING, NETWORK, TargetSignal.of(TRAINING, PARAMS), 1);
    }

    @Test
    void trainingFollowsTheSwitchAndAResetForgetsTheDecoder() throws IOException {
        try (ForceNetwork model = model()) {
            model.setTraining(ForceNetwork.Training.ON);
            for (int step = 0; step < 1000; step++) {
                model.advance();
            }
            // Steps 1, 51, ..., 951, all before the window.
            assertEquals(20, model.updates());
            assertTrue(model.decoderNorm() > 0);
            model.setTraining(ForceNetwork.Training.OFF);
            for (int step = 0; step < 1000; step++) {
                model.advance();
            }
            assertEquals(20, model.updates());
            model.resetDecoder();
            assertEquals(0, model.updates());
            assertEquals(0, model.decoderNorm());
            model.advance();
            assertEquals(0, model.value(), "z of a zero decoder");
        }
    }

    @Test
    void aLoadedDecoderBringsTheReadoutTowardsTheSignalWithoutTraining() throws IOException {
        double[] learnt;
        try (ForceNetwork teacher = model()) {
            while (!teacher.finished()) {
                teacher.advance();
            }
            learnt = teacher.decoder();
        }
        try (ForceNetwork student = model()) {
            student.loadDecoder(learnt);
            student.setTraining(ForceNetwork.Training.OFF);
            double squares = 0;
            int counted = 0;
            while (!student.finished()) {
                student.advance();
                if (student.nextStep() > PARAMS.steps() / 3) {
                    double error = student.value() - student.target();
                    squares += error * error;
                    counted++;
                }
            }
            assertEquals(0, student.updates());
            double rmse = Math.sqrt(squares / counted);
            // From the initial state, not from where the teacher stopped: the readout has to pull the network in.
            assertTrue(rmse < 0.9 * Math.sqrt(0.5), "the untaught network follows the sine: rmse " + rmse
                    + " against the sine's RMS " + Math.sqrt(0.5));
        }
    }

    @Test
    void aRerunOfATrainedNetworkIsTheRunBitForBit() throws IOException {
        int[] chosen = {4, 400};
        Rerun.Span span;
        try (ForceNetwork fresh = model()) {
            span = Rerun.of(fresh, chosen, 9_000, 9_400);
        }
        try (ForceNetwork live = model()) {
            live.setRecordedNeurons(chosen);
            live.balance().follow(chosen);
            for (int step = 0; step < 9_400; step++) {
                live.advance();
                if (step >= 9_000) {
                    for (int r = 0; r < chosen.length; r++) {
                        assertEquals(live.recordedVoltages()[r], span.voltage(step - 9_000, r), 0.0);
                        assertEquals(live.balance().inhibitory(r), span.inhibitory(step - 9_000, r), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void wrongNetworksAndDecodersAreRefused() throws IOException {
        RandomNetwork balanced = RandomNetwork.build(PARAMS);
        assertEquals("the network was not built for training with these n, p, g and seed",
                assertThrows(IllegalArgumentException.class, () -> new ForceNetwork(PARAMS, TRAINING, balanced,
                        TargetSignal.of(TRAINING, PARAMS), 1)).getMessage());
        try (ForceNetwork model = model()) {
            assertEquals("the decoder has 3 weights; this network of n = 500 needs one per neuron",
                    assertThrows(IllegalArgumentException.class, () -> model.loadDecoder(new double[3])).getMessage());
            double[] broken = new double[500];
            broken[7] = Double.NaN;
            assertEquals("the decoder holds NaN: every weight must be a finite number",
                    assertThrows(IllegalArgumentException.class, () -> model.loadDecoder(broken)).getMessage());
        }
    }
}
