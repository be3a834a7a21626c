package org.spikefx.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A table of numbers as CSV, streamed row by row: a header line with the column names, then one
 * line per row. Whole numbers print without a decimal point; doubles print with
 * {@link Double#toString(double)}, so they read back as exactly the same double.
 */
public final class CsvTable {
    private final Writer out;
    private final int columns;
    private int column;

    /** Writes the header line onto {@code out}. */
    public CsvTable(OutputStream out, String... columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        this.columns = columns.length;
        this.out.write(String.join(",", columns));
        this.out.write('\n');
    }

    public CsvTable add(long value) throws IOException {
        return cell(Long.toString(value));
    }

    public CsvTable add(double value) throws IOException {
        return cell(Double.toString(value));
    }

    /** Ends the row; it must have a value for every column. */
    public void endRow() throws IOException {
        if (column != columns) {
            throw new IllegalStateException("a row of this table has " + columns + " values, not " + column);
        }
        out.write('\n');
        column = 0;
    }

    /** Writes out what is buffered; the last row must be ended. Does not close the stream. */
    public void finish() throws IOException {
        if (column != 0) {
            throw new IllegalStateException("the last row of this table is not ended");
        }
        out.flush();
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
