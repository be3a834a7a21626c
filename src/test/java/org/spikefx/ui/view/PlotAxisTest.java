package org.spikefx.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The time plots' axis: a zoom changes the numbers and places of its labels, not the nodes; the labels
 * are the ticks' values at the ticks' places, and the plot's grid lines stand at the same places.
 */
@ExtendWith(ApplicationExtension.class)
class PlotAxisTest {
    private PlotAxis time;
    private PlotAxis values;
    private TimeLineChart chart;

    @Start
    void start(Stage stage) {
        time = new PlotAxis("time (s)");
        values = new PlotAxis("V (mV)");
        chart = new TimeLineChart(time, values);
        time.setRange(0, 2);
        values.setRange(-70, -40);
        stage.setScene(new Scene(chart, 900, 400));
        stage.show();
    }

    private static <T> T fx(Callable<T> query) {
        return WaitForAsyncUtils.waitForAsyncFx(20_000, query);
    }

    private static List<Text> shownLabels(Axis<?> axis) {
        List<Text> shown = new ArrayList<>();
        for (Node node : axis.getChildrenUnmodifiable()) {
            if (node instanceof Text text && text.getStyleClass().contains(PlotAxis.TICK_LABEL) && text.isVisible()) {
                shown.add(text);
            }
        }
        return shown;
    }

    private void layout() {
        fx(() -> {
            chart.applyCss();
            chart.layout();
            return null;
        });
    }

    @Test
    void aZoomKeepsTheLabelNodesAndShowsTheNewTicksAtTheirPlaces() {
        layout();
        List<Text> before = fx(() -> shownLabels(time));
        List<Double> beforeValues = fx(() -> before.stream().map(text -> Double.parseDouble(text.getText())).toList());
        assertTrue(beforeValues.contains(0.0) && beforeValues.contains(1.0) && beforeValues.contains(2.0),
                "0 to 2 s labels its whole seconds: " + beforeValues);
        int nodesBefore = fx(() -> time.getChildrenUnmodifiable().size());

        fx(() -> {
            time.setRange(0.5, 0.7);
            return null;
        });
        layout();
        List<Text> after = fx(() -> shownLabels(time));
        List<Double> afterValues = fx(() -> after.stream().map(text -> Double.parseDouble(text.getText())).toList());
        assertTrue(afterValues.contains(0.6) && afterValues.stream().allMatch(value -> value >= 0.5 && value <= 0.7),
                "0.5 to 0.7 s labels the numbers between: " + afterValues);
        assertTrue(fx(() -> time.getChildrenUnmodifiable().size()) <= Math.max(nodesBefore, 2 + 2 * after.size()),
                "the axis does not pile up nodes");
        assertSame(before.get(0), after.get(0), "the first label node is the same node, with a new number");

        double[] ticks = fx(time::tickPositions);
        for (Text label : after) {
            double value = Double.parseDouble(fx(label::getText));
            double at = fx(() -> time.getDisplayPosition(value));
            Bounds box = fx(() -> label.getBoundsInParent());
            assertEquals(at, box.getCenterX(), 1.0, "the label " + value + " is centred on its tick");
            assertTrue(contains(ticks, at), "a tick at the label " + value);
        }
    }

    @Test
    void gridLinesStandAtTheTicksInsideThePlot() {
        layout();
        double[] ticks = fx(time::tickPositions);
        double width = fx(time::getWidth);
        List<Double> lines = fx(() -> chart.overlay().stream()
                .filter(node -> node instanceof Line line && line.isVisible()
                        && line.getStyleClass().contains("chart-vertical-grid-lines"))
                .map(node -> ((Line) node).getStartX()).toList());
        int inside = 0;
        for (double tick : ticks) {
            if (tick > 0 && tick <= width) {
                inside++;
                assertTrue(lines.contains(Math.floor(tick) + 0.5), "a grid line at the tick at " + tick + ": " + lines);
            }
        }
        assertEquals(inside, lines.size(), "one grid line per tick inside the plot");
        assertTrue(inside >= 3, "a 900-px plot of 2 s has several ticks: " + inside);
    }

    @Test
    void aVerticalAxisRightAlignsItsNumbersAtItsTicks() {
        layout();
        List<Text> labels = fx(() -> shownLabels(values));
        assertTrue(labels.size() >= 2, "the voltage axis reads with several numbers");
        double width = fx(values::getWidth);
        double tickLength = fx(values::getTickLength);
        double gap = fx(values::getTickLabelGap);
        for (Text label : labels) {
            Bounds box = fx(() -> label.getBoundsInParent());
            assertEquals(width - tickLength - gap, box.getMaxX(), 1.0, "the label " + fx(label::getText) + " ends at its tick");
            double value = Double.parseDouble(fx(label::getText));
            assertEquals(fx(() -> values.getDisplayPosition(value)), box.getCenterY(), 1.0);
        }
    }

    private static boolean contains(double[] array, double value) {
        for (double x : array) {
            if (Math.abs(x - value) < 1e-9) {
                return true;
            }
        }
        return false;
    }
}
