package org.spikefx.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.spikefx.engine.SynapticWeights;
import org.spikefx.export.NpyWriter;

/**
 * A block of the weight matrix as a heat map shows it: rows (postsynaptic neurons) and columns
 * (presynaptic neurons) of a {@link Range}, gathered into at most {@link #MAX_CELLS_PER_SIDE} cells a
 * side. Where the block is larger, a cell holds the mean of its k × l weights (absent synapses count as
 * 0, as in the matrix); once the block is small enough, every cell is one entry w[i][j], a single
 * synapse or none.
 */
public final class WeightBlock {
    /** Cells a side at most: about one cell per two pixels of the view, and single synapses large enough to hover. */
    public static final int MAX_CELLS_PER_SIDE = 200;
    /** The most weights a block's .npy may hold (2048 × 2048, 32 MB): enough for any block worth reading. */
    public static final int MAX_NPY_VALUES = 2048 * 2048;
    /** Columns between two checks for a cancel. */
    private static final int COLUMNS_PER_CHECK = 64;

    /**
     * Rows {@code rowFrom} to {@code rowTo} and columns {@code colFrom} to {@code colTo}, both ends
     * included, of an n × n matrix: neurons are numbered from 0 as everywhere in the window.
     */
    public record Range(int rowFrom, int rowTo, int colFrom, int colTo) {
        public Range {
            if (rowFrom < 0 || colFrom < 0 || rowTo < rowFrom || colTo < colFrom) {
                throw new IllegalArgumentException("a block runs from a first row and column to a last one, each at"
                        + " least the first; not rows " + rowFrom + " to " + rowTo + ", columns " + colFrom + " to "
                        + colTo);
            }
        }

        /** The whole n × n matrix. */
        public static Range whole(int n) {
            return new Range(0, n - 1, 0, n - 1);
        }

        /**
         * The range typed into four fields, checked against the network's size.
         *
         * @throws IllegalArgumentException with one line naming the field and what is allowed
         */
        public static Range parse(String rowFrom, String rowTo, String colFrom, String colTo, int n) {
            int r0 = neuron("rows from", rowFrom, n);
            int r1 = neuron("rows to", rowTo, n);
            int c0 = neuron("columns from", colFrom, n);
            int c1 = neuron("columns to", colTo, n);
            if (r1 < r0) {
                throw new IllegalArgumentException("rows: the last row (" + r1 + ") comes before the first (" + r0 + ")");
            }
            if (c1 < c0) {
                throw new IllegalArgumentException("columns: the last column (" + c1 + ") comes before the first ("
                        + c0 + ")");
            }
            return new Range(r0, r1, c0, c1);
        }

        private static int neuron(String field, String text, int n) {
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= 0 && value < n) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // refused below, with the same words as a number out of range
            }
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a neuron number from 0 to "
                    + (n - 1));
        }

        public int rows() {
            return rowTo - rowFrom + 1;
        }

        public int columns() {
            return colTo - colFrom + 1;
        }

        public long size() {
            return (long) rows() * columns();
        }

        /**
         * This block zoomed by {@code factor} (below 1: in) about the entry (row, column), which stays
         * where it is in the view; kept within the n × n matrix, at least one entry a side.
         */
        public Range zoom(double factor, double row, double column, int n) {
            int[] rowSpan = zoomSpan(rowFrom, rowTo, factor, row, n);
            int[] columnSpan = zoomSpan(colFrom, colTo, factor, column, n);
            return new Range(rowSpan[0], rowSpan[1], columnSpan[0], columnSpan[1]);
        }

        /** This block moved by whole rows and columns, kept within the n × n matrix. */
        public Range pan(int byRows, int byColumns, int n) {
            int r0 = Math.max(0, Math.min(n - rows(), rowFrom + byRows));
            int c0 = Math.max(0, Math.min(n - columns(), colFrom + byColumns));
            return new Range(r0, r0 + rows() - 1, c0, c0 + columns() - 1);
        }

        private static int[] zoomSpan(int from, int to, double factor, double about, int n) {
            int length = to - from + 1;
            int zoomed = (int) Math.max(1, Math.min(n, Math.round(length * factor)));
            double share = (about - from) / length; // where the fixed point lies in the span, 0 to 1
            int start = (int) Math.round(about - share * zoomed);
            start = Math.max(0, Math.min(n - zoomed, start));
            return new int[] {start, start + zoomed - 1};
        }
    }

    private final Range range;
    private final int rowsPerCell;
    private final int columnsPerCell;
    private final int cellRows;
    private final int cellColumns;
    private final double[] sums;
    private final int[] synapses;

    private WeightBlock(Range range, int rowsPerCell, int columnsPerCell) {
        this.range = range;
        this.rowsPerCell = rowsPerCell;
        this.columnsPerCell = columnsPerCell;
        this.cellRows = ceilDiv(range.rows(), rowsPerCell);
        this.cellColumns = ceilDiv(range.columns(), columnsPerCell);
        this.sums = new double[cellRows * cellColumns];
        this.synapses = new int[cellRows * cellColumns];
    }

    /**
     * Gathers the block from the matrix, reading only its columns' synapses in its rows.
     *
     * @throws CancellationException when {@code cancelled} answers true (checked between columns)
     */
    public static WeightBlock of(SynapticWeights weights, Range range, BooleanSupplier cancelled) {
        int n = weights.neuronCount();
        if (range.rowTo() >= n || range.colTo() >= n) {
            throw new IllegalArgumentException("the block reaches neuron " + Math.max(range.rowTo(), range.colTo())
                    + ", but the network has neurons 0 to " + (n - 1));
        }
        WeightBlock block = new WeightBlock(range, ceilDiv(range.rows(), MAX_CELLS_PER_SIDE),
                ceilDiv(range.columns(), MAX_CELLS_PER_SIDE));
        for (int j = range.colFrom(); j <= range.colTo(); j++) {
            if ((j - range.colFrom()) % COLUMNS_PER_CHECK == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("the block was cancelled");
            }
            int cellColumn = (j - range.colFrom()) / block.columnsPerCell;
            weights.forEachInColumn(j, range.rowFrom(), range.rowTo() + 1, (i, w) -> {
                int cell = (i - range.rowFrom()) / block.rowsPerCell * block.cellColumns + cellColumn;
                block.sums[cell] += w;
                block.synapses[cell]++;
            });
        }
        return block;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    public Range range() {
        return range;
    }

    /** Whether every cell is a single entry of the matrix. */
    public boolean singleEntries() {
        return rowsPerCell == 1 && columnsPerCell == 1;
    }

    public int rowsPerCell() {
        return rowsPerCell;
    }

    public int columnsPerCell() {
        return columnsPerCell;
    }

    public int cellRows() {
        return cellRows;
    }

    public int cellColumns() {
        return cellColumns;
    }

    /** First matrix row of cell row r. */
    public int firstRow(int r) {
        return range.rowFrom() + r * rowsPerCell;
    }

    /** Last matrix row of cell row r. */
    public int lastRow(int r) {
        return Math.min(range.rowTo(), firstRow(r) + rowsPerCell - 1);
    }

    public int firstColumn(int c) {
        return range.colFrom() + c * columnsPerCell;
    }

    public int lastColumn(int c) {
        return Math.min(range.colTo(), firstColumn(c) + columnsPerCell - 1);
    }

    /** The mean weight of cell (r, c) over all its entries, absent synapses as 0; the weight itself for a single entry. */
    public double mean(int r, int c) {
        long entries = (long) (lastRow(r) - firstRow(r) + 1) * (lastColumn(c) - firstColumn(c) + 1);
        return sums[r * cellColumns + c] / entries;
    }

    /** Synapses in cell (r, c). */
    public int synapses(int r, int c) {
        return synapses[r * cellColumns + c];
    }

    /** The largest |mean| over the cells, for a colour scale centred on zero. */
    public double largestMagnitude() {
        double largest = 0;
        for (int r = 0; r < cellRows; r++) {
            for (int c = 0; c < cellColumns; c++) {
                largest = Math.max(largest, Math.abs(mean(r, c)));
            }
        }
        return largest;
    }

    /**
     * Writes the weights of a block as a rows × columns float64 .npy (C order, w[i][j] with i the row), all
     * at once or not at all.
     *
     * @throws IllegalArgumentException for a block of more than {@link #MAX_NPY_VALUES} weights, naming the limit
     * @throws IOException              with a one-line reason naming the file
     */
    public static void writeNpy(SynapticWeights weights, Range range, Path file) throws IOException {
        if (range.size() > MAX_NPY_VALUES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the block holds %,d weights;"
                    + " a .npy of a block holds at most %,d (2048 × 2048): choose a smaller block", range.size(),
                    MAX_NPY_VALUES));
        }
        double[] dense = dense(weights, range);
        NpyWriter.write(file, NpyWriter.DataType.FLOAT64, new long[] {range.rows(), range.columns()}, array -> {
            for (double w : dense) {
                array.putDouble(w);
            }
        });
    }

    /** The block's weights in C order: {@code dense[(i - rowFrom) * columns + (j - colFrom)] = w[i][j]}. */
    static double[] dense(SynapticWeights weights, Range range) {
        double[] dense = new double[Math.toIntExact(range.size())];
        int columns = range.columns();
        for (int j = range.colFrom(); j <= range.colTo(); j++) {
            int column = j - range.colFrom();
            weights.forEachInColumn(j, range.rowFrom(), range.rowTo() + 1,
                    (i, w) -> dense[(i - range.rowFrom()) * columns + column] = w);
        }
        return dense;
    }
}
