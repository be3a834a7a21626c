package org.spikefx.engine;

import java.util.Arrays;

/**
 * Which entries of the n x n matrix are connected (u < p), row by row: the connected columns of
 * each row in increasing order, and how many synapses each column receives. One int per synapse.
 */
final class ConnectionMask {
    private final int n;
    private final int[] rowStart;
    private int[] columns;
    private final int[] columnCounts;

    private ConnectionMask(int n, int expectedSize) {
        this.n = n;
        this.rowStart = new int[n + 1];
        this.columns = new int[expectedSize];
        this.columnCounts = new int[n];
    }

    /** Draws {@code rand(n, n)} row-major from the stream and keeps the entries below p. */
    static ConnectionMask draw(LegacyRandom uniformStream, int n, double p, RandomNetwork.ProgressTicker ticker) {
        long entries = (long) n * n;
        // Expected count plus six standard deviations: growing the array is the rare exception.
        double expected = entries * p;
        long capacity = (long) (expected + 6 * Math.sqrt(expected * (1 - p)) + 16);
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n = " + n + " and p = " + p + " give more than "
                    + Integer.MAX_VALUE + " synapses; choose a smaller n or p");
        }
        ConnectionMask mask = new ConnectionMask(n, (int) Math.min(capacity, entries));
        int size = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (uniformStream.rand() < p) {
                    if (size == mask.columns.length) {
                        mask.grow();
                    }
                    mask.columns[size++] = j;
                    mask.columnCounts[j]++;
                }
            }
            mask.rowStart[i + 1] = size;
            ticker.advanceTo(n + (long) i);
        }
        return mask;
    }

    private void grow() {
        long larger = Math.min((long) columns.length * 3 / 2 + 16, Integer.MAX_VALUE - 8);
        if (larger <= columns.length) {
            throw new IllegalArgumentException("more than " + columns.length + " synapses; choose a smaller n or p");
        }
        columns = Arrays.copyOf(columns, (int) larger);
    }

    int size() {
        return rowStart[n];
    }

    int rowStart(int i) {
        return rowStart[i];
    }

    int column(int index) {
        return columns[index];
    }

    int columnCount(int j) {
        return columnCounts[j];
    }
}
