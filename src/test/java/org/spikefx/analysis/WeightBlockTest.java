package org.spikefx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.SynapticWeights;
import org.spikefx.export.NpyReader;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** Blocks of the weight matrix: single entries, cells of several, the fields' checks, zoom and pan, and the .npy. */
class WeightBlockTest {
    private static final int N = 450;
    private static SynapticWeights weights;

    @BeforeAll
    static void build() {
        weights = RandomNetwork.build(NetworkParameters.DEFAULTS.with(Parameter.N, N).with(Parameter.SEED, 3)).weights();
    }

    @Test
    void aSmallBlockShowsEveryEntryAsACell() {
        WeightBlock.Range range = new WeightBlock.Range(10, 59, 300, 449);
        WeightBlock block = WeightBlock.of(weights, range, () -> false);
        assertTrue(block.singleEntries());
        assertEquals(50, block.cellRows());
        assertEquals(150, block.cellColumns());
        int synapses = 0;
        for (int r = 0; r < block.cellRows(); r++) {
            for (int c = 0; c < block.cellColumns(); c++) {
                double w = weights.weight(10 + r, 300 + c);
                assertEquals(w, block.mean(r, c), "w[" + (10 + r) + "][" + (300 + c) + "]");
                assertEquals(w != 0 ? 1 : 0, block.synapses(r, c));
                synapses += block.synapses(r, c);
            }
        }
        assertTrue(synapses > 500, "a tenth of 7500 entries are synapses");
    }

    @Test
    void aLargeBlockGathersEntriesIntoCellsAndAveragesThem() {
        WeightBlock block = WeightBlock.of(weights, WeightBlock.Range.whole(N), () -> false);
        assertFalse(block.singleEntries());
        assertEquals(3, block.rowsPerCell()); // 450 rows in at most 200 cells
        assertEquals(150, block.cellRows());
        for (int[] cell : new int[][] {{0, 0}, {17, 93}, {149, 149}}) {
            double sum = 0;
            int synapses = 0;
            for (int i = block.firstRow(cell[0]); i <= block.lastRow(cell[0]); i++) {
                for (int j = block.firstColumn(cell[1]); j <= block.lastColumn(cell[1]); j++) {
                    sum += weights.weight(i, j);
                    synapses += weights.weight(i, j) != 0 ? 1 : 0;
                }
            }
            assertEquals(sum / 9, block.mean(cell[0], cell[1]), 1e-15);
            assertEquals(synapses, block.synapses(cell[0], cell[1]));
        }
    }

    @Test
    void typedRangesAreCheckedWithOneLineNamingTheField() {
        assertEquals(new WeightBlock.Range(5, 9, 0, 449), WeightBlock.Range.parse(" 5", "9 ", "0", "449", N));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> WeightBlock.Range.parse("abc", "9", "0", "10", N));
        assertEquals("rows from: 'abc' is not a neuron number from 0 to 449", notANumber.getMessage());
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> WeightBlock.Range.parse("0", "9", "0", "450", N));
        assertEquals("columns to: '450' is not a neuron number from 0 to 449", tooLarge.getMessage());
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> WeightBlock.Range.parse("20", "9", "0", "10", N));
        assertEquals("rows: the last row (9) comes before the first (20)", backwards.getMessage());
    }

    @Test
    void zoomKeepsTheEntryUnderThePointerAndStaysInsideTheMatrix() {
        WeightBlock.Range whole = WeightBlock.Range.whole(N);
        WeightBlock.Range in = whole.zoom(0.5, 100, 400, N);
        assertEquals(225, in.rows());
        assertEquals(225, in.columns());
        // The entry under the pointer keeps its share of the span: row 100 was 100/450 of the way down.
        assertEquals(100 - Math.round(100.0 / 450 * 225), in.rowFrom());
        assertEquals(400 - Math.round(400.0 / 450 * 225), in.colFrom());
        WeightBlock.Range deepest = in;
        for (int k = 0; k < 40; k++) {
            deepest = deepest.zoom(0.5, deepest.rowFrom(), deepest.colFrom(), N);
        }
        assertEquals(1, deepest.rows(), "at most one entry");
        assertEquals(whole, in.zoom(10, 100, 400, N), "zooming out stops at the whole matrix");
        assertEquals(new WeightBlock.Range(0, 224, 225, 449), in.pan(-1000, 1000, N), "a pan stops at the edges");
    }

    @Test
    void aBlocksNpyReadsBackAsTheSameWeights(@TempDir Path folder) throws IOException {
        WeightBlock.Range range = new WeightBlock.Range(100, 139, 7, 66);
        Path file = folder.resolve("block.npy");
        WeightBlock.writeNpy(weights, range, file);
        NpyReader.Matrix matrix = NpyReader.readMatrix(file, WeightBlock.MAX_NPY_VALUES);
        assertEquals(40, matrix.rows());
        assertEquals(60, matrix.columns());
        int nonzero = 0;
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 60; c++) {
                assertEquals(weights.weight(100 + r, 7 + c), matrix.get(r, c), "w[" + (100 + r) + "][" + (7 + c) + "]");
                nonzero += matrix.get(r, c) != 0 ? 1 : 0;
            }
        }
        assertTrue(nonzero > 100);
        IOException notAVector = assertThrows(IOException.class, () -> NpyReader.readVector(file, 10_000));
        assertEquals("the array must be one-dimensional", notAVector.getMessage());
    }

    @Test
    void aBlockTooLargeForAnNpyIsRefusedAndNothingIsWritten(@TempDir Path folder) {
        SynapticWeights large = RandomNetwork.build(NetworkParameters.DEFAULTS.with(Parameter.N, 2100)
                .with(Parameter.P, 0.001)).weights();
        Path file = folder.resolve("block.npy");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WeightBlock.writeNpy(large, WeightBlock.Range.whole(2100), file));
        assertTrue(refused.getMessage().startsWith("the block holds 4,410,000 weights; a .npy of a block holds at most"
                + " 4,194,304"), refused.getMessage());
        assertFalse(Files.exists(file));
    }
}
