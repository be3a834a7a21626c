package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.export.RunConfig;
import org.spikefx.export.RunConfigFile;
import org.spikefx.export.TrainingConfig;
import org.spikefx.export.ViewSettings;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/**
 * A trained network saved as a config with its decoder and state, and opened again, goes on exactly as
 * the network it was saved from: the same spikes, the same readout, so the same small error, where a
 * decoder alone, started from the initial state, brings the signal back only in part.
 */
class SavedStateTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 500)
            .with(Parameter.SEED, 11).with(Parameter.T, 4);
    private static final TrainingParameters TRAINING = TrainingParameters.DEFAULTS
            .with(TrainingParameter.TRAIN_START, 1).with(TrainingParameter.TRAIN_STOP, 2.5);
    private static final double SAVED_AT = 2.6;
    private static final double GOES_ON = 0.5;

    @TempDir
    Path folder;

    /** Spike steps and neurons, and the readout, of the next steps of a model, counted from its own step 0. */
    private record Stretch(long[] spikes, double[] z, double rmse) {
        static Stretch of(ForceNetwork model, int steps) {
            long[] spikes = new long[0];
            int count = 0;
            double[] z = new double[steps];
            double squares = 0;
            int first = model.nextStep();
            for (int k = 0; k < steps; k++) {
                model.advance();
                for (int s = 0; s < model.spikeCount(); s++) {
                    if (count == spikes.length) {
                        spikes = Arrays.copyOf(spikes, Math.max(16, 2 * count));
                    }
                    spikes[count++] = (long) (model.nextStep() - 1 - first) << 20 | model.spikers()[s];
                }
                z[k] = model.value();
                squares += (z[k] - model.target()) * (z[k] - model.target());
            }
            return new Stretch(Arrays.copyOf(spikes, count), z, Math.sqrt(squares / steps));
        }
    }

    @Test
    void aReopenedTrainedNetworkGoesOnSpikeForSpikeFromWhereItWasSaved() throws Exception {
        RandomNetwork network = RandomNetwork.build(PARAMS, RandomNetwork.Kind.TRAINED, fraction -> { });
        ForceFactory factory = new ForceFactory(TRAINING, 1);
        int savedAt = (int) Math.rint(SAVED_AT / PARAMS.dt());
        int goesOn = (int) Math.rint(GOES_ON / PARAMS.dt());
        Path file = folder.resolve("trained.json");
        Stretch original;
        try (ForceNetwork teacher = factory.create(PARAMS, network)) {
            while (teacher.nextStep() < savedAt) {
                teacher.advance();
            }
            RunConfigFile.write(file, new RunConfig(PARAMS, ViewSettings.defaults(10),
                    new TrainingConfig(TRAINING, teacher.decoder(), teacher.state())));
            original = Stretch.of(teacher, goesOn);
        }

        TrainingConfig opened = RunConfigFile.read(file).training();
        Stretch reopened;
        try (ForceNetwork student = factory.create(PARAMS, network)) {
            student.loadDecoder(opened.decoder());
            student.setTraining(ForceNetwork.Training.OFF);
            student.restore(opened.state());
            assertEquals(0, student.nextStep(), "its own steps count from 0");
            reopened = Stretch.of(student, goesOn);
        }
        assertArrayEquals(original.spikes(), reopened.spikes(), "the same spikes at the same steps");
        assertArrayEquals(original.z(), reopened.z(), 0.0, "the same readout");
        assertEquals(original.rmse(), reopened.rmse(), 0.0);
        assertTrue(original.spikes().length > 1000);

        Stretch fromTheStart;
        try (ForceNetwork decoderAlone = factory.create(PARAMS, network)) {
            decoderAlone.loadDecoder(opened.decoder());
            decoderAlone.setTraining(ForceNetwork.Training.OFF);
            fromTheStart = Stretch.of(decoderAlone, goesOn);
        }
        assertTrue(reopened.rmse() < 0.5 * Math.sqrt(0.5) && reopened.rmse() < fromTheStart.rmse(), String.format(
                Locale.ROOT, "error %.3f going on from the state, %.3f with the decoder alone from t = 0, against the"
                        + " sine's own 0.707", reopened.rmse(), fromTheStart.rmse()));
    }
}
