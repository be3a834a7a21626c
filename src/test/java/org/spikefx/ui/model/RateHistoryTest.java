package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.spikefx.ui.TestBatches;

/** The rate drawn over a window: its bins, at their centres, reach both edges of the plot. */
class RateHistoryTest {
    private static final double DT = 1e-4;

    @Test
    void zoomedIntoAFewBinsTheLineRunsFromBeforeTheLeftEdgeToPastTheRightOne() {
        RateHistory rate = new RateHistory();
        rate.reset(10, DT);
        rate.setBinSeconds(0.002); // 20 steps a bin, centres at 1, 3, 5, ... ms
        int steps = 1000;
        int[] pairs = new int[2 * steps];
        for (int step = 0; step < steps; step++) {
            pairs[2 * step] = step;
            pairs[2 * step + 1] = step % 10;
        }
        rate.accept(TestBatches.withSpikes(0, steps, DT, 10, pairs));

        // A window from 10.5 ms to 19.5 ms: the bins that overlap it have centres at 11 to 19 ms.
        int from = 105;
        int to = 195;
        rate.update(from, to, (to - from) * DT, 300);
        List<Double> times = new ArrayList<>();
        rate.thinned().forEachPoint((time, hz) -> times.add(time));
        assertTrue(times.get(0) < from * DT, "a point left of the window, so the line starts at its edge: " + times);
        assertTrue(times.get(times.size() - 1) > to * DT, "and one right of it: " + times);
    }
}
