package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void countsValuesInEqualBinsAndClampsTheOutliersToTheEnds() {
        Histogram histogram = Histogram.of(new double[] {0, 0.05, 0.15, 0.95, 1.0, 5.0, -1}, 1.0, 10);
        assertArrayEquals(new int[] {3, 1, 0, 0, 0, 0, 0, 0, 0, 3}, histogram.counts());
        assertEquals(0.1, histogram.binWidth(), 1e-15);
    }
}
