package org.spikefx.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * How every CSV file of SpikeFX is written: ASCII, a header line with the column names, then one line
 * per row, gzip-compressed when the file's name ends in ".gz". Numbers print the same way in every file:
 * <ul>
 * <li>whole numbers (steps, neurons) without a decimal point;</li>
 * <li>the time column {@code t}: step × dt in seconds, computed in decimal and printed as a plain
 *     decimal with as many decimals as dt has, as one would write it by hand: step 3 at dt = 5e-5 is
 *     0.00015, not the double 1.5000000000000001E-4 (the .npy files carry those exact doubles);</li>
 * <li>every other double (voltages, rates) with {@link Double#toString(double)}, so that it reads back
 *     as exactly the same double.</li>
 * </ul>
 * Closing the table finishes the file and closes the stream.
 */
final class CsvTable implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Writer out;
    /** The time step as the user wrote it, or null for a table without a time column. */
    private final BigDecimal dt;
    private final int columns;
    private int column;

    private CsvTable(Path file, OutputStream out, List<String> columns, BigDecimal dt) throws IOException {
        boolean compressed = file.getFileName().toString().endsWith(".gz");
        OutputStream bytes = compressed ? new GZIPOutputStream(out, BUFFER_BYTES) : out;
        this.out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.US_ASCII), BUFFER_BYTES);
        this.dt = dt;
        this.columns = columns.size();
        this.out.write(String.join(",", columns));
        this.out.write('\n');
    }

    /** A table of whole numbers and doubles; writes the header line. {@code file} only decides the compression. */
    static CsvTable open(Path file, OutputStream out, List<String> columns) throws IOException {
        return new CsvTable(file, out, columns, null);
    }

    /** A table whose rows also hold times of steps, with time step {@code dt} in seconds; writes the header line. */
    static CsvTable withTime(Path file, OutputStream out, List<String> columns, double dt) throws IOException {
        return new CsvTable(file, out, columns, BigDecimal.valueOf(dt).stripTrailingZeros());
    }

    CsvTable add(long value) throws IOException {
        return cell(Long.toString(value));
    }

    CsvTable add(double value) throws IOException {
        return cell(Double.toString(value));
    }

    /** Adds the time of a step, step × dt, as a plain decimal (see the class comment). */
    CsvTable addTime(int step) throws IOException {
        if (dt == null) {
            throw new IllegalStateException("this table has no time step to compute times with");
        }
        return cell(dt.multiply(BigDecimal.valueOf(step)).toPlainString());
    }

    /** Ends the row; it must have a value for every column. */
    void endRow() throws IOException {
        if (column != columns) {
            throw new IllegalStateException("a row of this table has " + columns + " values, not " + column);
        }
        out.write('\n');
        column = 0;
    }

    /** Finishes the file; the last row must be ended. */
    @Override
    public void close() throws IOException {
        try {
            if (column != 0) {
                throw new IllegalStateException("the last row of this table is not ended");
            }
        } finally {
            out.close();
        }
    }

    private CsvTable cell(String text) throws IOException {
        if (column == columns) {
            throw new IllegalStateException("a row of this table has " + columns + " values");
        }
        if (column > 0) {
            out.write(',');
        }
        out.write(text);
        column++;
        return this;
    }
}
