package org.spikefx.ui;

import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.params.ParameterPanel;

/**
 * A launch draws the plots alone first ({@link MainWindow#showPlotsFirst}): blanks hold the places of the
 * top bar, the status bar and the parameter panel, and when those come, once the first spikes are on
 * screen, every plot stays where it was, to the pixel, in normal and in presentation mode.
 */
@ExtendWith(ApplicationExtension.class)
class PlotsFirstTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 60);

    private Stage stage;
    private MainWindow main;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        if (main != null) {
            robot.interact(() -> {
                main.close();
                stage.setFullScreen(false);
            });
        }
    }

    @ParameterizedTest(name = "presentation mode {0}")
    @ValueSource(booleans = {false, true})
    void theBarsAndThePanelComeAfterTheFirstSpikesAndNoPlotMoves(boolean presentation, FxRobot robot) {
        List<Bounds> before = new ArrayList<>();
        robot.interact(() -> {
            main = new MainWindow(stage);
            main.runner().pause(); // the run holds at t = 0 until the blanks have been looked at
            main.showPlotsFirst();
            main.show(SMALL, 1280, 720);
            main.display().presentationModeProperty().set(presentation);
            stage.setFullScreen(false); // presentation mode's full screen would change the scene's size
        });
        for (int pulse = 0; pulse < 5; pulse++) { // the figure puts its dividers in place a pulse after a layout
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> {
            BorderPane root = root();
            // The first frame holds no bar and no panel, only blanks of their classes.
            for (Node place : List.of(root.getTop(), root.getBottom(), root.getLeft())) {
                assertTrue(place.getStyleClass().contains(HeldPlaces.HELD_PLACE), place + " is a blank");
                assertFalse(place instanceof Parent parent && !parent.getChildrenUnmodifiable().isEmpty(),
                        place + " holds nothing");
            }
            assertEquals(0, main.plotArea().statistics().statistics().totalSpikes(), "no batch while the run holds");
            assertFalse(stage.getScene().getFocusOwner() instanceof TextInputControl,
                    "the keys act on the run, not on a field: " + stage.getScene().getFocusOwner());
            before.addAll(plotBounds());
            main.runner().resume();
        });

        waitUntil("the bars and the panel take their places",
                () -> fx(() -> root().getTop() instanceof HBox && root().getLeft() instanceof ParameterPanel));
        robot.interact(() -> {
            BorderPane root = root();
            assertInstanceOf(StatusBar.class, root.getBottom());
            assertTrue(main.plotArea().statistics().statistics().totalSpikes() > 0,
                    "they came after the first spikes");
            assertEquals(before, plotBounds(), "the plots stay where the blanks left them");
            // The bars were made for their contents, not cut to the blanks' size.
            for (Region bar : List.of((Region) root.getTop(), (Region) root.getBottom())) {
                for (Node part : bar.getChildrenUnmodifiable()) {
                    if (part instanceof Control control && control.isVisible()) {
                        assertTrue(control.getHeight() <= bar.getHeight(),
                                control + " (" + control.getHeight() + " px) fits its bar (" + bar.getHeight() + " px)");
                    }
                }
            }
        });
        assertSame(stage.getScene(), main.plotArea().getScene());
    }

    private BorderPane root() {
        return (BorderPane) stage.getScene().getRoot();
    }

    /** Where each plot's panel lies in the scene. */
    private List<Bounds> plotBounds() {
        List<Bounds> bounds = new ArrayList<>();
        for (PlotArea.Plot plot : PlotArea.Plot.values()) {
            Node panel = stage.getScene().lookup("#" + plot.id() + "-panel");
            bounds.add(panel.localToScene(panel.getLayoutBounds()));
        }
        return bounds;
    }
}
