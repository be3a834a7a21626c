package org.spikefx.ui;

import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.ScrollEvent;
import javafx.scene.chart.ValueAxis;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.model.MinMaxDecimator;
import org.spikefx.ui.model.TimeWindow;

/** Zoom and pan in time, driven as a user does, on a short run that has finished. */
@ExtendWith(ApplicationExtension.class)
class ZoomWindowTest {
    private static final NetworkParameters SHORT = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 0.5);

    private Stage stage;
    private MainWindow main;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        if (main != null) {
            robot.interact(main::close);
        }
    }

    private void openFinished(FxRobot robot) {
        robot.interact(() -> {
            main = new MainWindow(stage);
            main.runSettings().speedProperty().set(Double.POSITIVE_INFINITY);
            main.show(SHORT);
        });
        waitUntil("the run has finished", () -> fx(() -> main.status().getText()).startsWith("Finished"));
    }

    private TimeWindow window() {
        return main.plotArea().window();
    }

    /** Every time plot's axis range, as {lower, upper}. */
    private List<double[]> axisRanges() {
        PlotArea plots = main.plotArea();
        return List.of(range(plots.voltages().chart().getXAxis()), range(plots.raster().getXAxis()),
                range(plots.rate().chart().getXAxis()), range(plots.balance().chart().getXAxis()));
    }

    private static double[] range(javafx.scene.chart.Axis<Number> axis) {
        ValueAxis<Number> values = (ValueAxis<Number>) axis;
        return new double[] {values.getLowerBound(), values.getUpperBound()};
    }

    private void assertEveryPlotShows(double start, double end) {
        for (double[] range : fx(this::axisRanges)) {
            assertEquals(start, range[0], 1e-9);
            assertEquals(end, range[1], 1e-9);
        }
    }

    private Point2D rasterPoint(double fractionAcross) {
        return fx(() -> {
            Bounds image = main.raster().lookup(".raster-image").localToScreen(
                    main.raster().lookup(".raster-image").getBoundsInLocal());
            return new Point2D(image.getMinX() + fractionAcross * image.getWidth(), image.getCenterY());
        });
    }

    /**
     * Turns the wheel by {@code notches} (away from the user: zoom in) over the raster, a fraction of the
     * way across. The event is fired at the node: the headless platform's robot has no wheel.
     */
    private void wheel(FxRobot robot, double fractionAcross, int notches) {
        robot.interact(() -> {
            Node image = main.raster().lookup(".raster-image");
            Bounds bounds = image.localToScene(image.getBoundsInLocal());
            double x = bounds.getMinX() + fractionAcross * bounds.getWidth();
            double y = bounds.getCenterY();
            Point2D screen = image.localToScreen(image.sceneToLocal(x, y));
            Event.fireEvent(image, new ScrollEvent(ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(), false, false,
                    false, false, false, false, 0, 40.0 * notches, 0, 40.0 * notches,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
    }

    @Test
    void theWheelZoomsAboutThePointerAndADragPansEveryTimePlotTogether(FxRobot robot) {
        openFinished(robot);
        assertEveryPlotShows(0, 0.5);

        wheel(robot, 0.25, 5);
        waitUntil("zoomed in", () -> fx(() -> window().span()) < 0.3);
        double start = fx(window()::start);
        double end = fx(window()::end);
        assertTrue(start > 0.05 && start < 0.125 && end > 0.125, start + " to " + end + " holds 0.125 s");
        assertFalse(fx(window()::isFollowing), "a zoom holds the view");
        waitUntil("every plot redrawn", () -> fx(() -> axisRanges().get(3)[0]) == start);
        assertEveryPlotShows(start, end);

        robot.drag(rasterPoint(0.6), MouseButton.PRIMARY).moveTo(rasterPoint(0.4)).drop();
        waitUntil("panned later", () -> fx(window()::start) > start + 0.01);
        double panned = fx(window()::start);
        assertEquals(end - start, fx(window()::span), 1e-9, "a pan keeps the width");
        waitUntil("every plot redrawn", () -> fx(() -> axisRanges().get(0)[0]) == panned);
        assertEveryPlotShows(panned, panned + end - start);

        robot.clickOn(rasterPoint(0.5)).type(KeyCode.HOME);
        waitUntil("the whole run again", () -> fx(window()::span) == 0.5);
        assertEveryPlotShows(0, 0.5);
    }

    @Test
    void aBoxDraggedWithShiftZoomsIntoItsStretchAndShowsEveryStep(FxRobot robot) {
        openFinished(robot);
        robot.press(KeyCode.SHIFT).drag(rasterPoint(0.5), MouseButton.PRIMARY).moveTo(rasterPoint(0.55)).drop()
                .release(KeyCode.SHIFT);
        waitUntil("zoomed into the box", () -> fx(window()::span) < 0.05);
        assertEquals(0.25, fx(window()::start), 0.01);
        // 0.025 s = 500 steps over hundreds of pixels: every step of a trace is a point of its own.
        waitUntil("the traces are thinned for the box", () -> fx(() -> main.voltages().traces().trace(0).size()) > 0);
        int steps = (int) Math.round(fx(window()::span) / SHORT.dt());
        MinMaxDecimator trace = fx(() -> main.voltages().traces().trace(0));
        assertTrue(fx(trace::size) >= steps, fx(trace::size) + " points for " + steps + " steps");
    }

    @Test
    void aNeuronPickedAfterTheRunShowsItsTraceAndBalanceFromTimeZero(FxRobot robot) {
        openFinished(robot);
        int neuron = 123;
        int steps = SHORT.steps();
        robot.interact(() -> main.raster().selectedNeuronProperty().set(neuron));

        waitUntil("the re-run brought neuron " + neuron + "'s whole history", () -> fx(() ->
                main.voltages().traces().history(neuron).covers(0, steps)
                        && main.plotArea().balance().traces().covers(0, steps)));
        waitUntil("drawn", () -> fx(() -> main.voltages().traces().trace(neuron).size()) > 0);
        assertEquals(0.0, fx(() -> main.voltages().traces().trace(neuron).firstTime()), "the trace starts at t = 0");
        assertEquals(neuron, fx(() -> main.plotArea().balance().traces().neuron()));
        assertEquals(0.0, fx(() -> main.plotArea().balance().traces().excitatory().firstTime()));
        assertFalse(fx(main.detail()::busy));
    }

    @Test
    void aNeuronPickedWhileRunningShowsItsPastAndKeepsUp(FxRobot robot) {
        NetworkParameters running = SHORT.with(Parameter.T, 60);
        robot.interact(() -> {
            main = new MainWindow(stage);
            main.show(running);
        });
        waitUntil("the run is under way", () -> fx(() -> main.plotArea().window().newest()) > 0.2);
        int neuron = 77;
        robot.interact(() -> main.raster().selectedNeuronProperty().set(neuron));
        int picked = (int) Math.round(fx(() -> main.plotArea().window().newest()) / running.dt());

        // The live run follows the neuron from the click on; the re-run brings what came before, and the
        // balance (whose live split would start from zero) keeps being simulated again as the run goes on.
        waitUntil("neuron " + neuron + "'s trace and balance reach back to t = 0 and past the click", () -> fx(() ->
                main.voltages().traces().history(neuron).covers(0, picked + 2000)
                        && main.plotArea().balance().traces().covers(0, picked + 2000)));
        assertEquals(0.0, fx(() -> main.plotArea().balance().traces().excitatory().firstTime()));
    }
}
