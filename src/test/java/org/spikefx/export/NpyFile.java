package org.spikefx.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An .npy file read back independently of the writer: the header dict parsed by pattern, the data as raw values. */
record NpyFile(String descr, long[] shape, ByteBuffer data) {

    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '(<[if]8)', 'fortran_order': False, 'shape': \\((\\d+),(?: (\\d+))?\\), \\} *\n");

    static NpyFile read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        bytes.get(magic);
        if (!Arrays.equals(magic, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})) {
            throw new IOException(file + " does not start with the .npy 1.0 magic");
        }
        int headerLength = Short.toUnsignedInt(bytes.getShort());
        byte[] header = new byte[headerLength];
        bytes.get(header);
        if (bytes.position() % 64 != 0) {
            throw new IOException(file + ": data does not start on a 64-byte boundary");
        }
        Matcher dict = HEADER.matcher(new String(header, StandardCharsets.US_ASCII));
        if (!dict.matches()) {
            throw new IOException(file + ": unexpected header " + new String(header, StandardCharsets.US_ASCII));
        }
        long[] shape = dict.group(3) == null ? new long[] {Long.parseLong(dict.group(2))}
                : new long[] {Long.parseLong(dict.group(2)), Long.parseLong(dict.group(3))};
        return new NpyFile(dict.group(1), shape, bytes.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    long[] longs() {
        long[] values = new long[data.remaining() / Long.BYTES];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    double[] doubles() {
        double[] values = new double[data.remaining() / Double.BYTES];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }

    int columns() {
        return shape.length == 1 ? 1 : (int) shape[1];
    }
}
