package org.spikefx.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The one loop that runs a model: advance a step, let every {@link Recorder} read it, check for
 * cancellation, repeat. The runner, the command line, data export and the benchmark all run models
 * through it, so they cannot disagree about what a step is or how a run is cancelled or timed.
 *
 * <p>The loop time counts the model's own steps only, not what the recorders do with them, so that it
 * measures the model and not the disk or the views. An interrupt of the running thread ends the loop
 * before the next step with a {@link CancellationException}; the interrupt is consumed by it.
 */
public final class RunLoop {

    /** Reads the model after each step, while that step's spikes and voltages can be read. */
    @FunctionalInterface
    public interface Recorder {
        void stepDone(NetworkModel model) throws IOException;
    }

    /** Decides, after each step, whether a run should pause here (a chunk of steps is complete). */
    @FunctionalInterface
    public interface StopCondition {
        boolean stopAfter(NetworkModel model);
    }

    private final NetworkModel model;
    private long loopNanos;

    public RunLoop(NetworkModel model) {
        this.model = model;
    }

    public NetworkModel model() {
        return model;
    }

    /**
     * Advances the model until its next step is {@code endStep} (it may go past T: continuous runs do).
     *
     * @throws CancellationException if the thread is interrupted; the model stops after a whole step
     * @throws IOException           if a recorder fails
     */
    public void runTo(int endStep, List<? extends Recorder> recorders) throws IOException {
        runTo(endStep, recorders, model -> false);
    }

    /** {@link #runTo(int, List)} with recorders given one by one. */
    public void runTo(int endStep, Recorder... recorders) throws IOException {
        runTo(endStep, List.of(recorders));
    }

    /** Advances the model to its end, T. */
    public void runToEnd(List<? extends Recorder> recorders) throws IOException {
        runTo(model.parameters().steps(), recorders);
    }

    /**
     * Advances the model until its next step is {@code endStep} or {@code stop} says so after a step.
     *
     * @return the number of steps done
     */
    public int runTo(int endStep, List<? extends Recorder> recorders, StopCondition stop) throws IOException {
        int first = model.nextStep();
        // Indexed, not iterated: an iterator per step was most of what the loop left for the collector.
        int recorderCount = recorders.size();
        while (model.nextStep() < endStep) {
            if (Thread.interrupted()) {
                throw new CancellationException("run interrupted at step " + model.nextStep());
            }
            long start = System.nanoTime();
            model.advance();
            loopNanos += System.nanoTime() - start;
            for (int r = 0; r < recorderCount; r++) {
                recorders.get(r).stepDone(model);
            }
            if (stop.stopAfter(model)) {
                break;
            }
        }
        return model.nextStep() - first;
    }

    /**
     * {@link #runTo(int, List, StopCondition)} for recorders that do no input or output.
     *
     * @throws UncheckedIOException if one fails with an IOException all the same
     */
    public int runToUnchecked(int endStep, List<? extends Recorder> recorders, StopCondition stop) {
        try {
            return runTo(endStep, recorders, stop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Time spent in the model's steps so far, in seconds. */
    public double loopSeconds() {
        return loopNanos / 1e9;
    }
}
