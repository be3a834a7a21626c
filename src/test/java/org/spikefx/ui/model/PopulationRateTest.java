package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.spikefx.ui.TestBatches;

class PopulationRateTest {
    private final List<double[]> bins = new ArrayList<>();
    private final PopulationRate rate = new PopulationRate((center, hz) -> bins.add(new double[] {center, hz}));

    private void assertBin(int index, double center, double hz) {
        assertEquals(center, bins.get(index)[0], 1e-12, "center of bin " + index);
        assertEquals(hz, bins.get(index)[1], 1e-9, "rate of bin " + index);
    }

    @Test
    void eachCompleteBinIsItsSpikesOverNeuronsTimesWidth() {
        rate.reset(10, 1e-4);
        // Bins of 20 steps; the first batch ends inside the third bin.
        rate.accept(TestBatches.withSpikes(0, 50, 1e-4, 10, 0, 0, 0, 1, 0, 2, 5, 3, 25, 0, 25, 1, 39, 4, 45, 5));
        assertEquals(2, bins.size(), "the unfinished third bin waits");
        assertBin(0, 0.001, 4 / (10 * 0.002));
        assertBin(1, 0.003, 3 / (10 * 0.002));

        rate.accept(TestBatches.withSpikes(50, 10, 1e-4, 10, 52, 6, 59, 7));
        assertEquals(3, bins.size());
        assertBin(2, 0.005, 3 / (10 * 0.002));
    }

    @Test
    void aBinIsTheWholeNumberOfStepsNearestToTheChosenWidth() {
        rate.reset(4, 3e-4);
        assertEquals(7, rate.stepsPerBin(), "2 ms is 6.67 steps of 0.3 ms");
        rate.accept(TestBatches.withSpikes(0, 7, 3e-4, 4, 6, 1));
        assertBin(0, 7 * 3e-4 / 2, 1 / (4 * 7 * 3e-4));
    }

    @Test
    void changingTheWidthStartsAFreshBin() {
        rate.reset(10, 1e-4);
        rate.accept(TestBatches.withSpikes(0, 10, 1e-4, 10, 3, 0));
        rate.setBinSeconds(0.001);
        rate.accept(TestBatches.withSpikes(10, 10, 1e-4, 10, 12, 1, 13, 2));
        assertEquals(1, bins.size());
        assertBin(0, 0.0015, 2 / (10 * 0.001));
    }

    @Test
    void refusesABinOutsideOneToFiveMilliseconds() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> rate.setBinSeconds(0.006));
        assertEquals("the rate bin must be from 1.0 to 5.0 ms, not 6.0 ms", error.getMessage());
    }
}
