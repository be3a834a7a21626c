package org.spikefx.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;
import org.spikefx.run.Batch;

/** The presentation model alone: what it sends, and what it makes of the batches it is given. */
class TrainingModelTest {
    private static final double DT = 0.0001;

    /** Records the commands the model sends instead of sending them to a network. */
    private static final class Recorded implements TrainingModel.Commands {
        final List<String> sent = new ArrayList<>();

        @Override
        public void setTraining(ForceNetwork.Training training) {
            sent.add("training " + training);
        }

        @Override
        public CompletableFuture<Double> startTrainingAtUpwardCrossing() {
            sent.add("training at the next upward crossing");
            return CompletableFuture.completedFuture(0.025);
        }

        @Override
        public void resetDecoder() {
            sent.add("reset");
        }

        @Override
        public CompletableFuture<NetworkSnapshot> snapshot() {
            sent.add("snapshot");
            return new CompletableFuture<>();
        }
    }

    /** A batch of `steps` steps from `first` with z = value and target = 0 at every step. */
    private static Batch batch(int first, int steps, double value, int updates, double norm) {
        double[] z = new double[steps];
        java.util.Arrays.fill(z, value);
        return new Batch(1, first, steps, DT, 10, new int[0], new double[0], new int[0], new int[0], new int[steps],
                new int[0], new double[0], new double[0], new Batch.Readout(z, new double[steps], updates, norm));
    }

    @Test
    void startStopAndResetAreSentToTheNetworkAndShownAtOnce() {
        TrainingModel model = new TrainingModel();
        model.setAnswerThread(Runnable::run);
        Recorded commands = new Recorded();
        model.setCommands(commands);
        model.newRun(DT);
        assertEquals(ForceNetwork.Training.BY_WINDOW, model.trainingSwitchProperty().get());

        model.startTraining();
        assertEquals(ForceNetwork.Training.ON, model.trainingSwitchProperty().get());
        assertEquals(0.025, model.trainingStartsAtProperty().get(), "the time the network answered");
        model.accept(batch(0, 200, 0.5, 4, 0.25));
        model.stopTraining();
        assertEquals(ForceNetwork.Training.OFF, model.trainingSwitchProperty().get());
        assertTrue(Double.isNaN(model.trainingStartsAtProperty().get()));
        model.resetDecoder();

        assertEquals(List.of("training at the next upward crossing", "training OFF", "reset"), commands.sent);
        assertEquals(0, model.updatesProperty().get(), "a reset shows no updates before the network confirms it");
        assertEquals(0, model.decoderNormProperty().get());
    }

    @Test
    void phasesFollowTheUpdatesTheNetworkReports() {
        TrainingModel model = new TrainingModel();
        model.newRun(DT);
        model.accept(batch(0, 100, 0.0, 0, 0));
        assertEquals(TrainingModel.Phase.BEFORE, model.phaseProperty().get());
        model.accept(batch(100, 100, 0.2, 2, 0.1));
        assertEquals(TrainingModel.Phase.TRAINING, model.phaseProperty().get());
        assertEquals(2, model.updatesProperty().get());
        assertEquals(0.1, model.decoderNormProperty().get());
        model.accept(batch(200, 100, 0.2, 2, 0.1));
        assertEquals(TrainingModel.Phase.AFTER, model.phaseProperty().get(), "no update in a whole RLS interval");

        List<ReadoutHistory.Stretch> stretches = model.history().stretches();
        assertEquals(3, stretches.size());
        assertEquals(TrainingModel.Phase.BEFORE, stretches.get(0).phase());
        assertEquals(0.01, stretches.get(1).from(), 1e-12);
        assertEquals(0.02, stretches.get(1).to(), 1e-12);
        assertEquals(TrainingModel.Phase.AFTER, stretches.get(2).phase());
    }

    @Test
    void aBatchOverTheEdgesOfTheTrainingWindowIsShadedFromWhereTheWindowBeginsAndEnds() {
        TrainingModel model = new TrainingModel();
        model.parametersProperty().set(TrainingParameters.DEFAULTS.with(TrainingParameter.TRAIN_START, 0.015)
                .with(TrainingParameter.TRAIN_STOP, 0.025));
        model.newRun(DT);
        model.accept(batch(0, 100, 0.0, 0, 0));
        model.accept(batch(100, 100, 0.2, 2, 0.1)); // 0.01 s to 0.02 s, learning from 0.015 s
        assertEquals(TrainingModel.Phase.TRAINING, model.phaseProperty().get());
        model.accept(batch(200, 100, 0.2, 4, 0.2)); // 0.02 s to 0.03 s, learning until 0.025 s
        assertEquals(TrainingModel.Phase.AFTER, model.phaseProperty().get());

        List<ReadoutHistory.Stretch> stretches = model.history().stretches();
        assertEquals(List.of(TrainingModel.Phase.BEFORE, TrainingModel.Phase.TRAINING, TrainingModel.Phase.AFTER),
                stretches.stream().map(ReadoutHistory.Stretch::phase).toList());
        assertEquals(0.015, stretches.get(1).from(), 1e-12);
        assertEquals(0.025, stretches.get(1).to(), 1e-12);
        assertEquals(0.03, stretches.get(2).to(), 1e-12);
    }

    @Test
    void theHistoryKeepsASampleEveryHalfMillisecondAndMeasuresTheError() {
        TrainingModel model = new TrainingModel();
        model.newRun(DT);
        model.accept(batch(0, 1000, 0.5, 0, 0)); // 0.1 s: 200 samples at 0.5 ms
        ReadoutHistory history = model.history();
        assertEquals(200, history.size());
        assertEquals(0.0005, history.time(1), 1e-15);
        assertEquals(0.5, history.value(7));
        assertEquals(0.5, history.rmsError(0, 1), 1e-15, "z = 0.5 against a target of 0");
        assertEquals(0.5, model.recentErrorProperty().get(), 1e-15);
        assertTrue(Double.isNaN(history.rmsError(5, 6)));
    }

    @Test
    void aLoadedDecoderStartsEachRunWithoutLearning() {
        TrainingModel model = new TrainingModel();
        model.loadDecoder(new double[] {1, 2, 3});
        model.newRun(DT);
        assertEquals(ForceNetwork.Training.OFF, model.trainingSwitchProperty().get());
        assertEquals(TrainingModel.Phase.AFTER, model.phaseProperty().get());
        assertArrayEquals(new double[] {1, 2, 3}, model.loadedDecoderProperty().get());

        model.resetDecoder();
        assertNull(model.loadedDecoderProperty().get());
        model.newRun(DT);
        assertEquals(ForceNetwork.Training.BY_WINDOW, model.trainingSwitchProperty().get());
    }

    @Test
    void batchesWithoutAReadoutChangeNothing() {
        TrainingModel model = new TrainingModel();
        model.newRun(DT);
        model.accept(new Batch(1, 0, 10, DT, 10, new int[0], new double[0], new int[0], new int[0], new int[10],
                new int[0], new double[0], new double[0]));
        assertEquals(0, model.history().size());
        assertEquals(TrainingModel.Phase.BEFORE, model.phaseProperty().get());
    }
}
