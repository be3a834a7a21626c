package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameters;

/**
 * Start training pressed at any phase of the target learns from the target's next upward zero crossing,
 * and the network then produces the signal on its own, whatever the phase it was pressed at. Small
 * networks (n = 500) keep this fast; at n = 2000, where learning started at the sine's peak throws the
 * network into a synchronous burst, the README gives the figures.
 */
class StartAtCrossingTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 500)
            .with(Parameter.SEED, 11).with(Parameter.T, 10);
    private static final RandomNetwork NETWORK = RandomNetwork.build(SMALL, RandomNetwork.Kind.TRAINED,
            fraction -> { });
    private static final double TRAIN_SECONDS = 1.5;
    private static final double ON_ITS_OWN_SECONDS = 1.5;

    @Test
    void trainingStartedByHandAtAnyPhaseLearnsFromTheNextUpwardCrossing() throws IOException {
        TrainingParameters training = TrainingParameters.DEFAULTS; // 5 Hz: a period of 0.2 s
        double dt = SMALL.dt();
        // Pressed at the sine's upward crossing, 54, 90, 180 and 270 degrees after it.
        for (double pressed : new double[] {1.0, 1.03, 1.05, 1.1, 1.15}) {
            TargetSignal signal = TargetSignal.of(training, SMALL);
            try (ForceNetwork model = new ForceNetwork(SMALL, training, NETWORK, signal, 1)) {
                model.setTraining(ForceNetwork.Training.OFF);
                int pressedStep = (int) Math.rint(pressed / dt);
                double before = 0;
                while (model.nextStep() < pressedStep) {
                    model.advance();
                    before += model.target() * model.target(); // z = 0: the error is the target
                }
                before = Math.sqrt(before / pressedStep);

                int start = model.startTrainingAtUpwardCrossing();
                TargetSignal fresh = TargetSignal.of(training, SMALL);
                assertTrue(start >= pressedStep && start - pressedStep <= Math.rint(0.2 / dt), "within a period");
                assertTrue(fresh.at(start - 1) < 0 && fresh.at(start) >= 0, "an upward crossing at step " + start);
                while (model.nextStep() < start) {
                    model.advance();
                }
                assertEquals(0, model.updates(), "nothing is learnt before the crossing");

                int stop = start + (int) Math.rint(TRAIN_SECONDS / dt);
                while (model.nextStep() < stop) {
                    model.advance();
                }
                assertTrue(model.updates() > 0);
                model.setTraining(ForceNetwork.Training.OFF);
                int end = stop + (int) Math.rint(ON_ITS_OWN_SECONDS / dt);
                double after = 0;
                while (model.nextStep() < end) {
                    model.advance();
                    double error = model.value() - model.target();
                    after += error * error;
                }
                after = Math.sqrt(after / (end - stop));
                assertTrue(after < 0.4 * before, String.format(Locale.ROOT, "pressed at %.2f s: error %.3f on its own"
                        + " after training, %.3f before", pressed, after, before));
            }
        }
    }
}
