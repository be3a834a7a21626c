package org.spikefx.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** What the CSV writers share: how a file's bytes are produced from its lines, and the time column. */
final class CsvText {
    private static final int BUFFER_BYTES = 1 << 16;

    private CsvText() {
    }

    /** A buffered ASCII writer onto {@code out}, gzip-compressed when the file's name ends in ".gz". */
    static Writer open(Path file, OutputStream out) throws IOException {
        boolean compressed = file.getFileName().toString().endsWith(".gz");
        OutputStream bytes = compressed ? new GZIPOutputStream(out, BUFFER_BYTES) : out;
        return new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.US_ASCII), BUFFER_BYTES);
    }

    /** Times in seconds of whole steps, step × dt. */
    static final class StepTimes {
        private final BigDecimal dt;

        StepTimes(double dt) {
            this.dt = BigDecimal.valueOf(dt).stripTrailingZeros();
        }

        /**
         * Computed in decimal, so that the time prints as the user would write it (0.00015 rather than
         * 1.5000000000000001E-4), with as many decimals as dt has.
         */
        String of(int step) {
            return dt.multiply(BigDecimal.valueOf(step)).toPlainString();
        }
    }
}
