package org.spikefx.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

import org.spikefx.analysis.StreamedStatistics;
import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.engine.RunStatistics;
import org.spikefx.params.NetworkParameters;

/**
 * One run without a window: the network is built on construction, then {@link #stepToEnd} runs every
 * step through the {@link RunLoop} and gathers the run's statistics as it goes, in memory that does
 * not grow with the run (spikes go to a file, if asked for, never into memory). The two phases are
 * timed apart; the loop
 * time counts the model's own steps only, not what the listeners do with them, so that it measures
 * the model and not the disk.
 */
final class HeadlessRun implements AutoCloseable {

    /** Receives the model after each step, while that step's spikes and voltages can be read. */
    @FunctionalInterface
    interface StepListener extends RunLoop.Recorder {
    }

    private static final System.Logger LOG = System.getLogger(HeadlessRun.class.getName());

    private final NetworkParameters params;
    private final RandomNetwork network;
    private final NetworkModel model;
    private final RunLoop loop;
    private final StreamedStatistics statistics;
    private final double setupSeconds;

    /** The balanced network of these parameters, on every core if it is large enough. */
    HeadlessRun(NetworkParameters params) {
        this(params, ModelFactory.BALANCED_ALL_CORES);
    }

    /** The model the factory makes, its network built without a progress report. */
    HeadlessRun(NetworkParameters params, ModelFactory factory) {
        this(params, factory, fraction -> { });
    }

    /** Builds the network, with a progress bar on {@code err} if that takes more than a second and not {@code quiet}. */
    static HeadlessRun build(NetworkParameters params, ModelFactory factory, PrintWriter err, boolean quiet) {
        ProgressBar building = ProgressBar.building(err, params.n());
        try {
            return new HeadlessRun(params, factory, quiet ? fraction -> { } : building);
        } finally {
            building.erase();
        }
    }

    /**
     * @param buildProgress receives the fraction of the network built, from the build's threads, one at a time
     * @throws java.util.concurrent.CancellationException if the thread is interrupted during the build
     */
    HeadlessRun(NetworkParameters params, ModelFactory factory, DoubleConsumer buildProgress) {
        long start = System.nanoTime();
        this.params = params;
        this.statistics = new StreamedStatistics(params);
        this.network = factory.buildNetwork(params, buildProgress);
        this.model = factory.create(params, network);
        this.loop = new RunLoop(model);
        this.setupSeconds = seconds(System.nanoTime() - start);
    }

    /**
     * Steps the run to its end with these recorders, then closes the output writers in order, so that
     * each file is complete before the files are committed.
     */
    void stepToEndThenClose(List<? extends RunLoop.Recorder> recorders, List<Closeable> writers,
                            DoubleConsumer progress) throws IOException {
        stepToEnd(recorders, progress);
        while (!writers.isEmpty()) {
            writers.remove(0).close();
        }
    }

    /**
     * After a failure: closes the writers still open, only to free their buffers (their files are
     * discarded). The failure that got here is the one to report; a failure to close only goes to the log.
     */
    static void discard(List<Closeable> writers) {
        for (Closeable writer : writers) {
            try {
                writer.close();
            } catch (IOException | RuntimeException discarded) {
                LOG.log(System.Logger.Level.DEBUG, "closing a discarded output", discarded);
            }
        }
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
        recorders.add(statistics);
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

    /** The statistics of the steps run so far. */
    RunStatistics statistics() {
        return statistics.statistics();
    }

    /** The population synchrony of the steps run so far (see {@link org.spikefx.engine.PopulationSynchrony}). */
    double synchrony() {
        return statistics.synchrony();
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
