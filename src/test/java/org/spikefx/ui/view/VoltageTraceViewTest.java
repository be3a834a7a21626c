package org.spikefx.ui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
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

    private List<XYChart.Series<Number, Number>> series() {
        return view.chart().getData();
    }

    private static double extreme(XYChart.Series<Number, Number> series, boolean max) {
        return series.getData().stream().mapToDouble(point -> point.getYValue().doubleValue())
                .reduce(max ? Double::max : Double::min).orElseThrow();
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

        assertEquals(3, series().size());
        int columns = (int) Math.ceil(view.chart().getXAxis().getWidth());
        for (int neuron = 0; neuron < 3; neuron++) {
            XYChart.Series<Number, Number> trace = series().get(neuron);
            double offset = neuron * VoltageTraceView.TRACE_OFFSET_MV;
            assertTrue(trace.getData().size() <= 4 * (columns + 1), trace.getData().size() + " points");
            assertEquals(recordedExtreme(neuron, true) + offset, extreme(trace, true), "peak of neuron " + neuron);
            assertEquals(recordedExtreme(neuron, false) + offset, extreme(trace, false), "trough of neuron " + neuron);
        }
        assertEquals(30 + 2 * VoltageTraceView.TRACE_OFFSET_MV, extreme(series().get(2), true),
                "neuron 2 spikes: a 30 mV peak, two offsets up");
        assertEquals("2 (+200 mV)", series().get(2).getName());
    }

    @Test
    void redrawnAfterEveryBatchAScrollingChartShowsExactlyTheModelsPoints(FxRobot robot) {
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
        for (int neuron = 0; neuron < 3; neuron++) {
            List<List<Double>> model = new ArrayList<>();
            double offset = neuron * VoltageTraceView.TRACE_OFFSET_MV;
            view.traces().trace(neuron).forEachPoint((time, value) -> model.add(List.of(time, value + offset)));
            List<List<Double>> drawn = series().get(neuron).getData().stream()
                    .map(point -> List.of(point.getXValue().doubleValue(), point.getYValue().doubleValue())).toList();
            assertEquals(model, drawn, "trace of neuron " + neuron);
        }
    }

    @Test
    void aLongRunStaysWithinTwoPointsPerPixelColumn(FxRobot robot) {
        robot.interact(() -> {
            window.showWholeRun(20);
            view.reset(1, 1e-4);
            for (int first = 0; first < 200_000; first += 10_000) {
                view.accept(TestBatches.withVoltages(first, 10_000, 1e-4, new int[] {0, 1, 2},
                        (step, neuron) -> Math.sin(step * 0.37 + neuron) * 20 - 50));
            }
            view.redraw();
        });
        // Four points (first, min, max, last) per decimation column of two pixels.
        int pixels = (int) Math.ceil(view.chart().getXAxis().getWidth());
        int columns = DecimatedSeries.columnsFor(pixels);
        for (XYChart.Series<Number, Number> trace : series()) {
            assertTrue(trace.getData().size() <= 4 * (columns + 1), trace.getData().size() + " points for "
                    + pixels + " pixels");
            assertTrue(trace.getData().size() >= 2 * columns, "the trace fills the plot");
        }
    }

    @Test
    void aChosenNeuronThatIsNotRecordedIsNotDrawn(FxRobot robot) {
        robot.interact(() -> view.showNeurons(new int[] {5, 150}));
        feed(robot, run);

        assertArrayEquals(new int[] {5, 150}, view.shownNeurons());
        assertEquals(List.of("5", "150 (+100 mV)"), series().stream().map(XYChart.Series::getName).toList());
        assertEquals(recordedExtreme(5, true), extreme(series().get(0), true));
        assertTrue(series().get(1).getData().isEmpty());
    }

    @Test
    void resetClearsEveryTrace(FxRobot robot) {
        feed(robot, run);
        robot.interact(() -> view.reset(PARAMS.n(), PARAMS.dt()));
        assertEquals(3, series().size());
        series().forEach(trace -> assertTrue(trace.getData().isEmpty()));
    }
}
