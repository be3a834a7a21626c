package org.spikefx.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.SpikeRaster;

/** The raster painted from its spikes at a multiple of the screen's resolution. */
class RasterAtScaleTest {
    private static final double DT = 1e-4;
    private static final int NEURONS = 10;

    /**
     * A raster of 10 neurons over 100 x 50 pixels showing 0.1 s: one pixel column is 1 ms, 10 steps.
     * Its marks are single pixels, as where spikes are many.
     */
    private static SpikeRaster raster(int... stepNeuronPairs) {
        SpikeRaster raster = new SpikeRaster(1000);
        raster.reset(NEURONS, DT);
        raster.setMaxDotPixels(1);
        raster.setView(0, 0.1, 100, 50);
        raster.add(TestBatches.withSpikes(0, 1000, DT, NEURONS, stepNeuronPairs));
        raster.setView(0, 0.1, 100, 50);
        return raster;
    }

    /** The columns of row y that have some colour. */
    private static List<Integer> paintedColumns(int[] pixels, int width, int y) {
        List<Integer> columns = new ArrayList<>();
        for (int x = 0; x < width; x++) {
            if (pixels[y * width + x] >>> 24 > 0) {
                columns.add(x);
            }
        }
        return columns;
    }

    @Test
    void aSpikeIsAScreenPixelWideCentredOnItsTimeOverItsNeuronsRowsAtTheNewResolution() {
        // Step 205 is at 20.5 ms: the middle of screen column 20, columns 80 to 83 at 4x.
        SpikeRaster raster = raster(205, 3);
        int[] pixels = RasterAtScale.paint(raster, Color.BLACK, 4);
        assertEquals(400 * 200, pixels.length);
        // Neuron 3 of 10 on 200 rows: rows 60 to 79 from the bottom, the top one left as a gap.
        for (int y = 0; y < 200; y++) {
            boolean inBand = y >= 200 - 80 + 1 && y <= 200 - 61;
            assertEquals(inBand ? List.of(80, 81, 82, 83) : List.of(), paintedColumns(pixels, 400, y), "row " + y);
        }
        assertEquals(0xFF000000, pixels[130 * 400 + 82], "one spike on a row of its own colours fully");
    }

    @Test
    void twoSpikesOfOneScreenPixelLandApartAsTheirTimesAre() {
        // Steps 201 and 208, at 20.1 and 20.8 ms: both in screen column 20, 2.8 columns apart at 4x.
        SpikeRaster raster = raster(201, 0, 208, 0);
        int row = 199;
        List<Integer> screen = paintedColumns(raster.pixels(), 100, 49);
        assertEquals(List.of(20), screen, "one pixel on screen");
        int[] pixels = RasterAtScale.paint(raster, Color.BLACK, 4);
        assertEquals(List.of(78, 79, 80, 81, 82, 83, 84), paintedColumns(pixels, 400, row));
    }

    @Test
    void withManyNeuronsPerRowAMarkIsAScreenPixelAroundItsNeuronsRowShadedAsOnScreen() {
        SpikeRaster raster = new SpikeRaster(1000);
        raster.reset(1000, DT);
        raster.setMaxDotPixels(1);
        raster.setView(0, 0.1, 100, 50);
        // Neuron 500 of 1000 on 200 rows: row 99 from the top; 20 neurons share a screen row.
        raster.add(TestBatches.withSpikes(0, 1000, DT, 1000, 205, 500));
        int[] pixels = RasterAtScale.paint(raster, Color.BLACK, 4);
        for (int y = 0; y < 200; y++) {
            assertEquals(y >= 97 && y <= 100 ? List.of(80, 81, 82, 83) : List.of(), paintedColumns(pixels, 400, y),
                    "row " + y);
        }
        assertEquals(Math.round(raster.spikeOpacity() * 255), pixels[100 * 400 + 80] >>> 24);
        assertEquals(raster.pixels()[raster.topRow(500) * 100 + 20] >>> 24, pixels[100 * 400 + 80] >>> 24,
                "the screen's shade");
    }

    @Test
    void whereSpikesAreFewAMarkIsTheScreensLargerDotAtTheNewResolution() {
        SpikeRaster raster = new SpikeRaster(1000);
        raster.reset(1000, DT);
        raster.add(TestBatches.withSpikes(0, 1000, DT, 1000, 205, 500));
        raster.setView(0, 0.1, 100, 50);
        int dot = raster.dotPixels();
        assertTrue(dot > 1, "one spike on 5000 pixels is a larger dot");
        int[] pixels = RasterAtScale.paint(raster, Color.BLACK, 2);
        // Centred on 20.5 ms, column 41 at 2x; around neuron 500's row 49 of 100.
        List<Integer> columns = new ArrayList<>();
        for (int x = 41 - dot; x < 41 + dot; x++) {
            columns.add(x);
        }
        int top = (49 + 49 + 1 - 2 * dot) / 2;
        for (int y = 0; y < 100; y++) {
            assertEquals(y >= top && y < top + 2 * dot ? columns : List.of(), paintedColumns(pixels, 200, y), "row " + y);
        }
    }

    @Test
    void atOneTimesTheSizeItIsTheScreensRaster() {
        SpikeRaster raster = raster(205, 3, 500, 7);
        int[] pixels = RasterAtScale.paint(raster, Color.BLACK, 1);
        for (int y = 0; y < 50; y++) {
            assertEquals(paintedColumns(raster.pixels(), 100, y), paintedColumns(pixels, 100, y), "row " + y);
        }
    }
}
