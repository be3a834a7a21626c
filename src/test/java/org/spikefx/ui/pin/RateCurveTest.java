package org.spikefx.ui.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.RateHistory;
import org.spikefx.ui.model.SpikeStatistics;

/** What a pin keeps of a run: its rate bin by bin, and its numbers as the statistics define them. */
class RateCurveTest {
    private static final double DT = 1e-4;

    @Test
    void theCurveHasEveryCompleteBinAtTheHistorysWidth() {
        RateHistory history = new RateHistory();
        history.reset(10, DT);
        history.setBinSeconds(0.002); // 20 steps a bin
        // 50 steps: two complete bins and a part; 3 spikes in the first bin, 1 in the second, 1 in the part.
        history.accept(TestBatches.withSpikes(0, 50, DT, 10, 0, 1, 5, 2, 19, 3, 20, 4, 45, 5));
        RateCurve curve = RateCurve.of(history);
        assertEquals(2, curve.size());
        assertEquals(0.001, curve.times()[0], 1e-12);
        assertEquals(0.003, curve.times()[1], 1e-12);
        assertEquals(3 / (10 * 0.002), curve.ratesHz()[0], 1e-9);
        assertEquals(1 / (10 * 0.002), curve.ratesHz()[1], 1e-9);
        assertEquals(1 / (10 * 0.002), curve.maxFrom(0.002), 1e-9);
    }

    @Test
    void aCurveIsSearchedAndReadByTimeForThePlotsThinning() {
        RateCurve curve = new RateCurve(0.002, new double[] {0.001, 0.003, 0.005}, new double[] {10, 20, 30});
        assertEquals(0, curve.firstAtOrAfter(-1));
        assertEquals(0, curve.firstAtOrAfter(0.001));
        assertEquals(1, curve.firstAtOrAfter(0.0011));
        assertEquals(2, curve.firstAtOrAfter(0.005));
        assertEquals(3, curve.firstAtOrAfter(0.0051));
        java.util.List<Double> read = new java.util.ArrayList<>();
        curve.forEach(1, 10, (index, rate) -> read.add(curve.time(index) * 1000 + rate));
        assertEquals(java.util.List.of(23.0, 35.0), read);
    }

    @Test
    void theNumbersCountSilentNeuronsAsTheSummaryDoes() {
        SpikeStatistics statistics = new SpikeStatistics();
        statistics.reset(4, DT);
        statistics.accept(TestBatches.withSpikes(0, 1000, DT, 4, 10, 0, 20, 0, 30, 2));
        RunNumbers numbers = RunNumbers.of(statistics);
        assertEquals(0.1, numbers.simulatedSeconds(), 1e-12);
        assertEquals(3, numbers.totalSpikes());
        assertEquals(3 / (4 * 0.1), numbers.meanRateHz(), 1e-9);
        assertEquals(0.5, numbers.fractionSilent(), 1e-12); // neurons 1 and 3 never fired
    }
}
