package org.spikefx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.engine.Simulation;
import org.spikefx.engine.force.ForceFactory;
import org.spikefx.params.InvalidParameterException;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/**
 * Measures the engine: network build and simulation loop at the reference defaults (n = 2000, T = 2 s),
 * a large network (n = 20,000 by default), and FORCE training: the paper's task (n = 2000, T = 15 s,
 * training 5-10 s) and the comparison with the NumPy reference (n = 2000, T = 3 s, training 1-2 s).
 * Prints medians and minima of repeated runs; the first run of each kind warms the JIT compiler and is
 * not counted. The NumPy reference's time depends on the machine and on what else runs on it, so the
 * comparison is fair only against a time measured in the same session: --numpy-force-seconds takes it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = SpikeFxCommand.Version.class,
        description = "Measure network build time, simulation speed and memory of the engine.")
final class BenchCommand implements Callable<Integer> {
    /** Wall time of the NumPy reference's loop for the default run on a 2-core machine (NOTES.md). */
    private static final double REFERENCE_LOOP_SECONDS = 2.4;
    /** Simulated seconds of the large network's uncounted first run. */
    private static final double WARM_UP_SECONDS = 0.2;
    /**
     * Wall time of the NumPy FORCE reference's loop at n = 2000, T = 3 s, training 1-2 s, on a 2-core machine
     * (NOTES.md), unless --numpy-force-seconds gives one measured beside this benchmark.
     */
    private static final double FORCE_REFERENCE_LOOP_SECONDS = 21.4;
    /** The FORCE comparison run: T = 3 s with training from 1 s to 2 s, as NOTES.md times the reference. */
    private static final double FORCE_COMPARISON_SECONDS = 3;
    private static final double FORCE_COMPARISON_START = 1;
    private static final double FORCE_COMPARISON_STOP = 2;
    /** More repetitions add nothing to a median but hours of waiting. */
    static final int MAX_REPEATS = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--repeats", defaultValue = "5", description = "Measured repetitions of the default run and of"
            + " the FORCE comparison run, 1 to " + MAX_REPEATS + " (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--large-n", defaultValue = "20000", description = "Size of the large network, as n allows (default: ${DEFAULT-VALUE}).")
    private int largeN;

    @Option(names = "--large-T", defaultValue = "1", description = "Simulated seconds of the large network, as T allows (default: ${DEFAULT-VALUE}).")
    private double largeT;

    @Option(names = "--threads", paramLabel = "N", description = "The most threads a run may use, 1 to "
            + SimulateCommand.MAX_THREADS + " (default: every core): the large network runs on 1 and on N threads,"
            + " FORCE's RLS update on N.")
    Integer threads;

    @Option(names = "--skip-large", description = "Leave out the large network.")
    private boolean skipLarge;

    @Option(names = "--skip-force", description = "Leave out FORCE training.")
    private boolean skipForce;

    @Option(names = "--force-n", defaultValue = "2000", description = "Size of the trained networks (default: ${DEFAULT-VALUE}).")
    private int forceN;

    @Option(names = "--numpy-force-seconds", defaultValue = "" + FORCE_REFERENCE_LOOP_SECONDS, description = "Loop time"
            + " of the NumPy FORCE reference (wall_time_loop_s of force_reference.py --n 2000 --T 3 --t-start 1"
            + " --t-stop 2) measured beside this benchmark, for the comparison (default: ${DEFAULT-VALUE}).")
    private double numpyForceSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // Every option is checked before anything is measured.
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--repeats': --repeats = " + repeats + " is not allowed:"
                    + " --repeats must be a whole number from 1 to " + MAX_REPEATS);
        }
        if (!(numpyForceSeconds > 0) || Double.isInfinite(numpyForceSeconds)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--numpy-force-seconds': --numpy-force-seconds = "
                    + Parameter.format(numpyForceSeconds) + " is not allowed: it must be a finite number of seconds > 0");
        }
        if (threads != null && (threads < 1 || threads > SimulateCommand.MAX_THREADS)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': --threads = " + threads + " is not allowed: --threads"
                    + " must be a whole number from 1 to " + SimulateCommand.MAX_THREADS);
        }
        NetworkParameters large = skipLarge ? null : largeNetwork();
        NetworkParameters trained = skipForce ? null : trainedNetwork();
        out.printf("SpikeFX engine benchmark: %d cores, max heap %.2f GB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9,
                System.getProperty("java.version"));

        NetworkParameters defaults = NetworkParameters.DEFAULTS;
        double[] build = new double[repeats];
        double[] loop = new double[repeats];
        long spikes = 0;
        for (int r = -1; r < repeats; r++) {
            Measurement m = measure(defaults);
            if (r >= 0) {
                build[r] = m.buildSeconds;
                loop[r] = m.loopSeconds;
                spikes = m.spikes;
            }
        }
        out.printf("default run (n=2000, T=2 s, %d spikes), %d repeats:%n", spikes, repeats);
        out.printf("  network build  median %.3f s  min %.3f s%n", median(build), min(build));
        out.printf("  simulation     median %.3f s  min %.3f s  = %.1fx real time, %.1fx faster than the NumPy"
                + " reference's %.1f s%n", median(loop), min(loop), defaults.T() / median(loop),
                REFERENCE_LOOP_SECONDS / median(loop), REFERENCE_LOOP_SECONDS);

        if (large != null) {
            measureLarge(large, out);
        }
        if (trained != null) {
            measureForce(trained, out);
        }
        out.flush();
        return 0;
    }

    /**
     * The parameters of the large network: the defaults with n = --large-n, T = --large-T, and as
     * many recorded neurons as the default allows.
     *
     * @throws ParameterException naming the option at fault, if the network is not allowed or too large
     */
    private NetworkParameters largeNetwork() {
        Map<Parameter, Double> values = NetworkParameters.DEFAULTS.toMap();
        values.put(Parameter.N, (double) largeN);
        values.put(Parameter.T, largeT);
        values.put(Parameter.NREC, ParameterOptions.defaultRecorded(largeN));
        try {
            NetworkParameters params = NetworkParameters.fromMap(values);
            RandomNetwork.checkSize(params);
            return params;
        } catch (InvalidParameterException e) {
            String option = e.parameter() == Parameter.T || e.parameter() == Parameter.DT ? "--large-T" : "--large-n";
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException tooLarge) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--large-n': "
                    + tooLarge.getMessage(), tooLarge);
        }
    }

    /** The network FORCE trains: n from --force-n, checked against the heap for its RLS matrix. */
    private NetworkParameters trainedNetwork() {
        Map<Parameter, Double> values = NetworkParameters.DEFAULTS.toMap();
        values.put(Parameter.N, (double) forceN);
        values.put(Parameter.NREC, ParameterOptions.defaultRecorded(forceN));
        try {
            NetworkParameters params = NetworkParameters.fromMap(values);
            ForceFactory.requireFits(params, Runtime.getRuntime().maxMemory());
            return params;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--force-n': "
                    + e.getMessage(), e);
        }
    }

    /** The large network: its build and peak heap, then its simulation on one thread and on every core. */
    private void measureLarge(NetworkParameters large, PrintWriter out) throws IOException {
        System.gc();
        RunSummary.resetPeakHeap();
        long start = System.nanoTime();
        RandomNetwork network = RandomNetwork.build(large);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        out.printf("large run (n=%d, T=%s s, %d synapses):%n", largeN, Parameter.format(largeT),
                network.weights().synapseCount());
        out.printf("  network build  %.2f s, peak heap %.0f MB%n", buildSeconds, RunSummary.measurePeakHeap() / 1e6);
        int cores = mostThreads();
        for (int count : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            // As for the default run, a first (shorter) run warms the JIT compiler and is not counted.
            runLarge(large.with(Parameter.T, Math.min(largeT, WARM_UP_SECONDS)), network, count);
            long loopStart = System.nanoTime();
            long spikes = runLarge(large, network, count);
            double loopSeconds = (System.nanoTime() - loopStart) / 1e9;
            out.printf("  simulation     %.2f s = %.2fx real time on %d thread%s (%d spikes)%n", loopSeconds,
                    largeT / loopSeconds, count, count == 1 ? "" : "s", spikes);
        }
    }

    /**
     * FORCE: after a short uncounted run, the paper's task once (wall time of build and loop, on every
     * core), then the comparison run with the NumPy reference's configuration, --repeats times.
     */
    private void measureForce(NetworkParameters network, PrintWriter out) throws IOException {
        int cores = mostThreads();
        out.printf("FORCE training (n=%d, RLS on %d thread%s):%n", network.n(), cores, cores == 1 ? "" : "s");
        train(network.with(Parameter.T, 0.5), 0.1, 0.4);
        TrainingParameters paper = TrainingParameters.DEFAULTS;
        long start = System.nanoTime();
        ForceMeasurement task = train(network.with(Parameter.T, TrainCommand.PAPER_TASK_SECONDS), paper.trainStart(),
                paper.trainStop());
        double wall = (System.nanoTime() - start) / 1e9;
        out.printf("  paper's task (T=%s s, training %s-%s s)  %.2f s wall: build %.2f s, loop %.2f s = %.2fx real"
                + " time (%d spikes, %d RLS updates)%n", Parameter.format(TrainCommand.PAPER_TASK_SECONDS),
                Parameter.format(paper.trainStart()), Parameter.format(paper.trainStop()), wall, task.setupSeconds,
                task.loopSeconds, TrainCommand.PAPER_TASK_SECONDS / task.loopSeconds, task.spikes, task.updates);
        double[] loops = new double[repeats];
        int updates = 0;
        for (int r = 0; r < repeats; r++) {
            ForceMeasurement comparison = train(network.with(Parameter.T, FORCE_COMPARISON_SECONDS),
                    FORCE_COMPARISON_START, FORCE_COMPARISON_STOP);
            loops[r] = comparison.loopSeconds;
            updates = comparison.updates;
        }
        double median = median(loops);
        double best = min(loops);
        out.printf("  T=%s s, training %s-%s s, %d repeats: loop median %.2f s  min %.2f s = %.2fx real time (median),"
                + " %.1fx faster than the NumPy reference's %.1f s (median; %.1fx at the min) (%d RLS updates)%n",
                Parameter.format(FORCE_COMPARISON_SECONDS), Parameter.format(FORCE_COMPARISON_START),
                Parameter.format(FORCE_COMPARISON_STOP), repeats, median, best, FORCE_COMPARISON_SECONDS / median,
                numpyForceSeconds / median, numpyForceSeconds, numpyForceSeconds / best, updates);
    }

    private record ForceMeasurement(double setupSeconds, double loopSeconds, long spikes, int updates) {
    }

    /** The threads a run may use: --threads, or every core. */
    private int mostThreads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** One training run of the sine task with this window, its RLS on {@link #mostThreads()} threads. */
    private ForceMeasurement train(NetworkParameters params, double start, double stop) throws IOException {
        TrainingParameters training = TrainingParameters.DEFAULTS.with(TrainingParameter.TRAIN_START, start)
                .with(TrainingParameter.TRAIN_STOP, stop);
        try (HeadlessRun run = new HeadlessRun(params,
                new ForceFactory(training, mostThreads()), fraction -> { })) {
            run.stepToEnd(List.of(), fraction -> { });
            int updates = run.simulation().readout().orElseThrow().updates();
            return new ForceMeasurement(run.setupSeconds(), run.loopSeconds(), run.statistics().totalSpikes(), updates);
        }
    }

    /** Runs the large network to its T and returns its number of spikes. */
    private static long runLarge(NetworkParameters params, RandomNetwork network, int threads) throws IOException {
        try (Simulation simulation = Simulation.parallel(params, network, threads)) {
            long[] spikes = {0};
            new RunLoop(simulation).runToEnd(List.of(model -> spikes[0] += model.spikeCount()));
            return spikes[0];
        }
    }

    private record Measurement(double buildSeconds, double loopSeconds, long spikes) {
    }

    private static Measurement measure(NetworkParameters params) throws IOException {
        try (HeadlessRun run = new HeadlessRun(params)) {
            run.stepToEnd(List.of(), fraction -> { });
            return new Measurement(run.setupSeconds(), run.loopSeconds(), run.statistics().totalSpikes());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
