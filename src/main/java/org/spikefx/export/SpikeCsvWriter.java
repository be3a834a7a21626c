package org.spikefx.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams spikes as CSV, one line per spike in the order they are given: {@code step,neuron}, or
 * {@code step,neuron,t} with the time in seconds, step × dt, as a plain decimal with the decimals of dt
 * (step 3 at dt = 5e-5 gives 0.00015; see {@link CsvTable} for every number format). Gzip-compressed
 * when the file name ends in ".gz". Closing the writer finishes the file and closes the stream.
 */
public final class SpikeCsvWriter implements Closeable {
    private final CsvTable table;
    private final boolean withTime;

    private SpikeCsvWriter(CsvTable table, boolean withTime) {
        this.table = table;
        this.withTime = withTime;
    }

    /** Columns step and neuron, the layout of the reference model's spike files. */
    public static SpikeCsvWriter stepAndNeuron(Path file, OutputStream out) throws IOException {
        return new SpikeCsvWriter(CsvTable.open(file, out, List.of("step", "neuron")), false);
    }

    /** Columns step, neuron and t = step × dt in seconds. */
    public static SpikeCsvWriter withTime(Path file, OutputStream out, double dt) throws IOException {
        return new SpikeCsvWriter(CsvTable.withTime(file, out, List.of("step", "neuron", "t"), dt), true);
    }

    /** Appends the spikes of one step: the first {@code count} entries of {@code neurons}. */
    public void addStep(int step, int[] neurons, int count) throws IOException {
        for (int s = 0; s < count; s++) {
            addSpike(step, neurons[s]);
        }
    }

    /** Appends spikes given as pairs (steps[s], neurons[s]), for instance those of a chunk of steps. */
    public void addSpikes(int[] steps, int[] neurons) throws IOException {
        for (int s = 0; s < steps.length; s++) {
            addSpike(steps[s], neurons[s]);
        }
    }

    /** Appends one spike: neuron {@code neuron} spiked in step {@code step}. */
    public void addSpike(int step, int neuron) throws IOException {
        table.add(step).add(neuron);
        if (withTime) {
            table.addTime(step);
        }
        table.endRow();
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
