package org.spikefx.ui.view.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.spikefx.ui.model.MinMaxDecimator;

class PixelPolylineTest {
    private static final double OFFSET = 100;

    /** A thinned noisy trace with spikes, as a voltage trace's model holds it. */
    private static MinMaxDecimator trace(double span, int modelColumns, int samples, long seed) {
        MinMaxDecimator source = new MinMaxDecimator(span, modelColumns);
        Random random = new Random(seed);
        for (int i = 0; i < samples; i++) {
            double value = random.nextDouble() < 0.01 ? 30 : -60 + 10 * random.nextGaussian();
            source.add(i * span / samples, value);
        }
        return source;
    }

    /** first, lowest, highest and last value of the points in each pixel column (time order kept). */
    private static Map<Long, double[]> columns(List<double[]> points, PixelPolyline.Mapping x) {
        Map<Long, double[]> columns = new TreeMap<>();
        for (double[] point : points) {
            long column = (long) Math.floor(x.map(point[0]));
            double[] seen = columns.get(column);
            if (seen == null) {
                columns.put(column, new double[] {point[1], point[1], point[1], point[1]});
            } else {
                seen[1] = Math.min(seen[1], point[1]);
                seen[2] = Math.max(seen[2], point[1]);
                seen[3] = point[1];
            }
        }
        return columns;
    }

    private static List<double[]> modelPoints(MinMaxDecimator source) {
        List<double[]> points = new ArrayList<>();
        source.forEachPoint((time, value) -> points.add(new double[] {time, value + OFFSET}));
        return points;
    }

    @Test
    void zoomedOutEachPixelColumnDrawsTheModelsFirstLowestHighestAndLastValue() {
        // A model on a grid finer than the pixels (an export at 4x, say): several model columns per pixel.
        MinMaxDecimator source = trace(2, 3000, 40_000, 1);
        PixelPolyline.Mapping x = new PixelPolyline.Mapping(0, 700 / 2.0);
        PixelPolyline.Mapping y = new PixelPolyline.Mapping(400, -2);
        PixelPolyline line = new PixelPolyline();
        line.make(source, OFFSET, x, y);

        List<double[]> drawn = List.of(line.dataPoints());
        Map<Long, double[]> expected = columns(modelPoints(source), x);
        Map<Long, double[]> actual = columns(drawn, x);
        assertEquals(expected.keySet(), actual.keySet(), "every pixel column with data is drawn");
        for (Map.Entry<Long, double[]> column : expected.entrySet()) {
            assertArrayEquals(column.getValue(), actual.get(column.getKey()), "pixel column " + column.getKey());
        }
        assertTrue(line.size() <= 4 * expected.size(), line.size() + " points for " + expected.size() + " columns");
        assertTrue(line.size() < source.size() / 3, "thinned: " + line.size() + " of " + source.size());
        for (int k = 0; k < line.size(); k++) {
            assertEquals(x.map(drawn.get(k)[0]), line.xs()[k], 1e-9, "pixel x of point " + k);
            assertEquals(y.map(drawn.get(k)[1]), line.ys()[k], 1e-9, "pixel y of point " + k);
            if (k > 0) {
                assertTrue(drawn.get(k)[0] > drawn.get(k - 1)[0], "in time order");
            }
        }
    }

    @Test
    void zoomedInEveryPointIsDrawn() {
        // 200 samples over 800 pixels: four pixels per sample.
        MinMaxDecimator source = trace(0.01, 800, 200, 2);
        PixelPolyline.Mapping x = new PixelPolyline.Mapping(0, 800 / 0.01);
        PixelPolyline line = new PixelPolyline();
        line.make(source, OFFSET, x, new PixelPolyline.Mapping(0, 1));

        List<double[]> model = modelPoints(source);
        assertEquals(200, model.size());
        double[][] drawn = line.dataPoints();
        assertEquals(model.size(), drawn.length);
        for (int k = 0; k < drawn.length; k++) {
            assertArrayEquals(model.get(k), drawn[k], "point " + k);
        }
    }

    @Test
    void anEmptyModelDrawsNothingAndALineIsMadeAnewEachTime() {
        PixelPolyline line = new PixelPolyline();
        PixelPolyline.Mapping x = new PixelPolyline.Mapping(0, 100);
        line.make(trace(1, 100, 1000, 3), 0, x, x);
        assertTrue(line.size() > 0);
        line.make(new MinMaxDecimator(1, 100), 0, x, x);
        assertEquals(0, line.size());
    }
}
