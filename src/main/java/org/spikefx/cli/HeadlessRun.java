package org.spikefx.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Simulation;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.params.NetworkParameters;

/**
 * One run without a window: the network is built on construction, then {@link #stepToEnd} runs every
 * step and keeps every spike. The two phases are timed apart; the loop time counts the simulation's
 * own steps only, not what the listeners do with them, so that it measures the model and not the disk.
 */
final class HeadlessRun implements AutoCloseable {

    /** Receives the simulation after each step, while that step's spikes and voltages can be read. */
    @FunctionalInterface
    interface StepListener {
        void stepDone(Simulation simulation) throws IOException;
    }

    private final NetworkParameters params;
    private final RandomNetwork network;
    private final Simulation simulation;
    private final SpikeRecord spikes = new SpikeRecord();
    private final double setupSeconds;
    private long loopNanos;

    HeadlessRun(NetworkParameters params) {
        long start = System.nanoTime();
        this.params = params;
        this.network = RandomNetwork.build(params);
        this.simulation = Simulation.usingAllCores(params, network);
        this.setupSeconds = seconds(System.nanoTime() - start);
    }

    /**
     * Runs the remaining steps.
     *
     * @param progress receives the fraction of steps done after every step
     * @throws CancellationException if the thread is interrupted
     */
    void stepToEnd(List<StepListener> listeners, DoubleConsumer progress) throws IOException {
        double steps = params.steps();
        while (!simulation.finished()) {
            if (Thread.interrupted()) {
                throw new CancellationException("run interrupted at step " + simulation.nextStep());
            }
            long start = System.nanoTime();
            simulation.advance();
            loopNanos += System.nanoTime() - start;
            spikes.addStep(simulation);
            for (StepListener listener : listeners) {
                listener.stepDone(simulation);
            }
            progress.accept(simulation.nextStep() / steps);
        }
    }

    NetworkParameters parameters() {
        return params;
    }

    RandomNetwork network() {
        return network;
    }

    Simulation simulation() {
        return simulation;
    }

    SpikeRecord spikes() {
        return spikes;
    }

    /** Time to build the network and set up the simulation. */
    double setupSeconds() {
        return setupSeconds;
    }

    /** Time spent in the simulation's steps so far. */
    double loopSeconds() {
        return seconds(loopNanos);
    }

    /** Stops the simulation's worker threads, if it has any. */
    @Override
    public void close() {
        simulation.close();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
