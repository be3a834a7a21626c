package org.spikefx.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.spikefx.engine.NetworkModel;
import org.spikefx.export.AtomicFile;
import org.spikefx.export.SpikeCsvWriter;
import org.spikefx.export.VoltageCsvWriter;
import org.spikefx.params.NetworkParameters;

/** {@code spikefx simulate}: one run to the end, with its spikes, voltages and summary written to files. */
@Command(name = "simulate", sortOptions = false, sortSynopsis = false, mixinStandardHelpOptions = true,
        versionProvider = SpikeFxCommand.Version.class,
        description = "Runs the network without a window, from the initial state to time T, and writes what was"
                + " asked for. CSV files ending in .gz are gzip-compressed; a run that fails leaves none behind.")
final class SimulateCommand implements Callable<Integer> {

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

    @Option(names = "--quiet", description = "Print nothing while running: no progress bar, no summary line."
            + " Errors are still reported.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        NetworkParameters params = parameters.values();
        RunSummary.resetPeakHeap();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progressBar = new ProgressBar(err, params.T(), System::nanoTime);

        try (HeadlessRun run = new HeadlessRun(params)) {
            return simulate(run, params, progressBar);
        }
    }

    private int simulate(HeadlessRun run, NetworkParameters params, ProgressBar progressBar) throws IOException {
        List<StreamedFile> files = new ArrayList<>();
        if (spikesFile != null) {
            files.add(new StreamedFile(spikesFile, this::spikeFile));
        }
        if (voltagesFile != null) {
            files.add(new StreamedFile(voltagesFile, this::voltageFile));
        }
        DoubleConsumer progress = quiet ? fraction -> { } : progressBar;
        try {
            streamWhileStepping(run, files, new ArrayList<>(), progress);
        } finally {
            progressBar.erase();
        }

        RunSummary summary = RunSummary.of(run);
        if (summaryFile != null) {
            AtomicFile.write(summaryFile, out -> new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(out, summary.toJson()));
        }
        if (!quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return 0;
    }

    /**
     * Opens the files one inside the other, each through {@link AtomicFile}, and steps the run once all
     * are open: if stepping or writing fails, none of them is left behind.
     */
    private static void streamWhileStepping(HeadlessRun run, List<StreamedFile> files, List<OpenFile> open,
                                            DoubleConsumer progress) throws IOException {
        if (open.size() == files.size()) {
            run.stepToEnd(open.stream().map(OpenFile::eachStep).toList(), progress);
            return;
        }
        StreamedFile next = files.get(open.size());
        AtomicFile.write(next.file(), out -> {
            OpenFile file = next.opener().open(run.simulation(), out);
            Closeable writer = file.writer();
            try (writer) {
                open.add(file);
                streamWhileStepping(run, files, open, progress);
            }
        });
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

    /** A file written step by step while the simulation runs. */
    private record StreamedFile(Path file, Opener opener) {
    }

    /** Starts such a file on {@code out}, header first, and returns what writes each step into it. */
    @FunctionalInterface
    private interface Opener {
        OpenFile open(NetworkModel simulation, OutputStream out) throws IOException;
    }

    /** An output file being written: its writer, closed to finish the file, and what to write after each step. */
    private record OpenFile(Closeable writer, HeadlessRun.StepListener eachStep) {
    }
}
