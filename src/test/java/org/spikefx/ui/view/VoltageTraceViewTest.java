package org.spikefx.ui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.scene.Scene;
import javafx.scene.chart.ValueAxis;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.TimeWindow;

@ExtendWith(ApplicationExtension.class)
class VoltageTraceViewTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 200)
            .with(Parameter.T, 0.3);
    private static List<Batch> run;

    private final TimeWindow window = TimeWindow.wholeRun(PARAMS.T());
    private VoltageTraceView view;

    @BeforeAll
    static void simulate() {
        run = TestBatches.simulate(PARAMS, 250);
    }

    @Start
    void start(Stage stage) {
        view = new VoltageTraceView(window);
        view.reset(PARAMS.n(), PARAMS.dt());
        stage.setScene(new Scene(view, 800, 400));
        stage.show();
    }

    private void feed(FxRobot robot, List<Batch> batches) {
        robot.interact(() -> {
            batches.forEach(view::accept);
            view.redraw();
        });
    }

    private List<DrawnLines> series(FxRobot robot) {
        return DrawnLines.of(robot, view, view.layers());
    }

    private static double extreme(DrawnLines line, boolean max) {
        return max ? line.highest() : line.lowest();
    }

    /** Highest or lowest recorded voltage of a neuron over the run. */
    private static double recordedExtreme(int neuron, boolean max) {
        double extreme = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (Batch batch : run) {
            for (int s = 0; s < batch.stepCount(); s++) {
                double v = batch.voltage(s, neuron);
                extreme = max ? Math.max(extreme, v) : Math.min(extreme, v);
            }
        }
        return extreme;
    }

    @Test
    void threeOffsetTracesKeepEveryPeakWithAtMostFourPointsPerPixelColumn(FxRobot robot) {
        feed(robot, run);

        List<DrawnLines> series = series(robot);
        assertEquals(3, series.size());
        int columns = (int) Math.ceil(view.chart().getXAxis().getWidth());
        for (int neuron = 0; neuron < 3; neuron++) {
            DrawnLines trace = series.get(neuron);
            double offset = neuron * VoltageTraceView.TRACE_OFFSET_MV;
            assertTrue(trace.size() <= 4 * (columns + 1), trace.size() + " points");
            assertEquals(recordedExtreme(neuron, true) + offset, extreme(trace, true), "peak of neuron " + neuron);
            assertEquals(recordedExtreme(neuron, false) + offset, extreme(trace, false), "trough of neuron " + neuron);
        }
        assertEquals(30 + 2 * VoltageTraceView.TRACE_OFFSET_MV, extreme(series.get(2), true),
                "neuron 2 spikes: a 30 mV peak, two offsets up");
        assertEquals("2 (+200 mV)", series.get(2).name());
    }

    /**
     * The image draws the model's points at the plot's pixels: each drawn point is one of the model's,
     * and in every pixel column the drawn line reaches the model's lowest and highest value there.
     */
    @Test
    void redrawnAfterEveryBatchAScrollingPlotDrawsTheModelsExtremesInEveryPixelColumn(FxRobot robot) {
        robot.interact(() -> {
            window.follow(0.1);
            view.reset(PARAMS.n(), PARAMS.dt());
        });
        for (Batch batch : run) {
            robot.interact(() -> {
                view.accept(batch);
                view.redraw();
            });
        }
        assertTrue(window.start() > 0.15, "the window has scrolled");
        List<DrawnLines> series = series(robot);
        ValueAxis<Number> time = (ValueAxis<Number>) view.chart().getXAxis();
        for (int neuron = 0; neuron < 3; neuron++) {
            List<List<Double>> model = new ArrayList<>();
            double offset = neuron * VoltageTraceView.TRACE_OFFSET_MV;
            view.traces().trace(neuron).forEachPoint((t, value) -> model.add(List.of(t, value + offset)));
            List<List<Double>> drawn = series.get(neuron).asLists();
            assertTrue(model.containsAll(drawn), "every point drawn is the model's, neuron " + neuron);
            assertEquals(columnExtremes(model, time), columnExtremes(drawn, time), "extremes of neuron " + neuron);
        }
    }

    /** For each pixel column, the lowest and highest value of the points in it. */
    private static Map<Long, List<Double>> columnExtremes(List<List<Double>> points, ValueAxis<Number> time) {
        Map<Long, List<Double>> columns = new TreeMap<>();
        for (List<Double> point : points) {
            long column = (long) Math.floor(time.getDisplayPosition(point.get(0)));
            columns.merge(column, List.of(point.get(1), point.get(1)), (a, b) -> List.of(Math.min(a.get(0), b.get(0)),
                    Math.max(a.get(1), b.get(1))));
        }
        return columns;
    }

    @Test
    void aLongRunStaysWithinFourPointsPerPixelColumn(FxRobot robot) {
        robot.interact(() -> {
            window.showWholeRun(20);
            view.reset(1, 1e-4);
            for (int first = 0; first < 200_000; first += 10_000) {
                view.accept(TestBatches.withVoltages(first, 10_000, 1e-4, new int[] {0, 1, 2},
                        (step, neuron) -> Math.sin(step * 0.37 + neuron) * 20 - 50));
            }
            view.redraw();
        });
        // Four points (first, min, max, last) per pixel column.
        int pixels = (int) Math.ceil(view.chart().getXAxis().getWidth());
        for (DrawnLines trace : series(robot)) {
            assertTrue(trace.size() <= 4 * (pixels + 1), trace.size() + " points for " + pixels + " pixels");
            assertTrue(trace.size() >= 2 * pixels, "the trace fills the plot");
        }
    }

    @Test
    void aChosenNeuronThatIsNotRecordedIsNotDrawn(FxRobot robot) {
        robot.interact(() -> view.showNeurons(new int[] {5, 150}));
        feed(robot, run);

        assertArrayEquals(new int[] {5, 150}, view.shownNeurons());
        List<DrawnLines> series = series(robot);
        assertEquals(List.of("5", "150 (+100 mV)"), series.stream().map(DrawnLines::name).toList());
        assertEquals(recordedExtreme(5, true), extreme(series.get(0), true));
        assertTrue(series.get(1).isEmpty());
    }

    @Test
    void resetClearsEveryTrace(FxRobot robot) {
        feed(robot, run);
        robot.interact(() -> view.reset(PARAMS.n(), PARAMS.dt()));
        List<DrawnLines> series = series(robot);
        assertEquals(3, series.size());
        series.forEach(trace -> assertTrue(trace.isEmpty()));
    }
}
