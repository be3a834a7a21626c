package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/**
 * Each target signal can be learnt: after the training window the network, running on its own, follows
 * the target more closely than the untrained readout (z = 0) did before it. Small networks (n = 500)
 * and short runs keep this fast; the paper's full task is in {@link ForceFidelityTest}.
 */
class TrainingTargetsTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 500)
            .with(Parameter.SEED, 11);
    private static final RandomNetwork NETWORK = RandomNetwork.build(SMALL, RandomNetwork.Kind.TRAINED,
            fraction -> { });

    @TempDir
    Path folder;

    /** Root mean square errors of the readout before and after the training window. */
    private record Errors(double before, double after) {
        void assertTrainingHelped(String target, double factor) {
            assertTrue(after < factor * before, String.format(Locale.ROOT,
                    "%s: error after training %.3f, before %.3f", target, after, before));
        }
    }

    private static Errors train(double seconds, TrainingParameters training) throws IOException {
        NetworkParameters params = SMALL.with(Parameter.T, seconds);
        int start = training.startStep(params.dt());
        int stop = training.stopStep(params.dt());
        double before = 0;
        double after = 0;
        try (ForceNetwork model = new ForceNetwork(params, training, NETWORK, TargetSignal.of(training, params), 1)) {
            while (!model.finished()) {
                model.advance();
                int step = model.nextStep() - 1;
                double error = model.value() - model.target();
                if (step < start) {
                    before += error * error;
                } else if (step >= stop) {
                    after += error * error;
                }
            }
        }
        return new Errors(Math.sqrt(before / start), Math.sqrt(after / (params.steps() - stop)));
    }

    private static TrainingParameters window(double start, double stop, TargetShape shape, Path file) {
        return TrainingParameters.DEFAULTS.with(TrainingParameter.TRAIN_START, start)
                .with(TrainingParameter.TRAIN_STOP, stop).withTarget(shape, file);
    }

    @Test
    void aSineOfAnotherFrequencyAndAmplitude() throws IOException {
        TrainingParameters training = window(0.5, 2, TargetShape.SINE, null)
                .with(TrainingParameter.TARGET_FREQ, 4).with(TrainingParameter.TARGET_AMPLITUDE, 1.5);
        train(3, training).assertTrainingHelped("sine", 0.6);
    }

    @Test
    void theVanDerPolOscillator() throws IOException {
        train(3, window(0.5, 2, TargetShape.VANDERPOL, null)).assertTrainingHelped("vanderpol", 0.6);
    }

    @Test
    void aSmoothedSquareWave() throws IOException {
        train(5, window(0.5, 4, TargetShape.SQUARE, null)).assertTrainingHelped("square", 0.6);
    }

    @Test
    void aSawtooth() throws IOException {
        train(4, window(0.5, 3, TargetShape.SAWTOOTH, null)).assertTrainingHelped("sawtooth", 0.8);
    }

    /**
     * At amplitude 0.7: with the paper's feedback scale (Q = 10) this small network holds the two sines
     * on its own after training at amplitudes up to about 0.9, and drifts to the octave alone above.
     */
    @Test
    void aSumOfTwoSines() throws IOException {
        TrainingParameters training = window(0.5, 3, TargetShape.SINES, null)
                .with(TrainingParameter.TARGET_AMPLITUDE, 0.7);
        train(4, training).assertTrainingHelped("sines", 0.8);
    }

    @Test
    void aSignalFromACsvFile() throws IOException {
        // One period of a 4 Hz wave with a flat top, 1000 samples a second.
        StringBuilder samples = new StringBuilder("value\n");
        for (int k = 0; k < 250; k++) {
            double value = Math.sin(2 * Math.PI * k / 250.0);
            samples.append(Math.max(-0.7, Math.min(0.7, value)) / 0.7).append('\n');
        }
        Path file = folder.resolve("wave.csv");
        Files.writeString(file, samples);
        TrainingParameters training = window(0.5, 2, TargetShape.CSV, file)
                .with(TrainingParameter.TARGET_RATE, 1000);
        train(3, training).assertTrainingHelped("csv", 0.6);
    }
}
