package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import org.spikefx.ui.model.MinMaxDecimator;

/**
 * A chart series that mirrors a {@link MinMaxDecimator}. Each sync touches only what changed: the
 * columns that scrolled out on the left, the newest column, and the columns added after it.
 */
final class DecimatedSeries {
    /**
     * Screen pixels per decimation column. At two, the min/max envelope still shows every spike
     * peak, while the charts lay out half the points each frame: it is their layout, not the
     * simulation, that dominates the FX thread's frame time.
     */
    private static final int PIXELS_PER_COLUMN = 2;

    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final MinMaxDecimator source;
    private final double yOffset;
    private long syncedRevision = -1;
    /** Where the newest column began at the last sync: points from here on may have changed since. */
    private double unsettledFrom = Double.NEGATIVE_INFINITY;

    /** @param yOffset added to every value, to draw several series apart from each other */
    DecimatedSeries(String name, MinMaxDecimator source, double yOffset) {
        series.setName(name);
        this.source = source;
        this.yOffset = yOffset;
    }

    /** Decimation columns for a plot of this many pixel columns. */
    static int columnsFor(int pixelColumns) {
        return Math.max(1, pixelColumns / PIXELS_PER_COLUMN);
    }

    XYChart.Series<Number, Number> series() {
        return series;
    }

    void sync() {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (source.isEmpty()) {
            if (!data.isEmpty()) {
                data.clear();
            }
        } else if (source.revision() != syncedRevision) {
            replaceAll(data);
        } else {
            double first = source.firstTime();
            int scrolledOut = 0;
            while (scrolledOut < data.size() && time(data.get(scrolledOut)) < first) {
                scrolledOut++;
            }
            data.remove(0, scrolledOut);
            int settled = data.size();
            while (settled > 0 && time(data.get(settled - 1)) >= unsettledFrom) {
                settled--;
            }
            data.remove(settled, data.size());
            data.addAll(pointsFrom(unsettledFrom));
        }
        syncedRevision = source.revision();
        unsettledFrom = source.isEmpty() ? Double.NEGATIVE_INFINITY : source.newestColumnStart();
    }

    /**
     * Puts the source's points in place of the series' own, reusing its data items: a zoom or pan
     * gesture moves every point each frame, and changing values costs the chart less than new items.
     */
    private void replaceAll(ObservableList<XYChart.Data<Number, Number>> data) {
        int[] index = {0};
        List<XYChart.Data<Number, Number>> added = new ArrayList<>();
        int existing = data.size();
        source.forEachPoint((t, value) -> {
            double y = value + yOffset;
            if (index[0] < existing) {
                XYChart.Data<Number, Number> point = data.get(index[0]);
                if (point.getXValue().doubleValue() != t) {
                    point.setXValue(t);
                }
                if (point.getYValue().doubleValue() != y) {
                    point.setYValue(y);
                }
            } else {
                added.add(new XYChart.Data<>(t, y));
            }
            index[0]++;
        });
        if (index[0] < existing) {
            data.remove(index[0], existing);
        } else if (!added.isEmpty()) {
            data.addAll(added);
        }
    }

    private List<XYChart.Data<Number, Number>> pointsFrom(double time) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        source.forEachPointFrom(time, (t, value) -> points.add(new XYChart.Data<>(t, value + yOffset)));
        return points;
    }

    private static double time(XYChart.Data<Number, Number> point) {
        return point.getXValue().doubleValue();
    }
}
