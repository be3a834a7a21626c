package org.spikefx.engine;

import java.util.Arrays;

/**
 * Which entries of a band of rows of the n x n matrix are connected (u < p): the connected columns
 * of each row in increasing order, and how many synapses each column receives. One int per synapse.
 */
final class ConnectionMask {
    private final int firstRow;
    private final int[] rowStart;
    private int[] columns;
    private final int[] columnCounts;

    private ConnectionMask(int firstRow, int rows, int n, long expectedSize) {
        this.firstRow = firstRow;
        this.rowStart = new int[rows + 1];
        this.columns = new int[(int) Math.min(expectedSize, RandomNetwork.MAX_SYNAPSES)];
        this.columnCounts = new int[n];
    }

    /**
     * Draws rows [firstRow, endRow) of {@code rand(n, n)} from a stream that stands at the first of them.
     */
    static ConnectionMask draw(LegacyRandom uniforms, int n, double p, int firstRow, int endRow,
                               BuildProgress progress) {
        int rows = endRow - firstRow;
        double expected = (double) rows * n * p;
        // Expected count plus six standard deviations: growing the array is the rare exception.
        long capacity = (long) (expected + 6 * Math.sqrt(expected * (1 - p)) + n + 16);
        ConnectionMask mask = new ConnectionMask(firstRow, rows, n, capacity);
        int size = 0;
        for (int r = 0; r < rows; r++) {
            if (mask.columns.length - size < n) {
                mask.grow(size + n);
            }
            int found = uniforms.uniformsBelow(p, n, mask.columns, size);
            for (int s = size; s < size + found; s++) {
                mask.columnCounts[mask.columns[s]]++;
            }
            size += found;
            mask.rowStart[r + 1] = size;
            progress.advance(1);
        }
        return mask;
    }

    private void grow(long needed) {
        long larger = Math.max(needed, (long) columns.length * 3 / 2);
        if (larger > RandomNetwork.MAX_SYNAPSES) {
            throw new IllegalArgumentException("more than " + RandomNetwork.MAX_SYNAPSES
                    + " synapses in one band of rows; choose a smaller n or p");
        }
        columns = Arrays.copyOf(columns, (int) larger);
    }

    int firstRow() {
        return firstRow;
    }

    int endRow() {
        return firstRow + rowStart.length - 1;
    }

    int size() {
        return rowStart[rowStart.length - 1];
    }

    /** Index of the first connected entry of row i (absolute row index). */
    int rowStart(int i) {
        return rowStart[i - firstRow];
    }

    int column(int index) {
        return columns[index];
    }

    int columnCount(int j) {
        return columnCounts[j];
    }
}
