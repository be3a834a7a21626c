package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikefx.export.NpyWriter.DataType;

/** The files are compared with ones NumPy's {@code np.save} wrote (src/test/resources/npy/make_npy.py). */
class NpyWriterTest {
    @TempDir
    Path folder;

    @Test
    void float64MatrixEqualsNumpysFile() throws IOException {
        double[][] rows = {{0.0, -1.5}, {1e-300, 65.25}, {Math.PI, -0.1}};
        Path file = folder.resolve("a.npy");
        NpyWriter.write(file, DataType.FLOAT64, new long[] {3, 2}, array -> {
            for (double[] row : rows) {
                array.putDouble(row[0]);
                array.putDouble(row[1]);
            }
        });
        assertArrayEquals(resource("float64_3x2.npy"), Files.readAllBytes(file));
    }

    @Test
    void int64MatrixEqualsNumpysFile() throws IOException {
        long[] values = {0, 5, 0, 17, 3, 2, 1L << 40, -7};
        assertArrayEquals(resource("int64_4x2.npy"), written(DataType.INT64, new long[] {4, 2}, values));
    }

    @Test
    void vectorsEqualNumpysFiles() throws IOException {
        double[] doubles = {2.0, -0.0, 1.0 / 3.0, 1e300, -40.0};
        Path file = folder.resolve("v.npy");
        NpyWriter.write(file, DataType.FLOAT64, new long[] {5}, array -> {
            for (double value : doubles) {
                array.putDouble(value);
            }
        });
        assertArrayEquals(resource("float64_5.npy"), Files.readAllBytes(file));

        long[] longs = {Long.MIN_VALUE, 0, Long.MAX_VALUE};
        assertArrayEquals(resource("int64_3.npy"), written(DataType.INT64, new long[] {3}, longs));
    }

    @Test
    void emptyMatrixEqualsNumpysFile() throws IOException {
        Path file = folder.resolve("e.npy");
        NpyWriter.write(file, DataType.FLOAT64, new long[] {0, 3}, array -> { });
        assertArrayEquals(resource("float64_0x3.npy"), Files.readAllBytes(file));
    }

    @Test
    void headerOfAHugeRowCountEqualsNumpys() throws IOException {
        byte[] header = NpyWriter.header(DataType.INT64, new long[] {123_456_789_012L, 2});
        assertArrayEquals(resource("int64_123456789012x2.header"), header);
    }

    @Test
    void manyRowsStreamThroughTheBufferAndReadBack() throws IOException {
        int rows = 5000;
        Path file = folder.resolve("big.npy");
        NpyWriter.write(file, DataType.FLOAT64, new long[] {rows, 3}, array -> {
            for (int r = 0; r < rows; r++) {
                array.putDouble(r * 0.5);
                array.putDouble(-r);
                array.putDouble(Math.sqrt(r));
            }
        });
        NpyFile read = NpyFile.read(file);
        assertEquals("<f8", read.descr());
        assertArrayEquals(new long[] {rows, 3}, read.shape());
        double[] values = read.doubles();
        assertEquals(rows * 3, values.length);
        assertEquals(4999 * 0.5, values[3 * 4999]);
        assertEquals(-4999.0, values[3 * 4999 + 1]);
        assertEquals(Math.sqrt(1234), values[3 * 1234 + 2]);
    }

    @Test
    void tooFewValuesLeaveNoFile() {
        Path file = folder.resolve("short.npy");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> NpyWriter.write(file, DataType.INT64, new long[] {2, 2}, array -> array.putLong(1L)));
        assertEquals("the .npy header announces 4 values, 1 were written", error.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void extraValueOrWrongTypeIsRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalStateException.class, () -> {
            NpyWriter array = NpyWriter.start(out, DataType.INT64, 1);
            array.putLong(1L);
            array.putLong(2L);
        });
        IllegalStateException wrongType = assertThrows(IllegalStateException.class,
                () -> NpyWriter.start(out, DataType.INT64, 1).putDouble(1.5));
        assertEquals("this .npy array holds <i8 values", wrongType.getMessage());
    }

    private byte[] written(DataType type, long[] shape, long[] values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter array = NpyWriter.start(out, type, shape);
        for (long value : values) {
            array.putLong(value);
        }
        array.finish();
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NpyWriterTest.class.getResourceAsStream("/npy/" + name)) {
            return in.readAllBytes();
        }
    }
}
