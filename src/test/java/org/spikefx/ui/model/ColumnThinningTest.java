package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Thinning a history for a zoomed-out plot reads only the extremes of whole blocks of steps inside a
 * pixel column: the points drawn must be exactly those of thinning every step.
 */
class ColumnThinningTest {
    private static final double DT = 5e-5;

    private static List<double[]> thinned(StepTrace trace, int from, int to, double span, int columns, boolean blocks) {
        MinMaxDecimator decimator = new MinMaxDecimator(span, columns);
        StepSeries.StepValueConsumer add = (step, value) -> decimator.add(step * DT, value);
        if (blocks) {
            trace.forEachForColumns(from, to, step -> decimator.columnOf(step * DT), add);
        } else {
            trace.forEach(from, to, add);
        }
        List<double[]> points = new ArrayList<>();
        decimator.forEachPoint((time, value) -> points.add(new double[] {time, value}));
        return points;
    }

    private static void assertSamePoints(List<double[]> expected, List<double[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k)[0], actual.get(k)[0], 0, what + ", time of point " + k);
            assertEquals(expected.get(k)[1], actual.get(k)[1], 0, what + ", value of point " + k);
        }
    }

    /** A voltage-like trace: noise, spikes to 30 mV, and plateaus where many steps share a value. */
    private static double value(Random random, int step) {
        if (random.nextDouble() < 0.002) {
            return 30;
        }
        return step % 700 < 100 ? -65 : -60 + 5 * random.nextGaussian();
    }

    @Test
    void blocksInsideAColumnGiveTheSamePointsAsEveryStep() {
        Random random = new Random(7);
        StepTrace trace = new StepTrace();
        int steps = 200_000;
        for (int step = 0; step < steps; step++) {
            trace.append(step, value(random, step));
        }
        for (int columns : new int[] {100, 700, 1283, 4000}) {
            for (int[] range : new int[][] {{0, steps}, {12_345, 150_001}, {199_000, steps}}) {
                double span = (range[1] - range[0]) * DT;
                String what = columns + " columns over steps " + range[0] + " to " + range[1];
                List<double[]> every = thinned(trace, range[0], range[1], span, columns, false);
                List<double[]> fromBlocks = thinned(trace, range[0], range[1], span, columns, true);
                assertTrue(every.size() > 2 * Math.min(columns, range[1] - range[0]) / 3, what);
                assertSamePoints(every, fromBlocks, what);
            }
        }
    }

    @Test
    void valuesFilledInLaterAndGapsAreThinnedAsTheyAre() {
        Random random = new Random(11);
        StepTrace trace = new StepTrace();
        // Live steps from 50,000 on; a re-run fills in 0 to 60,000 later, overwriting some with other values.
        for (int step = 50_000; step < 120_000; step++) {
            trace.append(step, value(random, step));
        }
        double span = 120_000 * DT;
        assertSamePoints(thinned(trace, 0, 120_000, span, 300, false), thinned(trace, 0, 120_000, span, 300, true),
                "with steps missing before 50,000");
        double[] rerun = new double[60_000];
        for (int k = 0; k < rerun.length; k++) {
            rerun[k] = value(random, k) - 1;
        }
        trace.put(0, rerun);
        assertSamePoints(thinned(trace, 0, 120_000, span, 300, false), thinned(trace, 0, 120_000, span, 300, true),
                "after the re-run");
    }

    @Test
    void stepsMissingInsideAColumnLeaveItsFirstLowestHighestAndLastAsEveryStepDoes() {
        Random random = new Random(5);
        StepTrace trace = new StepTrace();
        // Runs of values with holes of odd lengths, some inside a column, some across column edges.
        int step = 0;
        while (step < 150_000) {
            int run = 30 + random.nextInt(3000);
            for (int k = 0; k < run && step < 150_000; k++, step++) {
                trace.append(step, value(random, step));
            }
            step += 1 + random.nextInt(200);
        }
        for (int columns : new int[] {37, 300, 1283}) {
            double span = 150_000 * DT;
            assertSamePoints(thinned(trace, 0, 150_000, span, columns, false),
                    thinned(trace, 0, 150_000, span, columns, true), "holes, " + columns + " columns");
        }
    }
}
