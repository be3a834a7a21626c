package org.spikefx.engine;

import java.io.IOException;

/**
 * The weight matrix w (w[i][j]: from presynaptic neuron j to postsynaptic neuron i), stored by
 * presynaptic neuron (compressed sparse columns): the targets of neuron j and their weights sit in
 * one contiguous run, so a spike of j adds one short run into the input vector.
 *
 * <p>Spreading a spike streams its column from memory, and in large networks that is most of the
 * time a step takes. So while every neuron number fits in 16 bits (n up to 65,536) the targets are
 * kept as {@code char}s: 10 bytes a synapse instead of 12. Exactly one of the two target arrays exists.
 */
public final class SynapticWeights {
    /** Networks up to this size keep their targets in 16 bits. */
    static final int NARROW_TARGETS_MAX_NEURONS = 1 << 16;

    private final int n;
    private final int[] columnStart;
    private final char[] narrowTargets;
    private final int[] wideTargets;
    private final double[] weights;

    /**
     * @param columnStart n+1 offsets: the synapses of presynaptic neuron j are at columnStart[j] until columnStart[j+1]
     * @param narrowTargets postsynaptic neuron of each synapse, increasing within a column; or null, and then
     * @param wideTargets   the same as ints
     * @param weights     weight of each synapse
     */
    private SynapticWeights(int n, int[] columnStart, char[] narrowTargets, int[] wideTargets, double[] weights) {
        this.n = n;
        this.columnStart = columnStart;
        this.narrowTargets = narrowTargets;
        this.wideTargets = wideTargets;
        this.weights = weights;
    }

    /**
     * A matrix from its arrays, as {@link NetworkFile} reads them: checked to be a well-formed matrix of n
     * neurons (offsets from 0, never decreasing; targets below n, increasing within a column), so that a
     * file that passed its checksum but was written wrongly cannot send a step out of its arrays.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static SynapticWeights of(int n, int[] columnStart, char[] narrowTargets, int[] wideTargets, double[] weights) {
        if ((narrowTargets == null) == (wideTargets == null)) {
            throw new IllegalArgumentException("a matrix has exactly one array of targets");
        }
        int synapses = narrowTargets != null ? narrowTargets.length : wideTargets.length;
        if (columnStart.length != n + 1 || columnStart[0] != 0 || columnStart[n] != synapses
                || weights.length != synapses) {
            throw new IllegalArgumentException("the column offsets do not match " + synapses + " synapses of "
                    + n + " neurons");
        }
        SynapticWeights matrix = new SynapticWeights(n, columnStart, narrowTargets, wideTargets, weights);
        for (int j = 0; j < n; j++) {
            if (columnStart[j + 1] < columnStart[j]) {
                throw new IllegalArgumentException("column " + j + " ends before it starts");
            }
            int previous = -1;
            for (int slot = columnStart[j]; slot < columnStart[j + 1]; slot++) {
                int target = matrix.target(slot);
                if (target <= previous || target >= n) {
                    throw new IllegalArgumentException("column " + j + " has a target out of order or out of range");
                }
                previous = target;
            }
        }
        return matrix;
    }

    /** The arrays themselves, for {@link NetworkFile} to write; not to be changed. */
    int[] columnStarts() {
        return columnStart;
    }

    /** The targets in 16 bits, or null if they are kept in {@link #wideTargetArray}. */
    char[] narrowTargetArray() {
        return narrowTargets;
    }

    int[] wideTargetArray() {
        return wideTargets;
    }

    double[] weightArray() {
        return weights;
    }

    /** The postsynaptic neuron of synapse {@code slot}. */
    private int target(int slot) {
        return narrowTargets != null ? narrowTargets[slot] : wideTargets[slot];
    }

    public int neuronCount() {
        return n;
    }

    /** Number of stored synapses (entries of the connection mask). */
    public int synapseCount() {
        return columnStart[n];
    }

    /**
     * The synapses split by target into row ranges (one per part of a parallel simulation): the
     * targets of a column are sorted, so each range's share of a column is one contiguous run.
     */
    Partition partition(int[] rowStart) {
        int parts = rowStart.length - 1;
        int[] split = new int[n * (parts + 1)];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p <= parts; p++) {
                split[j * (parts + 1) + p] = firstSlotAtOrAbove(j, rowStart[p]);
            }
        }
        return new Partition(parts, split);
    }

    private int firstSlotAtOrAbove(int j, int row) {
        int lo = columnStart[j];
        int hi = columnStart[j + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (target(mid) < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Columns cut into row ranges; see {@link #partition}. */
    final class Partition {
        private final int stride;
        private final int[] split;

        private Partition(int parts, int[] split) {
            this.stride = parts + 1;
            this.split = split;
        }

        /** Adds the part of column j that falls into row range {@code part} into {@code input}. */
        void addColumn(int j, int part, double[] input) {
            int from = split[j * stride + part];
            int end = split[j * stride + part + 1];
            // Two copies of the hot loop, one per width of the targets, so that each stays a plain array loop.
            if (narrowTargets != null) {
                for (int s = from; s < end; s++) {
                    input[narrowTargets[s]] += weights[s];
                }
            } else {
                for (int s = from; s < end; s++) {
                    input[wideTargets[s]] += weights[s];
                }
            }
        }
    }

    /** Adds column j, the weights from neuron j onto every neuron, into {@code input}, in the order of the targets. */
    public void addColumn(int j, double[] input) {
        int from = columnStart[j];
        int end = columnStart[j + 1];
        if (narrowTargets != null) {
            for (int s = from; s < end; s++) {
                input[narrowTargets[s]] += weights[s];
            }
        } else {
            for (int s = from; s < end; s++) {
                input[wideTargets[s]] += weights[s];
            }
        }
    }

    /** Row i of w, dense: the weights onto neuron i from every neuron, 0 where they are not connected. */
    public double[] denseRow(int i) {
        double[] row = new double[neuronCount()];
        for (int j = 0; j < row.length; j++) {
            row[j] = weight(i, j);
        }
        return row;
    }

    /** Receives one stored synapse of a column: its postsynaptic neuron and its weight. */
    @FunctionalInterface
    public interface TargetConsumer {
        void accept(int post, double weight);
    }

    /**
     * The stored synapses of column j onto rows {@code rowFrom} to {@code rowEnd - 1}, by increasing row:
     * a block of the matrix is read without visiting the rest of its columns.
     */
    public void forEachInColumn(int j, int rowFrom, int rowEnd, TargetConsumer consumer) {
        for (int slot = firstSlotAtOrAbove(j, rowFrom), end = columnStart[j + 1]; slot < end; slot++) {
            int row = target(slot);
            if (row >= rowEnd) {
                return;
            }
            consumer.accept(row, weights[slot]);
        }
    }

    /** w[i][j]: the weight from neuron j onto neuron i, 0 where they are not connected. */
    public double weight(int i, int j) {
        int lo = columnStart[j];
        int hi = columnStart[j + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int target = target(mid);
            if (target < i) {
                lo = mid + 1;
            } else if (target > i) {
                hi = mid - 1;
            } else {
                return weights[mid];
            }
        }
        return 0.0;
    }

    /** Number of weights that are not zero, as NumPy's count_nonzero(w). */
    public long nonzeroCount() {
        long count = 0;
        for (double w : weights) {
            if (w != 0) {
                count++;
            }
        }
        return count;
    }

    /** Sum of the squared weights, Kahan-compensated so that it hardly depends on the storage order. */
    public double sumOfSquares() {
        double sum = 0;
        double compensation = 0;
        for (double w : weights) {
            double term = w * w - compensation;
            double next = sum + term;
            compensation = (next - sum) - term;
            sum = next;
        }
        return sum;
    }

    /** The nonzero weights of row i (inputs of neuron i) as pairs (column, weight), by increasing column. */
    public double[][] row(int i) {
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (weight(i, j) != 0) {
                count++;
            }
        }
        double[][] row = new double[count][];
        int k = 0;
        for (int j = 0; j < n; j++) {
            double w = weight(i, j);
            if (w != 0) {
                row[k++] = new double[] {j, w};
            }
        }
        return row;
    }

    /** Receives the synapses one by one; may write them out. */
    @FunctionalInterface
    public interface SynapseConsumer {
        void accept(int pre, int post, double weight) throws IOException;
    }

    /**
     * Every stored synapse, by presynaptic neuron and, within it, by increasing postsynaptic neuron: the
     * order in which a simulation adds a spike's input, for tools that rebuild the network elsewhere.
     */
    public void forEachSynapse(SynapseConsumer consumer) throws IOException {
        for (int j = 0; j < n; j++) {
            for (int slot = columnStart[j]; slot < columnStart[j + 1]; slot++) {
                consumer.accept(j, target(slot), weights[slot]);
            }
        }
    }

    /** Approximate heap footprint of the stored matrix. */
    public long bytes() {
        return 4L * columnStart.length + (narrowTargets != null ? 2L : 4L) * weights.length + 8L * weights.length;
    }

    /**
     * Assembles the matrix from bands of rows written in parallel. The connection masks fix every
     * synapse's slot in advance: within a column, the rows of band 0 come first, then band 1, and so on,
     * so each band writes its own slots and the targets of a column stay in increasing order.
     */
    static final class Builder {
        private final int n;
        private final int[] columnStart;
        private final char[] narrowTargets;
        private final int[] wideTargets;
        private final double[] weights;
        private final ConnectionMask[] bands;

        /** @param narrow whether the targets are kept in 16 bits; n must then be at most NARROW_TARGETS_MAX_NEURONS */
        Builder(int n, ConnectionMask[] bands, boolean narrow) {
            this.n = n;
            this.bands = bands;
            columnStart = new int[n + 1];
            long synapses = 0;
            for (int j = 0; j < n; j++) {
                for (ConnectionMask band : bands) {
                    synapses += band.columnCount(j);
                }
                if (synapses > RandomNetwork.MAX_SYNAPSES) {
                    throw new IllegalArgumentException("n = " + n + " gives more than " + RandomNetwork.MAX_SYNAPSES
                            + " synapses; choose a smaller n or p");
                }
                columnStart[j + 1] = (int) synapses;
            }
            narrowTargets = narrow ? new char[(int) synapses] : null;
            wideTargets = narrow ? null : new int[(int) synapses];
            weights = new double[(int) synapses];
        }

        /** The writer of one band; its rows' entries must be put in increasing row order. */
        BandWriter bandWriter(int band) {
            int[] next = java.util.Arrays.copyOf(columnStart, n);
            for (int earlier = 0; earlier < band; earlier++) {
                for (int j = 0; j < n; j++) {
                    next[j] += bands[earlier].columnCount(j);
                }
            }
            return new BandWriter(next);
        }

        SynapticWeights build() {
            return new SynapticWeights(n, columnStart, narrowTargets, wideTargets, weights);
        }

        /** Writes one band's synapses into their slots. */
        final class BandWriter {
            private final int[] nextSlot;

            private BandWriter(int[] nextSlot) {
                this.nextSlot = nextSlot;
            }

            void put(int row, int column, double weight) {
                int slot = nextSlot[column]++;
                if (narrowTargets != null) {
                    narrowTargets[slot] = (char) row;
                } else {
                    wideTargets[slot] = row;
                }
                weights[slot] = weight;
            }
        }
    }
}
