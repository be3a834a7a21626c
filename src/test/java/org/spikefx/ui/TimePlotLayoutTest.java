package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.chart.ValueAxis;
import javafx.scene.layout.StackPane;
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
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.RunView;
import org.spikefx.ui.view.plot.LayerCanvas;

/**
 * A zoom or a pan changes the time axes' range every frame: that must lay out the time plots alone
 * (not the window, nor the statistics' histograms) and draw each plot's image once per frame.
 */
@ExtendWith(ApplicationExtension.class)
class TimePlotLayoutTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 200)
            .with(Parameter.T, 0.3);
    private static List<Batch> run;

    private final TimeWindow window = TimeWindow.wholeRun(PARAMS.T());
    private PlotArea plots;
    private StackPane root;

    @BeforeAll
    static void simulate() {
        run = TestBatches.simulate(PARAMS, 250);
    }

    @Start
    void start(Stage stage) {
        plots = new PlotArea(window, null);
        root = new StackPane(plots);
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(RunView.stylesheet());
        stage.setScene(scene);
        stage.show();
        plots.views().forEach(view -> view.reset(PARAMS.n(), PARAMS.dt()));
        run.forEach(batch -> plots.views().forEach(view -> view.accept(batch)));
        plots.views().forEach(RunView::redraw);
        root.applyCss();
        root.layout();
    }

    private List<LayerCanvas> layers() {
        return List.of(plots.voltages().layers(), plots.rate().layers(), plots.balance().layers());
    }

    @Test
    void aZoomFrameLaysOutTheTimePlotsAloneAndDrawsEachImageOnce(FxRobot robot) {
        robot.interact(() -> {
            long[] before = layers().stream().mapToLong(LayerCanvas::draws).toArray();
            window.zoom(0.5, 0.1);
            // Several redraws in one frame, as a wheel turned fast and new data give.
            for (int k = 0; k < 5; k++) {
                plots.views().forEach(RunView::redraw);
            }
            assertTrue(plots.voltages().chart().getXAxis().isNeedsLayout(), "the traces' time axis lays out its new range");
            assertFalse(plots.isNeedsLayout(), "the figure itself is not laid out again");
            assertFalse(root.isNeedsLayout(), "nor the window");
            assertFalse(plots.statistics().cvHistogram().chart().isNeedsLayout(), "nor the histograms");
            assertFalse(plots.statistics().rateHistogram().chart().isNeedsLayout());

            root.layout();
            long[] after = layers().stream().mapToLong(LayerCanvas::draws).toArray();
            for (int k = 0; k < after.length; k++) {
                assertEquals(before[k] + 1, after[k], "one draw of plot " + k + " for the frame");
            }
            ValueAxis<Number> time = (ValueAxis<Number>) plots.voltages().chart().getXAxis();
            assertEquals(window.start(), time.getLowerBound(), 1e-12);
            assertEquals(window.end(), time.getUpperBound(), 1e-12);

            // A frame in which nothing changed draws nothing.
            plots.views().forEach(RunView::redraw);
            root.layout();
            assertEquals(after[0], plots.voltages().layers().draws());
        });
    }
}
