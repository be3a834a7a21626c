package org.spikefx.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Streams spikes as CSV, one line per spike in the order they are given: {@code step,neuron}, or
 * {@code step,neuron,t} with the time in seconds. Gzip-compressed when the file name ends in ".gz".
 * Closing the writer finishes the file and closes the stream.
 */
public final class SpikeCsvWriter implements Closeable {
    private final Writer out;
    private final CsvText.StepTimes times;

    private SpikeCsvWriter(Path file, OutputStream out, CsvText.StepTimes times) throws IOException {
        this.out = CsvText.open(file, out);
        this.times = times;
        this.out.write(times == null ? "step,neuron\n" : "step,neuron,t\n");
    }

    /** Columns step and neuron, the layout of the reference model's spike files. */
    public static SpikeCsvWriter stepAndNeuron(Path file, OutputStream out) throws IOException {
        return new SpikeCsvWriter(file, out, null);
    }

    /** Columns step, neuron and t = step × dt in seconds. */
    public static SpikeCsvWriter withTime(Path file, OutputStream out, double dt) throws IOException {
        return new SpikeCsvWriter(file, out, new CsvText.StepTimes(dt));
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

    private void addSpike(int step, int neuron) throws IOException {
        out.write(Integer.toString(step));
        out.write(',');
        out.write(Integer.toString(neuron));
        if (times != null) {
            out.write(',');
            out.write(times.of(step));
        }
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
