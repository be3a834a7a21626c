package org.spikefx.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.Simulation;
import org.spikefx.engine.NetworkModel;
import org.spikefx.export.AtomicFiles;
import org.spikefx.export.SpikeCsvWriter;
import org.spikefx.export.VoltageCsvWriter;
import org.spikefx.params.NetworkParameters;

/** {@code spikefx simulate}: one run to the end, with its spikes, voltages and summary written to files. */
@Command(name = "simulate", sortOptions = false, sortSynopsis = false, mixinStandardHelpOptions = true,
        versionProvider = SpikeFxCommand.Version.class,
        description = "Runs the network without a window, from the initial state to time T, and writes what was"
                + " asked for. CSV files ending in .gz are gzip-compressed. Each output is a new name or a regular"
                + " file, each a different one; the files appear together when the run is complete, and a run that"
                + " fails or is interrupted leaves none of them behind.")
final class SimulateCommand implements Callable<Integer> {
    /** More threads than this only wait for one another. */
    static final int MAX_THREADS = 256;

    @Mixin
    ParameterOptions parameters;

    @Option(names = "--spikes", paramLabel = "FILE", converter = WritableFile.class,
            description = "Write every spike as CSV: step,neuron, in the order they happen.")
    Path spikesFile;

    @Option(names = "--voltages", paramLabel = "FILE", converter = WritableFile.class,
            description = "Write the recorded neurons' voltages as CSV, one row per step: the time t, then a column"
                    + " per neuron (v0, v1, ...).")
    Path voltagesFile;

    @Option(names = "--summary", paramLabel = "FILE", converter = WritableFile.class,
            description = "Write a JSON summary: parameters, spike statistics, network fingerprints, times, memory.")
    Path summaryFile;

    @Option(names = "--threads", paramLabel = "N", description = "Step the network on N threads, 1 to " + MAX_THREADS
            + " (default: every core once n >= " + Simulation.PARALLEL_FROM_NEURONS + ", else 1). The spikes are the"
            + " same for every N.")
    Integer threads;

    @Option(names = "--quiet", description = "Print nothing while running: no progress bar, no summary line."
            + " Errors are still reported.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        NetworkParameters params = parameters.values();
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': --threads = " + threads
                    + " is not allowed: --threads must be a whole number from 1 to " + MAX_THREADS);
        }
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--spikes", spikesFile);
        outputs.put("--voltages", voltagesFile);
        outputs.put("--summary", summaryFile);
        outputs.values().removeIf(Objects::isNull);
        OutputFiles.requireDistinct(spec.commandLine(), outputs, parameters.configFile());
        RunSummary.resetPeakHeap();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progressBar = ProgressBar.onStderr(err, params.T());

        RunSummary summary;
        try (HeadlessRun run = build(params, err); AtomicFiles files = new AtomicFiles()) {
            summary = simulate(run, files, progressBar);
            files.commit();
        }
        if (!quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return 0;
    }

    private HeadlessRun build(NetworkParameters params, PrintWriter err) {
        ModelFactory factory = threads == null ? ModelFactory.BALANCED_ALL_CORES : ModelFactory.balancedOn(threads);
        return HeadlessRun.build(params, factory, err, quiet);
    }

    /**
     * Steps the run to its end while streaming the spikes and voltages into their files, then writes the
     * summary. All the files are written into {@code files}, to be committed together: a run that fails
     * at any point leaves none of them.
     */
    private RunSummary simulate(HeadlessRun run, AtomicFiles files, ProgressBar progressBar) throws IOException {
        List<Closeable> writers = new ArrayList<>();
        try {
            List<HeadlessRun.StepListener> listeners = new ArrayList<>();
            if (spikesFile != null) {
                OpenFile file = spikeFile(run.simulation(), files.open(spikesFile));
                writers.add(file.writer());
                listeners.add(file.eachStep());
            }
            if (voltagesFile != null) {
                OpenFile file = voltageFile(run.simulation(), files.open(voltagesFile));
                writers.add(file.writer());
                listeners.add(file.eachStep());
            }
            run.stepToEndThenClose(listeners, writers, quiet ? fraction -> { } : progressBar);
        } finally {
            progressBar.erase();
            HeadlessRun.discard(writers); // empty unless the run failed
        }
        RunSummary summary = RunSummary.of(run);
        if (summaryFile != null) {
            try (OutputStream out = files.open(summaryFile)) {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, summary.toJson());
            }
        }
        return summary;
    }

    private OpenFile spikeFile(NetworkModel simulation, OutputStream out) throws IOException {
        SpikeCsvWriter csv = SpikeCsvWriter.stepAndNeuron(spikesFile, out);
        return new OpenFile(csv, step -> csv.addStep(step.nextStep() - 1, step.spikers(), step.spikeCount()));
    }

    private OpenFile voltageFile(NetworkModel simulation, OutputStream out) throws IOException {
        VoltageCsvWriter csv = new VoltageCsvWriter(voltagesFile, out, simulation.parameters().dt(),
                simulation.recordedNeurons());
        return new OpenFile(csv, step -> csv.addStep(step.nextStep() - 1, step.recordedVoltages()));
    }

    /** An output file being written: its writer, closed to finish the file, and what to write after each step. */
    private record OpenFile(Closeable writer, HeadlessRun.StepListener eachStep) {
    }
}
