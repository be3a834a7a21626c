package org.spikefx.ui.training;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.application.Platform;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.force.ForceFactory;
import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.run.Batch;
import org.spikefx.params.TrainingParameters;

/**
 * What the window knows and decides about training, for its views and menus to bind to: whether the
 * window runs the spontaneous network or trains one, the training parameters, the training switch the
 * teacher works (the parameters' window, on, off), and what the running network reports: the readout
 * and its target, the phases, the number of RLS updates and the decoder's norm. It never touches a
 * network: what the user asks of the running one goes out as {@link Commands}, which the window
 * hands to the simulation thread, and what the network does comes back in batches. FX thread only.
 */
public final class TrainingModel {

    /** What the window runs. */
    public enum Mode {
        SPONTANEOUS("Spontaneous"), TRAINING("Training");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Where a run stands in its lesson: chaos before any learning, learning, and on its own after. */
    public enum Phase {
        BEFORE("before training"), TRAINING("training"), AFTER("after training");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What the running network is asked to do. The window implements these through the runner, which
     * applies them on the simulation thread between two chunks of steps.
     */
    public interface Commands {
        void setTraining(ForceNetwork.Training training);

        /**
         * The decoder learns from the target's next upward zero crossing on; the future gives the time
         * it starts at, in seconds, once the network has looked ahead for it.
         */
        CompletableFuture<Double> startTrainingAtUpwardCrossing();

        void resetDecoder();

        /** A copy of the running network's weights, encoder and decoder, taken between two steps. */
        CompletableFuture<NetworkSnapshot> snapshot();

        /** For a window that runs no network yet. */
        Commands NONE = new Commands() {
            @Override
            public void setTraining(ForceNetwork.Training training) {
            }

            @Override
            public CompletableFuture<Double> startTrainingAtUpwardCrossing() {
                return CompletableFuture.failedFuture(new IllegalStateException("no trained network is running"));
            }

            @Override
            public void resetDecoder() {
            }

            @Override
            public CompletableFuture<NetworkSnapshot> snapshot() {
                return CompletableFuture.failedFuture(new IllegalStateException("no trained network is running"));
            }
        };
    }

    /** Seconds over which the recent error is measured. */
    static final double RECENT_ERROR_SECONDS = 0.5;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SPONTANEOUS);
    private final ObjectProperty<TrainingParameters> parameters = new SimpleObjectProperty<>(this, "parameters",
            TrainingParameters.DEFAULTS);
    private final ReadOnlyObjectWrapper<ForceNetwork.Training> trainingSwitch = new ReadOnlyObjectWrapper<>(this,
            "trainingSwitch", ForceNetwork.Training.BY_WINDOW);
    private final ReadOnlyIntegerWrapper updates = new ReadOnlyIntegerWrapper(this, "updates");
    private final ReadOnlyDoubleWrapper decoderNorm = new ReadOnlyDoubleWrapper(this, "decoderNorm");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.BEFORE);
    private final ReadOnlyDoubleWrapper recentError = new ReadOnlyDoubleWrapper(this, "recentError", Double.NaN);
    private final ReadOnlyObjectWrapper<double[]> loadedDecoder = new ReadOnlyObjectWrapper<>(this, "loadedDecoder");
    private final ReadOnlyDoubleWrapper trainingStartsAt = new ReadOnlyDoubleWrapper(this, "trainingStartsAt",
            Double.NaN);
    private final ReadOnlyDoubleWrapper newestTime = new ReadOnlyDoubleWrapper(this, "newestTime");
    private final ReadoutHistory history = new ReadoutHistory();
    /** The state a loaded decoder's network was saved in, or null. */
    private ForceNetwork.State loadedState;
    private Commands commands = Commands.NONE;
    private double dt = 1;
    /** Counts the runs, so that an answer meant for a run that has been replaced is dropped. */
    private long run;
    /** Where the answers of the network come back: the FX thread (tests run them at once). */
    private Executor fxThread = Platform::runLater;

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public boolean isTraining() {
        return mode.get() == Mode.TRAINING;
    }

    /** The training parameters; a change restarts a training run, as a network parameter does. */
    public ObjectProperty<TrainingParameters> parametersProperty() {
        return parameters;
    }

    /** Whether the decoder learns in the parameters' window, always, or never. */
    public ReadOnlyObjectProperty<ForceNetwork.Training> trainingSwitchProperty() {
        return trainingSwitch.getReadOnlyProperty();
    }

    /** RLS updates of the decoder so far in this run. */
    public ReadOnlyIntegerProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    /** ‖φ‖ as the running network last reported it. */
    public ReadOnlyDoubleProperty decoderNormProperty() {
        return decoderNorm.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Root mean square of z minus the target over the last half second, NaN before there is any. */
    public ReadOnlyDoubleProperty recentErrorProperty() {
        return recentError.getReadOnlyProperty();
    }

    /** A decoder opened from a saved trained network: each run starts with it, not learning. Null if none. */
    public ReadOnlyObjectProperty<double[]> loadedDecoderProperty() {
        return loadedDecoder.getReadOnlyProperty();
    }

    public ReadoutHistory history() {
        return history;
    }

    /**
     * The time Start training starts learning at, the target's next upward zero crossing; NaN until the
     * network has said, and when training was not started by hand.
     */
    public ReadOnlyDoubleProperty trainingStartsAtProperty() {
        return trainingStartsAt.getReadOnlyProperty();
    }

    /** The end of the newest batch taken in, in seconds of simulated time. */
    public ReadOnlyDoubleProperty newestTimeProperty() {
        return newestTime.getReadOnlyProperty();
    }

    /** Where the network's answers are taken in (the FX thread unless a test says otherwise). */
    void setAnswerThread(Executor executor) {
        fxThread = Objects.requireNonNull(executor, "executor");
    }

    /** Where the user's requests go: the running network, through the runner. */
    public void setCommands(Commands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    public Commands commands() {
        return commands;
    }

    /**
     * The decoder learns from the target's next upward zero crossing on, whatever the training window
     * says (the teacher's Start training): started where the target is far from zero, learning begins
     * with a large error and can throw a large network into a synchronous burst (see
     * {@link ForceNetwork#startTrainingAtUpwardCrossing}). The time it starts at follows.
     */
    public void startTraining() {
        trainingSwitch.set(ForceNetwork.Training.ON);
        trainingStartsAt.set(Double.NaN);
        long asked = run;
        commands.startTrainingAtUpwardCrossing().thenAcceptAsync(time -> {
            if (run == asked && trainingSwitch.get() == ForceNetwork.Training.ON) {
                trainingStartsAt.set(time);
            }
        }, fxThread);
    }

    /** The decoder stops learning now; the network goes on with what it learnt. */
    public void stopTraining() {
        trainingSwitch.set(ForceNetwork.Training.OFF);
        trainingStartsAt.set(Double.NaN);
        commands.setTraining(ForceNetwork.Training.OFF);
    }

    /** Forgets the decoder (also one opened from a file): the network is back where it started learning. */
    public void resetDecoder() {
        loadedDecoder.set(null);
        loadedState = null;
        commands.resetDecoder();
        updates.set(0);
        decoderNorm.set(0);
    }

    /** Runs start with this decoder, not learning (a trained network opened from a file); null for none. */
    public void loadDecoder(double[] decoder) {
        loadTrained(decoder, null);
    }

    /**
     * Runs start with this decoder, not learning, and go on from the state the trained network was saved
     * in (null: from the initial state), so that the signal comes back as it was when saved.
     */
    public void loadTrained(double[] decoder, ForceNetwork.State state) {
        loadedState = decoder == null ? null : state;
        loadedDecoder.set(decoder == null ? null : decoder.clone());
    }

    /** The switch a new run starts with: a loaded decoder produces its signal without learning. */
    ForceNetwork.Training initialSwitch() {
        return loadedDecoder.get() != null ? ForceNetwork.Training.OFF : ForceNetwork.Training.BY_WINDOW;
    }

    /**
     * How to make the trained network of the current settings, for the runner.
     *
     * @param rlsThreads threads that share each RLS update
     * @throws IOException if a CSV target cannot be read, with one line naming the file
     */
    public ModelFactory factory(int rlsThreads) throws IOException {
        return new TrainingFactory(new ForceFactory(parameters.get(), rlsThreads), initialSwitch(),
                loadedDecoder.get(), loadedState);
    }

    /** A new run, stepped by dt seconds, begins: the history is cleared and the switch is as the run starts. */
    public void newRun(double stepSeconds) {
        run++;
        dt = stepSeconds;
        trainingStartsAt.set(Double.NaN);
        newestTime.set(0);
        history.clear(stepSeconds);
        trainingSwitch.set(initialSwitch());
        updates.set(0);
        decoderNorm.set(0);
        recentError.set(Double.NaN);
        phase.set(loadedDecoder.get() != null ? Phase.AFTER : Phase.BEFORE);
    }

    /** Takes in what the running network reports; batches without a readout are ignored. */
    public void accept(Batch batch) {
        Batch.Readout readout = batch.readout();
        if (!readout.present()) {
            return;
        }
        boolean learnt = readout.updates() > updates.get();
        TrainingParameters p = parameters.get();
        double from = batch.firstStep() * dt;
        double end = batch.endTime();
        double trainFrom = Math.max(from, p.trainStart());
        double trainTo = Math.min(end, p.trainStop());
        Phase now;
        if (learnt && trainingSwitch.get() == ForceNetwork.Training.BY_WINDOW && trainFrom < trainTo) {
            // A batch reaches over the edges of the training window: its shade starts and ends where
            // the window does, not where the batch does.
            history.addSamples(batch);
            if (from < trainFrom) {
                history.mark(from, trainFrom, phase.get());
            }
            history.mark(trainFrom, trainTo, Phase.TRAINING);
            now = trainTo < end ? Phase.AFTER : Phase.TRAINING;
            if (trainTo < end) {
                history.mark(trainTo, end, Phase.AFTER);
            }
        } else {
            if (learnt) {
                now = Phase.TRAINING;
            } else if (phase.get() == Phase.TRAINING && batch.stepCount() < p.rlsStep() && learnsAt(end)) {
                now = Phase.TRAINING; // a short chunk between two updates
            } else {
                now = readout.decoderNorm() > 0 ? Phase.AFTER : Phase.BEFORE;
            }
            history.add(batch, now);
        }
        updates.set(readout.updates());
        decoderNorm.set(readout.decoderNorm());
        phase.set(now);
        recentError.set(history.rmsError(end - RECENT_ERROR_SECONDS, end + dt));
        newestTime.set(end);
    }

    /** Whether the switch lets the decoder learn at time t. */
    private boolean learnsAt(double t) {
        TrainingParameters p = parameters.get();
        return switch (trainingSwitch.get()) {
            case ON -> true;
            case OFF -> false;
            case BY_WINDOW -> t > p.trainStart() && t < p.trainStop();
        };
    }
}
