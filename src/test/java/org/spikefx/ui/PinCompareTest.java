package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikefx.ui.FxWaits.fx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.ui.export.SvgFigure;
import org.spikefx.ui.model.Histogram;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.pin.PinBoard;
import org.spikefx.ui.pin.Pins;
import org.spikefx.ui.pin.RateCurve;
import org.spikefx.ui.view.RunView;
import org.spikefx.ui.view.StatisticsView;

/**
 * Pin and compare: a run pinned at g = 0.04 stays over the histograms and in the table while a run at
 * g = 0.15 goes on, and an exported figure keeps the pinned outlines but not the controls.
 */
@ExtendWith(ApplicationExtension.class)
class PinCompareTest {
    private static final NetworkParameters WEAK = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 0.4).with(Parameter.G, 0.04);
    private static final NetworkParameters STRONG = WEAK.with(Parameter.G, 0.15);
    private static List<Batch> weakRun;
    private static List<Batch> strongRun;

    private PlotArea plots;
    @TempDir
    Path folder;

    @BeforeAll
    static void simulate() {
        weakRun = TestBatches.simulate(WEAK, 200, 0);
        strongRun = TestBatches.simulate(STRONG, 200, 0);
    }

    @Start
    void start(Stage stage) {
        plots = new PlotArea(TimeWindow.wholeRun(WEAK.T()), null);
        StackPane root = new StackPane(plots);
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(RunView.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private void show(NetworkParameters params, List<Batch> run) {
        plots.pins().board().currentProperty().set(params);
        plots.views().forEach(view -> view.reset(params.n(), params.dt()));
        run.forEach(batch -> plots.views().forEach(view -> view.accept(batch)));
        plots.views().forEach(RunView::redraw);
        plots.applyCss();
        plots.layout();
    }

    @Test
    void aPinnedRunIsDrawnOverTheNextRunsAndComparedNumberByNumber(FxRobot robot) throws Exception {
        Pins pins = plots.pins();
        robot.interact(() -> show(WEAK, weakRun));
        assertFalse(fx(() -> pins.view().isVisible()), "nothing to compare before a pin");
        Histogram weakCvs = fx(() -> plots.statistics().cvHistogram().shown());
        Histogram weakRates = fx(() -> plots.statistics().rateHistogram().shown());
        double weakRate = fx(() -> plots.statistics().statistics().meanRateHz());
        String weakMeanRate = String.format(java.util.Locale.ROOT, "%.1f", weakRate);

        String said = fx(pins::pinCurrent);
        assertTrue(said.startsWith("Pinned this run (t = 0.400 s) as A"), said);
        robot.interact(() -> show(STRONG, strongRun));

        StatisticsView.StepHistogram cvs = plots.statistics().cvHistogram();
        assertArrayEquals(weakCvs.counts(), fx(() -> cvs.overlay(0).orElseThrow().counts()));
        assertArrayEquals(weakRates.counts(), fx(() -> plots.statistics().rateHistogram().overlay(0)
                .orElseThrow().counts()));
        assertTrue(fx(() -> cvs.overlay(1).isEmpty()));
        // The pinned rate is drawn over the live one, dashed, through the pinned bins.
        double[][] drawn = fx(() -> plots.rate().layers().drawnPoints(1));
        RateCurve pinnedRate = fx(() -> pins.board().pins().get(0).run().rate());
        assertTrue(drawn.length > 10, "the pinned rate is drawn");
        for (double[] point : drawn) {
            int bin = pinnedRate.firstAtOrAfter(point[0]);
            assertEquals(pinnedRate.times()[bin], point[0], 1e-12, "a drawn point is at a pinned bin's time");
            assertEquals(pinnedRate.ratesHz()[bin], point[1], 1e-9, "and has its rate");
        }
        assertTrue(fx(() -> plots.rate().layers().lineStyle(1).getStrokeDashArray().size() > 0), "dashed");
        // The overlay's outline is on screen: its series holds one flat step per bin.
        assertEquals(2 * weakCvs.counts().length, fx(() -> cvs.chart().getData().get(1).getData().size()));
        assertTrue(fx(() -> cvs.chart().getXAxis() instanceof javafx.scene.chart.ValueAxis<?> axis
                && axis.getUpperBound() >= Math.max(weakCvs.upper(), cvs.shown().upper())), "the axis holds both");

        assertTrue(fx(() -> pins.view().isVisible()));
        List<String> texts = fx(() -> pins.view().lookupAll(".label").stream().map(node -> ((Label) node).getText())
                .toList());
        assertTrue(texts.contains("A") && texts.contains("g = 0.04"), texts.toString());
        double strongRate = fx(() -> plots.statistics().statistics().meanRateHz());
        String difference = String.format(java.util.Locale.ROOT, "%.1f", Math.abs(weakRate - strongRate));
        assertTrue(strongRate > weakRate, "strong coupling fires more");
        assertTrue(texts.contains(weakMeanRate + " (\u2212" + difference + ")"),
                "the pin's mean rate and its difference from now: " + texts);

        // A second pin, of the strong run, takes B; both outlines export, the table's controls do not.
        fx(pins::pinCurrent);
        assertEquals(List.of("A", "B"), fx(() -> pins.board().pins().stream().map(PinBoard.Pin::name).toList()));
        String svg = svgOf(robot);
        assertTrue(svg.contains("class=\"overlay overlay-a\""), "pin A's outline in the figure");
        assertTrue(svg.contains("class=\"overlay overlay-b\""), "pin B's outline in the figure");
        assertTrue(svg.contains("class=\"rate overlay-a\""), "pin A's rate in the figure");
        assertFalse(svg.contains(">\u00d7<"), "no unpin button in the figure");

        robot.interact(() -> pins.board().clear());
        assertTrue(fx(() -> cvs.overlay(0).isEmpty() && cvs.chart().getData().get(1).getData().isEmpty()));
        assertEquals(1, fx(() -> plots.rate().layers().layers().size()), "only the live rate left");
        assertFalse(fx(() -> pins.view().isVisible()));
    }

    @Test
    void nothingIsPinnedBeforeTheRunHasAStep() {
        String said = fx(() -> {
            plots.views().forEach(view -> view.reset(WEAK.n(), WEAK.dt()));
            return plots.pins().pinCurrent();
        });
        assertTrue(said.startsWith("Nothing to pin yet"), said);
        assertTrue(fx(() -> plots.pins().board().pins().isEmpty()));
    }

    private String svgOf(FxRobot robot) throws Exception {
        SvgFigure[] figure = new SvgFigure[1];
        robot.interact(() -> figure[0] = new SvgFigure(plots, 1));
        Path file = folder.resolve("plots.svg");
        figure[0].write(file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
