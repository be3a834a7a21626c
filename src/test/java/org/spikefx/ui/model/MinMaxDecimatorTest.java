package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {
    private static final double SPAN = 1.0;
    private static final int COLUMNS = 200;

    /** A noisy trace with spikes: one sample every 50 microseconds over the span. */
    private static double[][] samples(long seed) {
        Random random = new Random(seed);
        int count = (int) Math.round(SPAN / 5e-5);
        double[][] samples = new double[count][];
        double value = -60;
        for (int i = 0; i < count; i++) {
            value += random.nextGaussian();
            samples[i] = new double[] {i * 5e-5, random.nextInt(500) == 0 ? 30 : value};
        }
        return samples;
    }

    private static List<double[]> points(MinMaxDecimator decimator) {
        List<double[]> points = new ArrayList<>();
        decimator.forEachPoint((time, value) -> points.add(new double[] {time, value}));
        return points;
    }

    /** Samples grouped by pixel column, as floor(time / column width). */
    private static Map<Long, List<double[]>> byColumn(Iterable<double[]> samples, double columnSeconds) {
        Map<Long, List<double[]>> columns = new TreeMap<>();
        for (double[] sample : samples) {
            columns.computeIfAbsent((long) Math.floor(sample[0] / columnSeconds), c -> new ArrayList<>()).add(sample);
        }
        return columns;
    }

    @Test
    void keepsAtMostFourPointsPerColumnWithEachColumnsFirstLastMinAndMax() {
        double[][] samples = samples(1);
        MinMaxDecimator decimator = new MinMaxDecimator(SPAN, COLUMNS);
        for (double[] sample : samples) {
            decimator.add(sample[0], sample[1]);
        }
        Map<Long, List<double[]>> expected = byColumn(List.of(samples), SPAN / COLUMNS);
        Map<Long, List<double[]>> kept = byColumn(points(decimator), SPAN / COLUMNS);

        assertEquals(expected.keySet(), kept.keySet(), "every column with samples keeps points");
        for (Map.Entry<Long, List<double[]>> column : expected.entrySet()) {
            List<double[]> all = column.getValue();
            List<double[]> thinned = kept.get(column.getKey());
            assertTrue(thinned.size() <= 4, "column " + column.getKey() + " keeps " + thinned.size() + " points");
            assertEquals(all.get(0)[0], thinned.get(0)[0], "first sample of column " + column.getKey());
            assertEquals(all.get(all.size() - 1)[0], thinned.get(thinned.size() - 1)[0], "last sample");
            assertEquals(all.stream().mapToDouble(s -> s[1]).min().orElseThrow(),
                    thinned.stream().mapToDouble(s -> s[1]).min().orElseThrow(), "min of column " + column.getKey());
            assertEquals(all.stream().mapToDouble(s -> s[1]).max().orElseThrow(),
                    thinned.stream().mapToDouble(s -> s[1]).max().orElseThrow(), "max of column " + column.getKey());
        }
        assertEquals(points(decimator).size(), decimator.size());
    }

    @Test
    void pointsComeInIncreasingTimeAndAreSamples() {
        double[][] samples = samples(2);
        MinMaxDecimator decimator = new MinMaxDecimator(SPAN, COLUMNS);
        Map<Double, Double> valueAt = new TreeMap<>();
        for (double[] sample : samples) {
            decimator.add(sample[0], sample[1]);
            valueAt.put(sample[0], sample[1]);
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (double[] point : points(decimator)) {
            assertTrue(point[0] > previous, "times increase");
            assertEquals(valueAt.get(point[0]), point[1], "a kept point is a sample");
            previous = point[0];
        }
    }

    @Test
    void aGridOfWholeOldColumnsKeepsEveryNewColumnsMinAndMax() {
        double[][] samples = samples(3);
        MinMaxDecimator decimator = new MinMaxDecimator(SPAN, COLUMNS);
        for (double[] sample : samples) {
            decimator.add(sample[0], sample[1]);
        }
        long revision = decimator.revision();
        decimator.setGrid(SPAN, COLUMNS / 4);

        assertNotEquals(revision, decimator.revision(), "re-thinned points must be copied anew");
        Map<Long, List<double[]>> expected = byColumn(List.of(samples), SPAN / (COLUMNS / 4));
        Map<Long, List<double[]>> kept = byColumn(points(decimator), SPAN / (COLUMNS / 4));
        assertEquals(expected.keySet(), kept.keySet());
        for (Long column : expected.keySet()) {
            assertTrue(kept.get(column).size() <= 4);
            assertEquals(expected.get(column).stream().mapToDouble(s -> s[1]).max().orElseThrow(),
                    kept.get(column).stream().mapToDouble(s -> s[1]).max().orElseThrow());
            assertEquals(expected.get(column).stream().mapToDouble(s -> s[1]).min().orElseThrow(),
                    kept.get(column).stream().mapToDouble(s -> s[1]).min().orElseThrow());
        }
    }

    @Test
    void aFollowingWindowKeepsOnlyTheNewestColumns() {
        MinMaxDecimator decimator = new MinMaxDecimator(SPAN, COLUMNS);
        double dt = 1e-4;
        int steps = 10 * (int) Math.round(SPAN / dt);
        for (int step = 0; step < steps; step++) {
            decimator.add(step * dt, Math.sin(step * 0.01));
        }
        double newest = (steps - 1) * dt;
        assertEquals(COLUMNS + 1, decimator.columnCount());
        assertTrue(decimator.firstTime() >= newest - SPAN - SPAN / COLUMNS, "oldest point lies in the window");
        assertTrue(decimator.size() <= 4 * (COLUMNS + 1));
    }

    @Test
    void addingToTheNewestColumnKeepsTheRevisionAndClearingChangesIt() {
        MinMaxDecimator decimator = new MinMaxDecimator(SPAN, COLUMNS);
        long revision = decimator.revision();
        decimator.add(0.001, 1);
        decimator.add(0.5, 2);
        decimator.setGrid(SPAN, COLUMNS);
        assertEquals(revision, decimator.revision(), "appending and an unchanged grid need no rebuild");
        decimator.clear();
        assertNotEquals(revision, decimator.revision());
        assertTrue(decimator.isEmpty());
    }

    @Test
    void pointsAndMaximumFromATime() {
        MinMaxDecimator decimator = new MinMaxDecimator(SPAN, 10);
        decimator.add(0.01, 400);
        decimator.add(0.25, 20);
        decimator.add(0.26, 25);
        decimator.add(0.55, 18);
        List<Double> times = new ArrayList<>();
        decimator.forEachPointFrom(0.2, (time, value) -> times.add(time));

        assertEquals(List.of(0.25, 0.26, 0.55), times);
        assertEquals(25, decimator.maxValueFrom(0.2));
        assertEquals(400, decimator.maxValueFrom(0));
        assertEquals(0.55, decimator.newestColumnStart());
        assertTrue(Double.isNaN(decimator.maxValueFrom(0.6)));
    }
}
