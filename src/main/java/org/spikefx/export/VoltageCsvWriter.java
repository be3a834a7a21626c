package org.spikefx.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Streams recorded voltages as CSV: header {@code t,v<i>,v<j>,...} named after the recorded neurons,
 * then one row per step with the time in seconds and each voltage in mV. Voltages are printed with
 * {@link Double#toString(double)}, so they read back exactly. Gzip-compressed when the file name
 * ends in ".gz". Closing the writer finishes the file and closes the stream.
 */
public final class VoltageCsvWriter implements Closeable {
    private final Writer out;
    private final CsvText.StepTimes times;
    private final int columns;

    public VoltageCsvWriter(Path file, OutputStream out, double dt, int[] recordedNeurons) throws IOException {
        this.out = CsvText.open(file, out);
        this.times = new CsvText.StepTimes(dt);
        this.columns = recordedNeurons.length;
        this.out.write('t');
        for (int neuron : recordedNeurons) {
            this.out.write(",v");
            this.out.write(Integer.toString(neuron));
        }
        this.out.write('\n');
    }

    /** Appends the row of one step; {@code voltages} holds one value per recorded neuron, in header order. */
    public void addStep(int step, double[] voltages) throws IOException {
        addSteps(step, 1, voltages);
    }

    /** Appends the rows of consecutive steps; {@code voltages} is step-major: {@code voltages[s * neurons + r]}. */
    public void addSteps(int firstStep, int stepCount, double[] voltages) throws IOException {
        for (int s = 0; s < stepCount; s++) {
            out.write(times.of(firstStep + s));
            for (int r = 0; r < columns; r++) {
                out.write(',');
                out.write(Double.toString(voltages[s * columns + r]));
            }
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
