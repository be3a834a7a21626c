package org.spikefx.ui;

import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.export.ConfigException;
import org.spikefx.export.RunConfig;
import org.spikefx.export.RunConfigFile;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;
import org.spikefx.run.Batch;
import org.spikefx.ui.training.TrainingModel;

/**
 * Training mode as a teacher drives it: the mode switch, Start and Stop training acting on the running
 * network, Reset decoder, and a trained network saved and opened again. Small networks (300 neurons)
 * whose training window lies far beyond what a test reaches, so only the buttons make them learn.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingWindowTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 60);
    /** Learning only by hand: the window opens at 50 s; an update every 10 steps (0.5 ms). */
    private static final TrainingParameters BY_HAND = TrainingParameters.DEFAULTS
            .with(TrainingParameter.TRAIN_STOP, 55).with(TrainingParameter.TRAIN_START, 50)
            .with(TrainingParameter.RLS_STEP, 10);

    private Stage stage;
    private MainWindow main;
    private final RecordingView recorder = new RecordingView();

    @TempDir
    Path folder;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        if (main != null) {
            robot.interact(main::close);
        }
    }

    private void open(FxRobot robot) {
        robot.interact(() -> {
            main = new MainWindow(stage);
            main.pulse().addView(recorder);
            main.training().parametersProperty().set(BY_HAND);
            main.show(SMALL, 1280, 720);
        });
    }

    private void chooseMode(FxRobot robot, TrainingModel.Mode mode) {
        robot.clickOn("#mode-choice");
        robot.clickOn(mode.toString());
    }

    /** The newest batch of the active run, or null. */
    private Batch newest() {
        return fx(() -> {
            List<Batch> batches = recorder.batches();
            long active = main.runner().activeRunId();
            for (int k = batches.size() - 1; k >= 0; k--) {
                if (batches.get(k).runId() == active) {
                    return batches.get(k);
                }
            }
            return null;
        });
    }

    private void awaitReadout(boolean present) {
        waitUntil("batches " + (present ? "with" : "without") + " a readout", () -> {
            Batch batch = newest();
            return batch != null && batch.readout().present() == present;
        });
    }

    private int updates() {
        return newest().readout().updates();
    }

    @Test
    void theModeChoiceSwitchesBetweenTheSpontaneousAndTheTrainedNetwork(FxRobot robot) {
        open(robot);
        awaitReadout(false);
        assertFalse(fx(() -> robot.lookup("#training-panel").tryQuery().isPresent()), "no training controls");
        assertNull(fx(() -> main.trainingView().getScene()), "no training plot for the spontaneous network");

        chooseMode(robot, TrainingModel.Mode.TRAINING);
        awaitReadout(true);
        assertTrue(fx(() -> robot.lookup("#training-panel").query().isVisible()));
        assertNotNull(fx(() -> main.trainingView().getScene()));
        assertEquals(SMALL, fx(main::running), "T already reaches past the training window: unchanged");
        waitUntil("the raster goes on in Training mode", () -> fx(() -> main.raster().raster().storedSpikes()) > 0);
        assertEquals(0, updates(), "before the training window nothing is learnt");

        chooseMode(robot, TrainingModel.Mode.SPONTANEOUS);
        awaitReadout(false);
        assertFalse(fx(() -> robot.lookup("#training-panel").tryQuery().isPresent()));
        assertNull(fx(() -> main.trainingView().getScene()));
    }

    @Test
    void startAndStopTrainingActOnTheRunningNetworkAndResetForgetsTheDecoder(FxRobot robot) {
        open(robot);
        robot.interact(() -> main.training().modeProperty().set(TrainingModel.Mode.TRAINING));
        awaitReadout(true);
        long run = fx(() -> main.runner().activeRunId());

        double pressedAt = newest().endTime();
        robot.clickOn("#start-training");
        waitUntil("the time training starts at", () -> !Double.isNaN(fx(() ->
                main.training().trainingStartsAtProperty().get())));
        double startsAt = fx(() -> main.training().trainingStartsAtProperty().get());
        double period = 1 / BY_HAND.targetFreq();
        assertTrue(startsAt >= pressedAt && startsAt <= newest().endTime() + period, "within a period: " + startsAt);
        assertEquals(0, Math.IEEEremainder(startsAt * BY_HAND.targetFreq(), 1), 0.001,
                "a whole number of periods of the sine: its upward zero crossing");
        String label = fx(() -> main.trainingView().phaseText());
        assertTrue(label.contains(String.format(java.util.Locale.ROOT, "t = %.3f s", startsAt)), label);
        waitUntil("RLS updates while training", () -> updates() > 20);
        robot.clickOn("#stop-training");
        // Chunks already on their way may still show updates; from the next chunk on there are none.
        waitUntil("the stop reaches the network", () -> {
            int before = updates();
            double at = newest().endTime();
            waitUntil("time goes on", () -> newest().endTime() > at + 0.02);
            return updates() == before;
        });
        int stopped = updates();
        double at = newest().endTime();
        waitUntil("0.05 s more of the run", () -> newest().endTime() > at + 0.05);
        assertEquals(stopped, updates(), "no update after Stop training");
        assertTrue(newest().readout().decoderNorm() > 0, "the network keeps its decoder");
        assertEquals(run, fx(() -> main.runner().activeRunId()), "the buttons never restart the run");

        robot.clickOn("#reset-decoder");
        waitUntil("the decoder forgotten", () -> updates() == 0 && newest().readout().decoderNorm() == 0);
        assertEquals(ForceNetwork.Training.OFF, fx(() -> main.training().trainingSwitchProperty().get()));
        assertEquals(run, fx(() -> main.runner().activeRunId()));
    }

    @Test
    void aSavedTrainedNetworkOpensWithItsDecoderAndDoesNotLearn(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> main.training().modeProperty().set(TrainingModel.Mode.TRAINING));
        awaitReadout(true);
        robot.clickOn("#start-training");
        waitUntil("RLS updates while training", () -> updates() > 10);
        robot.clickOn("#stop-training");

        Path file = folder.resolve("trained.json");
        robot.interact(() -> new FileActions(main).saveConfig(file));
        Path decoder = folder.resolve("trained_decoder.npy");
        waitUntil("config and decoder saved", () -> Files.exists(file) && Files.exists(decoder));
        RunConfig saved = readWhenComplete(file);
        assertEquals(SMALL, saved.params());
        assertEquals(BY_HAND, saved.training().parameters());
        assertEquals(300, saved.training().decoder().length);
        assertTrue(Files.exists(folder.resolve("trained_state.npy")), "the state beside the config");
        assertTrue(saved.training().state().step() > 0, "the state the network stood in when saved");

        robot.interact(() -> main.training().modeProperty().set(TrainingModel.Mode.SPONTANEOUS));
        awaitReadout(false);
        robot.interact(() -> new FileActions(main).openConfig(file));
        awaitReadout(true);
        assertEquals(TrainingModel.Mode.TRAINING, fx(() -> main.training().modeProperty().get()));
        assertArrayEquals(saved.training().decoder(), fx(() -> main.training().loadedDecoderProperty().get()));
        double at = newest().endTime();
        waitUntil("0.05 s of the opened network", () -> newest().endTime() > at + 0.05);
        Batch batch = newest();
        assertEquals(0, batch.readout().updates(), "the opened network does not learn");
        assertTrue(batch.readout().decoderNorm() > 0, "it reads out with the saved decoder");
        assertTrue(java.util.Arrays.stream(batch.readout().values()).anyMatch(z -> z != 0), "z is not 0");
    }

    /** The config, once the background save has renamed it into place. */
    private static RunConfig readWhenComplete(Path file) throws ConfigException {
        waitUntil("a readable config", () -> {
            try {
                RunConfigFile.read(file);
                return true;
            } catch (ConfigException notYet) {
                return false;
            }
        });
        return RunConfigFile.read(file);
    }
}
