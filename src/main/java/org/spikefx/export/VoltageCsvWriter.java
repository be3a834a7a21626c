package org.spikefx.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams recorded voltages as CSV: header {@code t,v<i>,v<j>,...} named after the recorded neurons,
 * then one row per step with the time in seconds and each voltage in mV. The time is step × dt as a
 * plain decimal with the decimals of dt (step 7 at dt = 5e-5 gives 0.00035); voltages are printed with
 * {@link Double#toString(double)}, so they read back exactly (see {@link CsvTable} for every number
 * format). Gzip-compressed when the file name ends in ".gz". Closing the writer finishes the file and
 * closes the stream.
 */
public final class VoltageCsvWriter implements Closeable {
    private final CsvTable table;
    private final int neurons;

    public VoltageCsvWriter(Path file, OutputStream out, double dt, int[] recordedNeurons) throws IOException {
        List<String> header = new ArrayList<>(List.of("t"));
        for (int neuron : recordedNeurons) {
            header.add("v" + neuron);
        }
        this.table = CsvTable.withTime(file, out, header, dt);
        this.neurons = recordedNeurons.length;
    }

    /** Appends the row of one step; {@code voltages} holds one value per recorded neuron, in header order. */
    public void addStep(int step, double[] voltages) throws IOException {
        addSteps(step, 1, voltages);
    }

    /** Appends the rows of consecutive steps; {@code voltages} is step-major: {@code voltages[s * neurons + r]}. */
    public void addSteps(int firstStep, int stepCount, double[] voltages) throws IOException {
        for (int s = 0; s < stepCount; s++) {
            table.addTime(firstStep + s);
            for (int r = 0; r < neurons; r++) {
                table.add(voltages[s * neurons + r]);
            }
            table.endRow();
        }
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
