package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.spikefx.ui.TestBatches;

class SpikeRasterTest {
    private static final double DT = 1e-4;

    /** Coordinates (x, y) of every pixel that has a colour. */
    private static List<List<Integer>> paintedPixels(SpikeRaster raster) {
        List<List<Integer>> painted = new ArrayList<>();
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                if (raster.pixels()[y * raster.width() + x] != 0) {
                    painted.add(List.of(x, y));
                }
            }
        }
        return painted;
    }

    private static SpikeRaster raster(int neurons, double span, int width, int height) {
        SpikeRaster raster = new SpikeRaster(1 << 16);
        raster.setMaxDotPixels(1);
        raster.reset(neurons, DT);
        raster.setView(0, span, width, height);
        return raster;
    }

    @Test
    void aSpikeLandsOnThePixelOfItsTimeColumnAndNeuronRow() {
        // 200 columns of 5 ms; 100 neurons on 50 rows, two per row, neuron 0 at the bottom.
        SpikeRaster raster = raster(100, 1.0, 200, 50);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 100, 1234, 37, 1234, 99, 9999, 0));

        // t = 0.1234 s is in column 24; neuron 37 in row 18 from the bottom, 99 in row 49, 0 in row 0.
        assertEquals(List.of(List.of(24, 0), List.of(24, 31), List.of(199, 49)), paintedPixels(raster));
        assertEquals(24, raster.x(1234));
        assertEquals(31, raster.bottomRow(37));
        assertEquals(31, raster.topRow(37));
    }

    @Test
    void withMoreRowsThanNeuronsEachNeuronIsATickWithAGapAbove() {
        // 10 neurons on 50 rows: bands of five rows, the top one left empty.
        SpikeRaster raster = raster(10, 1.0, 100, 50);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 10, 550, 0, 550, 9));

        List<List<Integer>> expected = new ArrayList<>();
        for (int y : new int[] {1, 2, 3, 4, 46, 47, 48, 49}) {
            expected.add(List.of(5, y));
        }
        assertEquals(expected, paintedPixels(raster));
    }

    @Test
    void moreSpikesOnAPixelColourItMoreStrongly() {
        // 1000 neurons on 10 rows: 100 per row, so one spike covers 4 % of its pixel.
        SpikeRaster raster = raster(1000, 1.0, 10, 10);
        raster.setSpikeColor(0xFF000000);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 1000, 10, 1, 20, 2, 2500, 3));

        int twoSpikes = raster.pixels()[9 * 10];
        int oneSpike = raster.pixels()[9 * 10 + 2];
        assertEquals(Math.round(255 * 0.04), oneSpike >>> 24);
        assertEquals(Math.round(255 * (1 - 0.96 * 0.96)), twoSpikes >>> 24);
    }

    @Test
    void scrollingShiftsOldSpikesLeftAndPaintsTheOnesItExposes() {
        // A window of 1 s on 100 columns that follows the newest time.
        SpikeRaster raster = raster(10, 1.0, 100, 10);
        raster.add(TestBatches.withSpikes(0, 15_000, DT, 10, 5050, 0, 12_345, 9));
        assertEquals(List.of(List.of(50, 9)), paintedPixels(raster), "the later spike is outside the window");

        raster.setView(0.5, 1.0, 100, 10);

        // Column 50 moved to 0; the spike at 1.2345 s (column 123) is at 73.
        assertEquals(List.of(List.of(73, 0), List.of(0, 9)), paintedPixels(raster));
        assertEquals(new PixelRegion(0, 0, 100, 10), raster.takeDirtyRegion().orElseThrow());
        assertTrue(raster.takeDirtyRegion().isEmpty());
    }

    @Test
    void newSpikesMarkOnlyTheirOwnPixelsDirty() {
        SpikeRaster raster = raster(10, 1.0, 100, 10);
        raster.takeDirtyRegion();
        raster.add(TestBatches.withSpikes(2000, 2000, DT, 10, 2_550, 3, 3_150, 5));
        // Columns 25 and 31; neuron 3 in row 6, neuron 5 in row 4.
        assertEquals(new PixelRegion(25, 4, 7, 3), raster.takeDirtyRegion().orElseThrow());
    }

    @Test
    void aResizeRepaintsFromTheKeptSpikes() {
        SpikeRaster raster = raster(10, 1.0, 100, 10);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 10, 5060, 0, 7777, 4));
        raster.setView(0, 1.0, 200, 20);
        // 200 columns of 5 ms: columns 101 and 155; 20 rows, two per neuron: neuron 4 on rows 10 and 11.
        assertEquals(List.of(List.of(155, 10), List.of(155, 11), List.of(101, 18), List.of(101, 19)),
                paintedPixels(raster));
    }

    @Test
    void spikesPushedOutOfTheRingSurviveAResizeAsTheOldImageScaled() {
        SpikeRaster raster = new SpikeRaster(1);
        raster.setMaxDotPixels(1);
        raster.reset(10, DT);
        raster.setView(0, 1.0, 100, 10);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 10, 1_050, 0, 9_050, 0));

        raster.setView(0, 1.0, 50, 10);

        // The first spike left the ring: its column 10 of 100 is summed into column 5 of 50 with
        // column 11. The second is repainted from the ring at column 45.
        assertEquals(List.of(List.of(5, 9), List.of(45, 9)), paintedPixels(raster));
    }

    @Test
    void thePointerPicksTheNearestSpikeOrElseTheNeuronOfItsRow() {
        // 1000 neurons on 100 rows: neurons 500 to 509 share row 50 from the bottom (y = 49).
        SpikeRaster raster = raster(1000, 1.0, 100, 100);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 1000, 3_050, 503, 3_250, 507));

        assertEquals(503, raster.neuronAt(30.5, 49.5));
        assertEquals(507, raster.neuronAt(32.5, 49.5));
        assertEquals(503, raster.neuronAt(29, 51), "within the pick radius of the first spike");
        // No spike near: neurons 100 to 109 share the row, the pointer is at its middle.
        assertEquals(105, raster.neuronAt(80.5, 89.5));
        assertEquals(0.305, raster.timeAt(30.5), 1e-12);
    }

    @Test
    void theSpikesInViewAreThoseOfTheWindowInTimeOrder() {
        SpikeRaster raster = raster(10, 1.0, 100, 10);
        raster.add(TestBatches.withSpikes(0, 25_000, DT, 10, 1_000, 1, 4_999, 2, 5_000, 3, 14_999, 4, 15_000, 5));
        raster.setView(0.5, 1.0, 100, 10);

        List<List<Integer>> spikes = new ArrayList<>();
        raster.forEachSpikeInView((step, neuron) -> spikes.add(List.of(step, neuron)));

        assertEquals(List.of(List.of(5_000, 3), List.of(14_999, 4)), spikes, "0.5 s up to, not including, 1.5 s");
        assertEquals(2, raster.spikesInView());
        assertTrue(raster.keepsEverySpikeInView());
    }

    @Test
    void aFullRingNoLongerKeepsEverySpikeOfTheWindow() {
        SpikeRaster raster = new SpikeRaster(2);
        raster.setMaxDotPixels(1);
        raster.reset(10, DT);
        raster.setView(0, 1.0, 100, 10);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 10, 1_000, 1, 2_000, 2, 3_000, 3));

        assertEquals(2, raster.spikesInView());
        assertFalse(raster.keepsEverySpikeInView(), "the spike at 0.1 s was pushed out");
        raster.setView(0.15, 1.0, 100, 10);
        assertTrue(raster.keepsEverySpikeInView(), "the pushed-out spike is left of the window");
    }

    @Test
    void oneSpikeCoversItsShareOfAPixel() {
        assertEquals(0.04, raster(1000, 1.0, 10, 10).spikeOpacity(), 1e-12, "100 neurons per row");
        assertEquals(1.0, raster(10, 1.0, 10, 10).spikeOpacity(), "a row per neuron");
    }

    @Test
    void resetEmptiesTheImageAndTheRing() {
        SpikeRaster raster = raster(10, 1.0, 100, 10);
        raster.add(TestBatches.withSpikes(0, 10_000, DT, 10, 5050, 0));
        raster.reset(20, DT);
        assertEquals(List.of(), paintedPixels(raster));
        assertEquals(0, raster.storedSpikes());
        assertEquals(20, raster.neuronCount());
    }

    @Test
    void aRepaintOfMoreSpikesThanAFrameTakesCoversTheWholeViewInItsFirstFrameAndEndsExact() {
        int perStep = 3;
        int steps = SpikeRaster.REPAINT_SPIKES_PER_FRAME / perStep * 2 + 1000; // over two frames' worth
        int[] pairs = new int[2 * steps * perStep];
        for (int k = 0; k < steps * perStep; k++) {
            pairs[2 * k] = k / perStep;
            pairs[2 * k + 1] = (k * 7919) % 100;
        }
        double span = steps * DT;
        SpikeRaster raster = new SpikeRaster(1 << 20);
        raster.setMaxDotPixels(1);
        raster.reset(100, DT);
        raster.setView(0, span, 100, 50);
        raster.add(TestBatches.withSpikes(0, steps, DT, 100, pairs));
        int[] whole = raster.pixels().clone();

        raster.setView(0, span * 0.999, 100, 50); // a zoom frame: the repaint starts anew
        assertTrue(raster.repainting(), "more spikes than a frame paints");
        int leftmost = Integer.MAX_VALUE;
        int rightmost = -1;
        for (List<Integer> pixel : paintedPixels(raster)) {
            leftmost = Math.min(leftmost, pixel.get(0));
            rightmost = Math.max(rightmost, pixel.get(0));
        }
        assertEquals(0, leftmost);
        assertTrue(rightmost >= 98, "the first frame reaches the right edge, not only the left part: " + rightmost);

        raster.finishRepaint();
        assertFalse(raster.repainting());
        raster.setView(0, span, 100, 50);
        raster.finishRepaint();
        assertTrue(java.util.Arrays.equals(whole, raster.pixels()), "the passes end with every spike painted once");
    }
}
