package org.spikefx.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.engine.Simulation;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.export.NpyWriter.DataType;
import org.spikefx.export.Sidecar.Column;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * Writes the data of a run, up to a given step, by running it again: the engine is deterministic,
 * so the files hold every spike and every recorded voltage, whatever the live views kept. Into a
 * folder, for a base name {@code <base>}:
 * <pre>
 * &lt;base&gt;_spikes.csv     step,neuron,t             a row per spike, by step, then by neuron
 * &lt;base&gt;_spikes.npy     int64 (spikes, 2)         step, neuron; the time is dt * step, dt from the sidecar
 * &lt;base&gt;_voltages.csv   t,v0,...,v{nrec-1}        a row per step: voltages of neurons 0 .. nrec-1 in mV
 * &lt;base&gt;_voltages.npy   float64 (steps, 1 + nrec) the same numbers
 * &lt;base&gt;_rate.csv       t,rate_hz                 a row per bin: its start, spikes / (n * bin length)
 * &lt;base&gt;_rate.npy       float64 (bins, 2)         the same numbers
 * </pre>
 * Each file comes with its {@link Sidecar}. Times are step × dt in seconds: the .npy files hold the
 * doubles {@code dt * step} as the engine computes them (in NumPy {@code spikes[:, 0] * dt} gives the
 * same doubles); the CSV files print them as plain decimals, 0.00015 rather than 1.5000000000000001E-4,
 * as {@link SpikeCsvWriter}, {@link VoltageCsvWriter} and every CSV here do. Rate bins are a whole
 * number of steps; the last bin may be shorter and is divided by its own length.
 *
 * <p>The files appear together once the last one is complete: an export that fails or is cancelled
 * (interrupting the calling thread gives a {@link CancellationException}) leaves none of them.
 */
public final class DataExport {
    private static final double BUILD_SHARE = 0.3;
    private static final double RUN_SHARE = 0.65;

    private static final Column STEP = new Column("step", "",
            "index of the integration step, from 0; its time is dt * step");
    private static final Column NEURON = new Column("neuron", "", "index of the neuron that spiked, from 0 to n - 1");
    private static final Column TIME = new Column("t", "s", "time of the step: dt * step");

    private final NetworkParameters params;
    private final int steps;
    private final int binSteps;

    /**
     * @param steps     how many steps of the run to export, 1 or more: a continuous run goes on past T, and so may its export
     * @param rateBinMs width of the rate bins in ms, rounded to a whole number of steps, at least one
     */
    public DataExport(NetworkParameters params, int steps, double rateBinMs) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps = " + steps + " is not allowed: steps must be 1 or more");
        }
        double binSteps = Math.rint(rateBinMs / 1000 / params.dt());
        // A bin longer than the exported steps is simply one shorter last bin.
        if (!(binSteps >= 1 && binSteps <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("rate bin = " + Parameter.format(rateBinMs) + " ms is not allowed: "
                    + "the rate bin must be at least one step (dt = " + Parameter.format(params.dt() * 1000) + " ms)");
        }
        this.params = params;
        this.steps = steps;
        this.binSteps = (int) binSteps;
    }

    /**
     * Builds the network, runs it and writes the six files and their sidecars.
     *
     * @param progress receives the fraction done, from 0 to 1
     * @return the files written, each data file followed by its sidecar
     * @throws CancellationException if the thread is interrupted
     */
    public List<Path> writeTo(Path folder, String baseName, DoubleConsumer progress) throws IOException {
        if (baseName.isBlank() || !Path.of(baseName).getFileName().toString().equals(baseName)) {
            throw new IllegalArgumentException("base name \"" + baseName + "\" is not allowed: it must be a file name"
                    + " without a folder");
        }
        try {
            // All the files appear together when the last is complete, or none does.
            return AtomicFiles.together(() -> write(folder, baseName, progress));
        } catch (IOException e) {
            // An interrupt closes the file channel under the writer; that is a cancellation, not a disk problem.
            if (Thread.currentThread().isInterrupted()) {
                throw cancelled();
            }
            throw e;
        }
    }

    private List<Path> write(Path folder, String baseName, DoubleConsumer progress) throws IOException {
        List<Path> written = new ArrayList<>();
        RandomNetwork network = RandomNetwork.build(params, done -> progress.accept(BUILD_SHARE * done));
        Simulation simulation = new Simulation(params, network);
        SpikeRecord spikes = new SpikeRecord();
        String base = baseName + "_";
        writeVoltages(folder.resolve(base + "voltages.csv"), folder.resolve(base + "voltages.npy"), simulation,
                spikes, progress, written);
        writeSpikes(folder.resolve(base + "spikes.csv"), folder.resolve(base + "spikes.npy"), spikes, written);
        writeRate(folder.resolve(base + "rate.csv"), folder.resolve(base + "rate.npy"), spikes, written);
        progress.accept(1.0);
        return written;
    }

    /** The run itself: voltages stream into both files as each step is computed; spikes are kept. */
    private void writeVoltages(Path csvFile, Path npyFile, NetworkModel simulation, SpikeRecord spikes,
                               DoubleConsumer progress, List<Path> written) throws IOException {
        int[] recorded = simulation.recordedNeurons();
        List<Column> columns = new ArrayList<>(List.of(TIME));
        IntStream.of(recorded).mapToObj(k -> new Column("v" + k, "mV", "membrane voltage of neuron " + k
                + " at the end of the step; a spike shows as its peak, " + Parameter.format(NetworkModel.SPIKE_PEAK_MV)
                + " mV, before the reset")).forEach(columns::add);

        // Both files are open at once, so that the run happens once.
        AtomicFile.write(csvFile, csvOut -> AtomicFile.write(npyFile, npyOut -> {
            try (VoltageCsvWriter csv = new VoltageCsvWriter(csvFile, csvOut, params.dt(), recorded)) {
                NpyWriter npy = NpyWriter.start(npyOut, DataType.FLOAT64, steps, 1 + recorded.length);
                RunLoop.Recorder voltages = model -> {
                    int step = model.nextStep() - 1;
                    csv.addStep(step, model.recordedVoltages());
                    npy.putDouble(params.dt() * step);
                    for (double v : model.recordedVoltages()) {
                        npy.putDouble(v);
                    }
                };
                RunLoop.Recorder progressEvery256Steps = model -> {
                    if (model.nextStep() % 256 == 0) {
                        progress.accept(BUILD_SHARE + RUN_SHARE * model.nextStep() / steps);
                    }
                };
                new RunLoop(simulation).runTo(steps, spikes::addStep, voltages, progressEvery256Steps);
                npy.finish();
            }
        }));
        Map<String, Object> facts = facts();
        written.addAll(List.of(csvFile, sidecar(csvFile, columns, facts), npyFile, sidecar(npyFile, columns, facts)));
    }

    private void writeSpikes(Path csvFile, Path npyFile, SpikeRecord spikes, List<Path> written) throws IOException {
        Map<String, Object> facts = facts("spikes", spikes.size());
        checkCancelled();
        AtomicFile.write(csvFile, out -> {
            try (SpikeCsvWriter csv = SpikeCsvWriter.withTime(csvFile, out, params.dt())) {
                for (int s = 0; s < spikes.size(); s++) {
                    csv.addSpike(spikes.step(s), spikes.neuron(s));
                }
            }
        });
        written.addAll(List.of(csvFile, sidecar(csvFile, List.of(STEP, NEURON, TIME), facts)));

        checkCancelled();
        NpyWriter.write(npyFile, DataType.INT64, new long[] {spikes.size(), 2}, npy -> {
            for (int s = 0; s < spikes.size(); s++) {
                npy.putLong(spikes.step(s));
                npy.putLong(spikes.neuron(s));
            }
        });
        written.addAll(List.of(npyFile, sidecar(npyFile, List.of(STEP, NEURON), facts)));
    }

    private void writeRate(Path csvFile, Path npyFile, SpikeRecord spikes, List<Path> written) throws IOException {
        int bins = (steps + binSteps - 1) / binSteps;
        int[] counts = new int[bins];
        for (int s = 0; s < spikes.size(); s++) {
            counts[spikes.step(s) / binSteps]++;
        }
        double[] starts = new double[bins];
        double[] rates = new double[bins];
        for (int bin = 0; bin < bins; bin++) {
            int firstStep = bin * binSteps;
            int length = Math.min(steps, firstStep + binSteps) - firstStep;
            starts[bin] = params.dt() * firstStep;
            rates[bin] = counts[bin] / (params.n() * (length * params.dt()));
        }
        List<Column> columns = List.of(new Column("t", "s", "start of the bin: dt * its first step"),
                new Column("rate_hz", "Hz", "mean firing rate per neuron: spikes in the bin / (n * bin length)"));
        Map<String, Object> facts = facts("bin_steps", binSteps, "bin_s", binSteps * params.dt());

        checkCancelled();
        AtomicFile.write(csvFile, out -> {
            try (CsvTable csv = CsvTable.withTime(csvFile, out,
                    columns.stream().map(Column::name).toList(), params.dt())) {
                for (int bin = 0; bin < bins; bin++) {
                    csv.addTime(bin * binSteps).add(rates[bin]).endRow();
                }
            }
        });
        written.addAll(List.of(csvFile, sidecar(csvFile, columns, facts)));

        checkCancelled();
        NpyWriter.write(npyFile, DataType.FLOAT64, new long[] {bins, 2}, npy -> {
            for (int bin = 0; bin < bins; bin++) {
                npy.putDouble(starts[bin]);
                npy.putDouble(rates[bin]);
            }
        });
        written.addAll(List.of(npyFile, sidecar(npyFile, columns, facts)));
    }

    /** What a sidecar tells beyond the parameters: the exported steps first, then the given pairs, in order. */
    private Map<String, Object> facts(Object... keysAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("steps", steps);
        for (int k = 0; k < keysAndValues.length; k += 2) {
            facts.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return facts;
    }

    private Path sidecar(Path dataFile, List<Column> columns, Map<String, Object> facts) throws IOException {
        return Sidecar.write(dataFile, params, Sidecar.appVersion(), columns, facts);
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled();
        }
    }

    private static CancellationException cancelled() {
        return new CancellationException("export cancelled");
    }
}
