package org.spikefx.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
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

import org.spikefx.Messages;
import org.spikefx.engine.Readout;
import org.spikefx.engine.RunLoop;
import org.spikefx.engine.force.ForceFactory;
import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.export.AtomicFiles;
import org.spikefx.export.NpyWriter;
import org.spikefx.export.ReadoutCsvWriter;
import org.spikefx.export.SpikeCsvWriter;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameters;

/**
 * {@code spikefx train}: FORCE training of the balanced network (Nicola & Clopath 2017) without a window,
 * from the initial state to T, with the spikes, the readout, the learnt decoder and a summary written to
 * files. Without options it runs the paper's task: n = 2000, a 5 Hz sine, training from 5 s to 10 s,
 * T = 15 s, as the FORCE reference runs it.
 */
@Command(name = "train", sortOptions = false, sortSynopsis = false, mixinStandardHelpOptions = true,
        versionProvider = SpikeFxCommand.Version.class,
        description = "Trains the network with FORCE to produce a target signal: recursive least squares fits a"
                + " readout of the filtered spike trains to the target while the readout is fed back into every"
                + " neuron; after the training window the network goes on producing the signal by itself."
                + " Without options: the paper's task (n = 2000, 5 Hz sine, training 5-10 s, T = 15 s)."
                + " CSV files ending in .gz are gzip-compressed; a run that fails leaves none of its files behind.")
final class TrainCommand implements Callable<Integer>, ParameterOptions.OwnDefaults {
    /** The paper's task runs 15 s: 5 s of chaos, 5 s of training, 5 s on its own. */
    static final double PAPER_TASK_SECONDS = 15;

    @Mixin
    ParameterOptions parameters;

    @Mixin
    TrainingOptions trainingOptions;

    @Option(names = "--spikes", paramLabel = "FILE", converter = WritableFile.class,
            description = "Write every spike as CSV: step,neuron, in the order they happen.")
    Path spikesFile;

    @Option(names = "--readout", paramLabel = "FILE", converter = WritableFile.class,
            description = "Write the readout as CSV, one row per step: step,t,z,target.")
    Path readoutFile;

    @Option(names = "--decoder", paramLabel = "FILE.npy", converter = WritableFile.class,
            description = "Write the learnt decoder phi (one weight per neuron) as a NumPy .npy file (float64).")
    Path decoderFile;

    @Option(names = "--summary", paramLabel = "FILE", converter = WritableFile.class,
            description = "Write a JSON summary: parameters, spikes, RLS updates, the readout's fit before, during"
                    + " and after training, the decoder's norm, times, memory.")
    Path summaryFile;

    @Option(names = "--quiet", description = "Print nothing while running: no progress bar, no summary line."
            + " Errors are still reported.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public NetworkParameters parameterDefaults() {
        return NetworkParameters.DEFAULTS.with(Parameter.T, PAPER_TASK_SECONDS);
    }

    @Override
    public Integer call() throws IOException {
        NetworkParameters params = parameters.values();
        TrainingParameters training = trainingOptions.values();
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--spikes", spikesFile);
        outputs.put("--readout", readoutFile);
        outputs.put("--decoder", decoderFile);
        outputs.put("--summary", summaryFile);
        outputs.values().removeIf(Objects::isNull);
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--config", parameters.configFile());
        inputs.putAll(trainingOptions.inputs());
        OutputFiles.requireDistinct(spec.commandLine(), outputs, inputs);
        // P alone is n^2 * 4 bytes: refused here, before any building.
        ForceFactory.requireFits(params, Runtime.getRuntime().maxMemory());
        ForceFactory factory;
        try {
            factory = new ForceFactory(training, Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--target': " + Messages.reason(e));
        }
        RunSummary.resetPeakHeap();
        ProgressBar progressBar = ProgressBar.onStderr(spec.commandLine().getErr(), params.T());

        TrainSummary summary;
        try (HeadlessRun run = HeadlessRun.build(params, factory, spec.commandLine().getErr(), quiet); AtomicFiles files = new AtomicFiles()) {
            summary = train(run, training, files, progressBar);
            files.commit();
        }
        if (!quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return 0;
    }

    /** Steps the run to its end, streaming spikes and readout, then writes the decoder and the summary into {@code files}. */
    private TrainSummary train(HeadlessRun run, TrainingParameters training, AtomicFiles files,
                               ProgressBar progressBar) throws IOException {
        NetworkParameters params = run.parameters();
        ForceNetwork model = (ForceNetwork) run.simulation();
        int steps = params.steps();
        double[] z = new double[steps];
        double[] target = new double[steps];
        List<Closeable> writers = new ArrayList<>();
        try {
            List<RunLoop.Recorder> recorders = new ArrayList<>();
            recorders.add(step -> {
                Readout readout = step.readout().orElseThrow();
                int i = step.nextStep() - 1;
                z[i] = readout.value();
                target[i] = readout.target();
            });
            if (spikesFile != null) {
                SpikeCsvWriter csv = SpikeCsvWriter.stepAndNeuron(spikesFile, files.open(spikesFile));
                writers.add(csv);
                recorders.add(step -> csv.addStep(step.nextStep() - 1, step.spikers(), step.spikeCount()));
            }
            if (readoutFile != null) {
                ReadoutCsvWriter csv = new ReadoutCsvWriter(readoutFile, files.open(readoutFile), params.dt());
                writers.add(csv);
                recorders.add(step -> csv.addStep(step.nextStep() - 1, z[step.nextStep() - 1],
                        target[step.nextStep() - 1]));
            }
            run.stepToEndThenClose(recorders, writers, quiet ? fraction -> { } : progressBar);
        } finally {
            progressBar.erase();
            HeadlessRun.discard(writers); // empty unless the run failed
        }
        double[] phi = model.decoder();
        if (decoderFile != null) {
            try (OutputStream out = files.open(decoderFile)) {
                NpyWriter npy = NpyWriter.start(out, NpyWriter.DataType.FLOAT64, phi.length);
                for (double weight : phi) {
                    npy.putDouble(weight);
                }
                npy.finish();
            }
        }
        int start = Math.min(training.startStep(params.dt()), steps);
        int stop = Math.max(start, Math.min(training.stopStep(params.dt()), steps));
        TrainSummary summary = new TrainSummary(params, training, run.statistics(),
                model.updates(), TrainSummary.Fit.of(z, target, 0, start), TrainSummary.Fit.of(z, target, start, stop),
                TrainSummary.Fit.of(z, target, stop, steps), model.decoderNorm(), run.setupSeconds(),
                run.loopSeconds(), RunSummary.measurePeakHeap());
        if (summaryFile != null) {
            try (OutputStream out = files.open(summaryFile)) {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, summary.toJson());
            }
        }
        return summary;
    }
}
