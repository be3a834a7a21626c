package org.spikefx.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.params.NetworkParameters;

/**
 * One run without a window: the network is built on construction, then {@link #stepToEnd} runs every
 * step through the {@link RunLoop} and keeps every spike. The two phases are timed apart; the loop
 * time counts the model's own steps only, not what the listeners do with them, so that it measures
 * the model and not the disk.
 */
final class HeadlessRun implements AutoCloseable {

    /** Receives the model after each step, while that step's spikes and voltages can be read. */
    @FunctionalInterface
    interface StepListener extends RunLoop.Recorder {
    }

    private final NetworkParameters params;
    private final RandomNetwork network;
    private final NetworkModel model;
    private final RunLoop loop;
    private final SpikeRecord spikes = new SpikeRecord();
    private final double setupSeconds;

    /** The balanced network of these parameters, on every core if it is large enough. */
    HeadlessRun(NetworkParameters params) {
        this(params, ModelFactory.BALANCED_ALL_CORES);
    }

    HeadlessRun(NetworkParameters params, ModelFactory factory) {
        long start = System.nanoTime();
        this.params = params;
        this.network = factory.buildNetwork(params, fraction -> { });
        this.model = factory.create(params, network);
        this.loop = new RunLoop(model);
        this.setupSeconds = seconds(System.nanoTime() - start);
    }

    /**
     * Runs the remaining steps.
     *
     * @param progress receives the fraction of steps done after every step
     * @throws CancellationException if the thread is interrupted
     */
    void stepToEnd(List<? extends RunLoop.Recorder> listeners, DoubleConsumer progress) throws IOException {
        double steps = params.steps();
        List<RunLoop.Recorder> recorders = new ArrayList<>();
        recorders.add(spikes::addStep);
        recorders.addAll(listeners);
        recorders.add(model -> progress.accept(model.nextStep() / steps));
        loop.runToEnd(recorders);
    }

    NetworkParameters parameters() {
        return params;
    }

    RandomNetwork network() {
        return network;
    }

    NetworkModel simulation() {
        return model;
    }

    SpikeRecord spikes() {
        return spikes;
    }

    /** Time to build the network and set up the model. */
    double setupSeconds() {
        return setupSeconds;
    }

    /** Time spent in the model's steps so far. */
    double loopSeconds() {
        return loop.loopSeconds();
    }

    /** Stops the model's worker threads, if it has any. */
    @Override
    public void close() {
        model.close();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
