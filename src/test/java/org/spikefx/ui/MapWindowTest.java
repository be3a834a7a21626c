package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.spikefx.analysis.MapStatistic;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.map.MapView;

/** The Map window: a sweep over the live view's settings, cells read by hovering and run by a click. */
@ExtendWith(ApplicationExtension.class)
class MapWindowTest {
    private static final NetworkParameters SMALL_RUN = NetworkParameters.DEFAULTS.with(Parameter.N, 150)
            .with(Parameter.T, 0.3);

    private MainWindow main;

    @Start
    void start(Stage stage) {
        main = new MainWindow(stage);
        main.show(SMALL_RUN);
    }

    @BeforeEach
    void awaitTheEndOfTheRun() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.status().getText().startsWith("Finished"));
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        WindowMenuItems.closeAll(robot);
    }

    @Test
    void clickingACellOfTheMapRunsItsParametersInTheLiveView(FxRobot robot) {
        WindowMenuItems.choose(robot, main, "Map of regimes");
        Stage map = WindowMenuItems.stageTitled("Map of regimes");
        // The default grid: g from 0 to 0.2 and offset from -50 to -30 mV, 11 values each, on the live settings.
        robot.clickOn(robot.from(map.getScene().getRoot()).lookup("#map-run").queryButton());
        Label status = robot.from(map.getScene().getRoot()).lookup("#map-status").queryAs(Label.class);
        waitUntil("the sweep has finished", () -> fx(status::getText).startsWith("121 runs in"));

        MapView view = robot.from(map.getScene().getRoot()).lookup(".map-view").queryAs(MapView.class);
        // One map alone, for a projector: the same cells, about twice as far apart.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> shown = robot.from(map.getScene().getRoot()).lookup("#map-shown")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> shown.setValue("all four maps"));
        double among4 = fx(() -> view.centreOf(MapStatistic.MEAN_RATE, 3, 6).getX()
                - view.centreOf(MapStatistic.MEAN_RATE, 2, 6).getX());
        robot.interact(() -> shown.setValue(MapStatistic.MEAN_RATE.title()));
        assertEquals(MapStatistic.MEAN_RATE, fx(() -> view.aloneProperty().get()));
        double alone = fx(() -> view.centreOf(MapStatistic.MEAN_RATE, 3, 6).getX()
                - view.centreOf(MapStatistic.MEAN_RATE, 2, 6).getX());
        assertTrue(alone > 1.5 * among4, "cells " + alone + " px apart alone, " + among4 + " px among four");
        // g = 0.04 (the 3rd value), offset = -38 mV (the 7th): the Regular firing preset.
        Point2D cell = fx(() -> view.localToScreen(view.centreOf(MapStatistic.MEAN_RATE, 2, 6)));
        robot.moveTo(cell);
        Label readout = robot.from(map.getScene().getRoot()).lookup("#map-readout").queryAs(Label.class);
        waitUntil("the hovered cell is read out", () -> fx(readout::getText).startsWith("g = 0.04, offset = -38: rate "));
        assertTrue(fx(readout::getText).contains("(seed 100)"), fx(readout::getText));

        robot.clickOn(cell);
        NetworkParameters expected = SMALL_RUN.with(Parameter.G, 0.04).with(Parameter.OFFSET, -38);
        waitUntil("the live view runs the cell", () -> expected.equals(fx(main::running)));
        assertEquals(expected, fx(() -> main.parameterPanel().getParameters()));
    }

    @Test
    void theMapWindowFollowsTheMainWindowsPresentationModeAndTheme(FxRobot robot) {
        robot.interact(() -> main.display().presentationModeProperty().set(true));
        WindowMenuItems.choose(robot, main, "Map of regimes");
        Stage map = WindowMenuItems.stageTitled("Map of regimes");
        assertTrue(fx(() -> map.getScene().getRoot().getStyleClass().contains("presentation")),
                "opened in presentation mode");
        Label status = robot.from(map.getScene().getRoot()).lookup("#map-status").queryAs(Label.class);
        assertEquals(16.0, fx(() -> status.getFont().getSize()), 0.01, "its text as large as the main window's");

        robot.interact(() -> {
            main.display().presentationModeProperty().set(false);
            main.display().darkThemeProperty().set(true);
        });
        assertFalse(fx(() -> map.getScene().getRoot().getStyleClass().contains("presentation")));
        assertTrue(fx(() -> map.getScene().getRoot().getStyleClass().contains("dark")));
        robot.interact(() -> main.display().darkThemeProperty().set(false));
    }
}
