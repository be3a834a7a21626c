package org.spikefx.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.PlotArea;
import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.RunView;
import org.spikefx.ui.view.plot.LayerCanvas;

/** A figure at 2x draws the time plots' lines at twice the resolution, then gives the screen its own back. */
@ExtendWith(ApplicationExtension.class)
class LayersAtScaleTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 200)
            .with(Parameter.T, 0.2);
    private PlotArea plots;

    @Start
    void start(Stage stage) {
        plots = new PlotArea(TimeWindow.wholeRun(PARAMS.T()), null);
        StackPane root = new StackPane(plots);
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(RunView.stylesheet());
        stage.setScene(scene);
        stage.show();
        plots.views().forEach(view -> view.reset(PARAMS.n(), PARAMS.dt()));
        TestBatches.simulate(PARAMS, 250).forEach(batch -> plots.views().forEach(view -> view.accept(batch)));
        plots.views().forEach(RunView::redraw);
        root.applyCss();
        root.layout();
    }

    private List<Canvas> images() {
        return plots.lookupAll("." + LayerCanvas.STYLE_CLASS).stream().map(Canvas.class::cast).toList();
    }

    @Test
    void theLinesAreDrawnAtTheFiguresResolutionWhileItIsMade(FxRobot robot) {
        robot.interact(() -> {
            List<Canvas> images = images();
            assertEquals(3, images.size(), "traces, rate and balance");
            double[] widths = images.stream().mapToDouble(Canvas::getWidth).toArray();
            long[] draws = images.stream().mapToLong(image -> ((LayerCanvas) image.getUserData()).draws()).toArray();
            try (LayersAtScale scaled = LayersAtScale.of(plots, 2)) {
                for (int k = 0; k < images.size(); k++) {
                    Canvas image = images.get(k);
                    assertTrue(widths[k] > 100);
                    assertEquals(2 * widths[k], image.getWidth(), "image " + k + " at twice the resolution");
                    assertEquals(draws[k] + 1, ((LayerCanvas) image.getUserData()).draws(), "drawn anew");
                    Node plot = image.getParent();
                    assertEquals(widths[k], plot.sceneToLocal(image.localToScene(image.getLayoutBounds())).getWidth(),
                            1e-9, "as wide on screen as before");
                }
            }
            for (int k = 0; k < images.size(); k++) {
                assertEquals(widths[k], images.get(k).getWidth(), "the screen's resolution again");
            }
        });
    }
}
