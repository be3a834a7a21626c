package org.spikefx.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a trained network's readout as CSV, one row per step: {@code step,t,z,target}, the time as
 * step × dt in plain decimals and the values with {@link Double#toString(double)}, so they read back
 * exactly (see {@link CsvTable}). Gzip-compressed when the file name ends in ".gz". Closing the writer
 * finishes the file and closes the stream.
 */
public final class ReadoutCsvWriter implements Closeable {
    private final CsvTable table;

    public ReadoutCsvWriter(Path file, OutputStream out, double dt) throws IOException {
        this.table = CsvTable.withTime(file, out, List.of("step", "t", "z", "target"), dt);
    }

    /** Appends the row of one step: its readout z and the target. */
    public void addStep(int step, double z, double target) throws IOException {
        table.add(step).addTime(step).add(z).add(target).endRow();
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
