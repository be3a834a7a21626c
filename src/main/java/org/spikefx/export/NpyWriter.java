package org.spikefx.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a 1-D or 2-D array in NumPy's .npy format, version 1.0, byte for byte as {@code np.save}
 * writes it. The shape goes into the header first, so rows can be streamed one by one and a large
 * array never has to be in memory; the caller then supplies exactly that many values, row by row.
 */
public final class NpyWriter {

    /** The element types written: little-endian 64-bit integers and doubles. */
    public enum DataType {
        INT64("<i8"), FLOAT64("<f8");

        private final String descr;

        DataType(String descr) {
            this.descr = descr;
        }

        /** NumPy's name for the type, e.g. {@code <f8}. */
        public String descr() {
            return descr;
        }
    }

    /** Supplies the values of one array, in row-major order. */
    @FunctionalInterface
    public interface Content {
        void writeTo(NpyWriter array) throws IOException;
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** NumPy aligns the data to 64 bytes, so the array can be memory-mapped. */
    private static final int ARRAY_ALIGN = 64;
    /** NumPy leaves room for the first axis to grow to this many digits, to rewrite the header in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private final OutputStream out;
    private final DataType type;
    private final long size;
    private long written;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 13).order(ByteOrder.LITTLE_ENDIAN);

    private NpyWriter(OutputStream out, DataType type, long size) {
        this.out = out;
        this.type = type;
        this.size = size;
    }

    /**
     * Writes the file at once (see {@link AtomicFile}): complete, or not at all.
     *
     * @param shape {@code {length}} or {@code {rows, columns}}
     */
    public static void write(Path file, DataType type, long[] shape, Content content) throws IOException {
        AtomicFile.write(file, out -> {
            NpyWriter array = start(out, type, shape);
            content.writeTo(array);
            array.finish();
        });
    }

    /**
     * Writes the header onto {@code out}; the values follow through {@link #putLong} or
     * {@link #putDouble}, then {@link #finish()}.
     *
     * @param shape {@code {length}} or {@code {rows, columns}}
     */
    public static NpyWriter start(OutputStream out, DataType type, long... shape) throws IOException {
        out.write(header(type, shape));
        long size = 1;
        for (long extent : shape) {
            size = Math.multiplyExact(size, extent);
        }
        return new NpyWriter(out, type, size);
    }

    /** Magic, version, header length and the header dict, padded as NumPy pads it. */
    static byte[] header(DataType type, long[] shape) {
        if (shape.length < 1 || shape.length > 2 || Arrays.stream(shape).anyMatch(extent -> extent < 0)) {
            throw new IllegalArgumentException("an .npy array here has 1 or 2 non-negative dimensions");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
        String dict = "{'descr': '" + type.descr() + "', 'fortran_order': False, 'shape': " + shapeText + ", }"
                + " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length());
        int lengthField = 2;
        int newline = 1;
        // Always at least one space: NumPy pads a header that is already aligned by a full 64 bytes.
        int padding = ARRAY_ALIGN - (MAGIC.length + lengthField + dict.length() + newline) % ARRAY_ALIGN;
        int headerLength = dict.length() + padding + newline;

        ByteBuffer bytes = ByteBuffer.allocate(MAGIC.length + lengthField + headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(MAGIC).putShort((short) headerLength).put(dict.getBytes(StandardCharsets.US_ASCII));
        bytes.put(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
        return bytes.array();
    }

    /** Appends the next value of an {@link DataType#INT64} array. */
    public void putLong(long value) throws IOException {
        requireType(DataType.INT64);
        makeRoom();
        buffer.putLong(value);
    }

    /** Appends the next value of a {@link DataType#FLOAT64} array. */
    public void putDouble(double value) throws IOException {
        requireType(DataType.FLOAT64);
        makeRoom();
        buffer.putDouble(value);
    }

    /** Writes out what is buffered; the array must be complete. Does not close the stream. */
    public void finish() throws IOException {
        if (written != size) {
            throw new IllegalStateException("the .npy header announces " + size + " values, " + written
                    + " were written");
        }
        drain();
        out.flush();
    }

    private void requireType(DataType expected) {
        if (type != expected) {
            throw new IllegalStateException("this .npy array holds " + type.descr() + " values");
        }
    }

    private void makeRoom() throws IOException {
        if (written == size) {
            throw new IllegalStateException("the .npy header announces " + size + " values; this one is extra");
        }
        written++;
        if (buffer.remaining() < Long.BYTES) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
