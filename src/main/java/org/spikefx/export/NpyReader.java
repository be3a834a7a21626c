package org.spikefx.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@link NpyWriter} writes and what {@code np.save} writes for a vector or a matrix of
 * doubles: a one- or two-dimensional little-endian float64 array in C order. Anything else is refused with one line.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,?\\s*\\)");
    private static final Pattern MATRIX_SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,?\\s*\\)");
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");

    private NpyReader() {
    }

    /** A two-dimensional array: {@code values[r * columns + c]} in C order. */
    public record Matrix(int rows, int columns, double[] values) {
        public double get(int row, int column) {
            return values[row * columns + column];
        }
    }

    /**
     * The values of a 1-D float64 .npy file.
     *
     * @throws IOException with a one-line reason if the file cannot be read or is not such an array
     */
    public static double[] readVector(Path file, int maxLength) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Matcher shape = SHAPE.matcher(header(in));
            if (!shape.find()) {
                throw new IOException("the array must be one-dimensional");
            }
            long length = Long.parseLong(shape.group(1));
            if (length > maxLength) {
                throw new IOException("the array has " + length + " values, more than the " + maxLength + " expected");
            }
            return values(in, (int) length);
        } catch (NumberFormatException e) {
            throw new IOException("the .npy header is broken");
        }
    }

    /**
     * The values of a 2-D float64 .npy file in C order, such as a block of the weight matrix.
     *
     * @throws IOException with a one-line reason if the file cannot be read or is not such an array
     */
    public static Matrix readMatrix(Path file, int maxValues) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Matcher shape = MATRIX_SHAPE.matcher(header(in));
            if (!shape.find()) {
                throw new IOException("the array must be two-dimensional");
            }
            long rows = Long.parseLong(shape.group(1));
            long columns = Long.parseLong(shape.group(2));
            if (rows * columns > maxValues) {
                throw new IOException("the array has " + rows + " × " + columns + " values, more than the " + maxValues
                        + " expected");
            }
            return new Matrix((int) rows, (int) columns, values(in, (int) (rows * columns)));
        } catch (NumberFormatException e) {
            throw new IOException("the .npy header is broken");
        }
    }

    /** Reads the magic, the version and the header dict; checks the element type and the C order. */
    private static String header(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(8);
        for (int k = 0; k < MAGIC.length; k++) {
            if (magic.length < 8 || magic[k] != MAGIC[k]) {
                throw new IOException("not a NumPy .npy file");
            }
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            byte[] length = in.readNBytes(2);
            headerLength = (length[0] & 0xFF) | (length[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] length = in.readNBytes(4);
            headerLength = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IOException(".npy version " + major + " is not supported");
        }
        if (headerLength < 0 || headerLength > 1 << 16) {
            throw new IOException("the .npy header is broken");
        }
        String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        if (!descr.find() || !descr.group(1).equals(NpyWriter.DataType.FLOAT64.descr())) {
            throw new IOException("the array must hold float64 values ('<f8')");
        }
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IOException("the array must be in C order, not Fortran order");
        }
        return header;
    }

    private static double[] values(InputStream in, int length) throws IOException {
        byte[] data = in.readNBytes(length * Double.BYTES);
        if (data.length != (long) length * Double.BYTES) {
            throw new IOException("the file ends before its " + length + " values");
        }
        double[] values = new double[length];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }
}
