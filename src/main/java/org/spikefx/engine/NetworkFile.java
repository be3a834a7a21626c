package org.spikefx.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A built {@link RandomNetwork} as bytes, and back: everything the build drew (the matrix, the row
 * means, the draws for the voltages and the encoder), so that a network read back steps exactly as the
 * one built. Reading the default network takes milliseconds where building it cold takes a third of a
 * second of a core, which a launch would rather give to JavaFX.
 *
 * <p>The bytes name the program that wrote them ({@code builtBy}, its version) and end with a CRC-32 of
 * all that comes before: bytes from another version, cut short or changed are refused, never half
 * used. The numbers are little-endian, the byte order of the machines SpikeFX runs on, so reading is a
 * plain copy.
 */
public final class NetworkFile {
    /** The first bytes of every network file. */
    private static final byte[] MAGIC = "SPKFXNET".getBytes(StandardCharsets.US_ASCII);
    /** The layout below; a change to it changes this number, and older files are then refused. */
    static final int FORMAT = 1;
    private static final int CHECKSUM_BYTES = Long.BYTES;

    private NetworkFile() {
    }

    /** The size of {@link #encode}'s bytes for this network, without making them. */
    public static long encodedSize(RandomNetwork network, String builtBy) {
        SynapticWeights w = network.weights();
        return size(builtBy, network.neuronCount(), w.synapseCount(),
                w.narrowTargetArray() != null ? Character.BYTES : Integer.BYTES, network.encoderDraws().length);
    }

    /** The file's size: the header, the column offsets, targets and weights, the draws and row means, the checksum. */
    private static long size(String builtBy, int n, long synapses, int targetBytes, int encoderLength) {
        return headerSize(builtBy) + Integer.BYTES * (n + 1L) + synapses * targetBytes
                + Double.BYTES * (synapses + encoderLength + 2L * n) + CHECKSUM_BYTES;
    }

    private static int headerSize(String builtBy) {
        // magic, format, version's length and bytes, kind, n, p, g, seed, synapses, target width, encoder's length
        return MAGIC.length + Integer.BYTES * 2 + builtBy.getBytes(StandardCharsets.UTF_8).length
                + Integer.BYTES * 2 + Double.BYTES * 2 + Long.BYTES + Integer.BYTES * 3;
    }

    /**
     * The network as bytes.
     *
     * @param builtBy what wrote them (the program's version): {@link #decode} accepts them only from the same
     * @throws IllegalArgumentException if the network is too large for one array of bytes
     */
    public static byte[] encode(RandomNetwork network, String builtBy) {
        long size = encodedSize(network, builtBy);
        if (size > RandomNetwork.MAX_SYNAPSES) {
            throw new IllegalArgumentException("a network of " + RandomNetwork.amount(size) + " is too large for one file");
        }
        SynapticWeights w = network.weights();
        byte[] version = builtBy.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[(int) size];
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(FORMAT).putInt(version.length).put(version)
                .putInt(network.kind().ordinal()).putInt(network.neuronCount())
                .putDouble(network.connectionProbability()).putDouble(network.gain()).putLong(network.seed())
                .putInt(w.synapseCount()).putInt(w.narrowTargetArray() != null ? Character.BYTES : Integer.BYTES)
                .putInt(network.encoderDraws().length);
        out.asIntBuffer().put(w.columnStarts());
        out.position(out.position() + Integer.BYTES * w.columnStarts().length);
        if (w.narrowTargetArray() != null) {
            out.asCharBuffer().put(w.narrowTargetArray());
            out.position(out.position() + Character.BYTES * w.synapseCount());
        } else {
            out.asIntBuffer().put(w.wideTargetArray());
            out.position(out.position() + Integer.BYTES * w.synapseCount());
        }
        for (double[] values : new double[][] {w.weightArray(), network.encoderDraws(), network.initialDraws(),
                network.rowMeans()}) {
            out.asDoubleBuffer().put(values);
            out.position(out.position() + Double.BYTES * values.length);
        }
        CRC32 checksum = new CRC32();
        checksum.update(bytes, 0, out.position());
        out.putLong(checksum.getValue());
        return bytes;
    }

    /**
     * The network these bytes hold.
     *
     * @param builtBy the version that must have written them
     * @throws IllegalArgumentException with one line saying why the bytes are refused: not a network
     *                                  file, another format or version, damaged, or not a well-formed network
     */
    public static RandomNetwork decode(byte[] bytes, String builtBy) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + Integer.BYTES + CHECKSUM_BYTES
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not a SpikeFX network file");
        }
        in.position(MAGIC.length);
        int format = in.getInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("a network file of format " + format + ", not " + FORMAT);
        }
        CRC32 checksum = new CRC32();
        checksum.update(bytes, 0, bytes.length - CHECKSUM_BYTES);
        if (checksum.getValue() != in.getLong(bytes.length - CHECKSUM_BYTES)) {
            throw new IllegalArgumentException("the network file is damaged (its checksum does not match)");
        }
        try {
            byte[] version = new byte[in.getInt()];
            in.get(version);
            String writtenBy = new String(version, StandardCharsets.UTF_8);
            if (!writtenBy.equals(builtBy)) {
                throw new IllegalArgumentException("a network file of version " + writtenBy + ", not " + builtBy);
            }
            RandomNetwork.Kind kind = RandomNetwork.Kind.values()[in.getInt()];
            int n = in.getInt();
            double p = in.getDouble();
            double g = in.getDouble();
            long seed = in.getLong();
            int synapses = in.getInt();
            int targetBytes = in.getInt();
            int encoderLength = in.getInt();
            long expected = size(writtenBy, n, synapses, targetBytes, encoderLength);
            if (n < 1 || synapses < 0 || encoderLength < 0 || (targetBytes != Character.BYTES && targetBytes != Integer.BYTES)
                    || expected != bytes.length) {
                throw new IllegalArgumentException("the network file's sizes do not add up");
            }
            int[] columnStart = new int[n + 1];
            in.asIntBuffer().get(columnStart);
            in.position(in.position() + Integer.BYTES * (n + 1));
            char[] narrow = null;
            int[] wide = null;
            if (targetBytes == Character.BYTES) {
                narrow = new char[synapses];
                in.asCharBuffer().get(narrow);
            } else {
                wide = new int[synapses];
                in.asIntBuffer().get(wide);
            }
            in.position(in.position() + targetBytes * synapses);
            double[] weights = doubles(in, synapses);
            double[] encoderDraws = doubles(in, encoderLength);
            double[] initialDraws = doubles(in, n);
            double[] rowMeans = doubles(in, n);
            return new RandomNetwork(p, g, seed, kind, SynapticWeights.of(n, columnStart, narrow, wide, weights),
                    encoderDraws, initialDraws, rowMeans);
        } catch (ArrayIndexOutOfBoundsException | java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("the network file's sizes do not add up", e);
        }
    }

    private static double[] doubles(ByteBuffer in, int count) {
        double[] values = new double[count];
        in.asDoubleBuffer().get(values);
        in.position(in.position() + Double.BYTES * count);
        return values;
    }
}
