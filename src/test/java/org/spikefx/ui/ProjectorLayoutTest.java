package org.spikefx.ui;

import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * The window on a 1280 × 720 projector, as a class reads it, in normal and in presentation mode: no
 * word of the plots is cut short with an ellipsis, every axis lies whole inside its plot's panel, and
 * the voltage, raster, rate and balance axes have at least two numbers each to read them by (the short ones show
 * their two ends), and
 * the tool bar shows the Screenshot button rather than hiding it behind its overflow arrow.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
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
                stage.setMaximized(false);
            });
        }
    }

    @Test
    void atProjectorSizeEveryWordOfThePlotsIsWholeAndEveryAxisInsideItsPanel(FxRobot robot) {
        robot.interact(() -> {
            main = new MainWindow(stage);
            main.show(SMALL, WIDTH, HEIGHT);
        });
        waitUntil("the run is drawn", () -> fx(() -> main.plotArea().statistics().statistics().totalSpikes() > 0));

        for (boolean presentation : new boolean[] {false, true}) {
            robot.interact(() -> {
                main.display().presentationModeProperty().set(presentation);
                // Full screen on the projector, or a window filling it: the scene is 1280 x 720 either way.
                stage.setFullScreen(false);
                stage.setMaximized(false);
                stage.setWidth(WIDTH);
                stage.setHeight(HEIGHT);
            });
            settle();
            String mode = presentation ? "presentation mode" : "normal mode";
            assertEquals(HEIGHT, fx(() -> stage.getScene().getHeight()), 0.5);
            List<String> cut = fx(() -> cutLabels(main.plotArea()));
            assertTrue(cut.isEmpty(), "at 1280 x 720 in " + mode + " these are cut short: " + cut + "; panel heights "
                    + fx(() -> Arrays.stream(PlotArea.Plot.values()).map(plot -> plot + " " + Math.round(
                    main.plotArea().panel(plot).getHeight()) + " (at least " + Math.round(main.plotArea().panel(plot)
                    .minHeight(-1)) + ")").toList() + "; numbers in " + main.plotArea().statistics().numbers().getParent()
                    .getStyleClass() + " " + main.plotArea().statistics().numbers().getLayoutBounds()));
            List<String> outside = fx(this::axesOutsideTheirPanels);
            assertTrue(outside.isEmpty(), "at 1280 x 720 in " + mode + " these axes are clipped: " + outside);
            for (Axis<?> values : fx(() -> List.<Axis<?>>of(main.plotArea().voltages().chart().getYAxis(),
                    main.raster().getYAxis(), main.plotArea().rate().chart().getYAxis(),
                    main.plotArea().balance().chart().getYAxis()))) {
                List<String> ticks = fx(() -> shownNumbers(values));
                assertTrue(ticks.size() >= 2, "in " + mode + " the axis of " + fx(() -> values.getParent().getParent().getStyleClass())
                        + " reads with at least two numbers: " + ticks + " on " + fx(values::getHeight) + " px");
            }
            List<String> clipped = fx(this::numbersOutsideTheirHeader);
            assertTrue(clipped.isEmpty(), "at 1280 x 720 in " + mode + " these numbers are cut off: " + clipped);
            Node screenshot = robot.lookup("#screenshot-button").query();
            assertTrue(fx(() -> shownInside(screenshot, main.root())), "the Screenshot button shows in " + mode);
        }
    }

    private static void settle() {
        for (int pulse = 0; pulse < 5; pulse++) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** The visible labels under {@code root} whose text shows shortened, as "shown" instead of "text". */
    /** The numbers an axis shows: its visible tick labels, read from the screen's text nodes. */
    private static List<String> shownNumbers(Axis<?> axis) {
        return axis.getChildrenUnmodifiable().stream().filter(node -> node instanceof Text text && text.isVisible()
                && !text.getText().isBlank() && !text.getText().equals(axis.getLabel()))
                .map(node -> ((Text) node).getText()).toList();
    }

    private static List<String> cutLabels(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node node : descendants(root)) {
            if (node instanceof Labeled label && isShown(label) && label.getText() != null && !label.getText().isEmpty()
                    && label.lookup(".text") instanceof Text shown && !shown.getText().equals(label.getText())) {
                cut.add("'" + shown.getText() + "' instead of '" + label.getText() + "'");
            }
        }
        return cut;
    }

    /** Each shown axis of a plot, with its tick labels and title, lies within its panel. */
    private List<String> axesOutsideTheirPanels() {
        List<String> outside = new ArrayList<>();
        for (PlotArea.Plot plot : PlotArea.Plot.values()) {
            Node panel = main.plotArea().panel(plot);
            Bounds inside = panel.localToScene(panel.getLayoutBounds());
            for (Node node : descendants((Parent) panel)) {
                if (node instanceof Axis<?> axis && isShown(axis)) {
                    Bounds bounds = axis.localToScene(axis.getBoundsInLocal());
                    if (bounds.getMinY() < inside.getMinY() - 1 || bounds.getMaxY() > inside.getMaxY() + 1
                            || bounds.getMaxY() > main.root().getHeight()) {
                        outside.add(plot + " " + axis.getSide() + " axis at y " + Math.round(bounds.getMinY()) + "–"
                                + Math.round(bounds.getMaxY()) + " in a panel at " + Math.round(inside.getMinY())
                                + "–" + Math.round(inside.getMaxY()));
                    }
                }
            }
        }
        return outside;
    }

    /** The statistics' numbers (name and value) that reach past the right or bottom of the header showing them. */
    private List<String> numbersOutsideTheirHeader() {
        Node numbers = main.plotArea().statistics().numbers();
        Node header = numbers.getParent();
        Bounds inside = header.localToScene(header.getLayoutBounds());
        List<String> outside = new ArrayList<>();
        for (Node statistic : ((Parent) numbers).getChildrenUnmodifiable()) {
            Bounds bounds = statistic.localToScene(statistic.getBoundsInLocal());
            if (bounds.getMaxX() > inside.getMaxX() + 0.5 || bounds.getMaxY() > inside.getMaxY() + 0.5) {
                outside.add(descendants((Parent) statistic).stream().filter(Labeled.class::isInstance)
                        .map(label -> ((Labeled) label).getText()).toList().toString());
            }
        }
        return outside;
    }

    private static boolean shownInside(Node node, Parent root) {
        if (node.getScene() == null || !isShown(node)) {
            return false;
        }
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMinX() >= 0 && bounds.getMaxX() <= root.getLayoutBounds().getWidth() + 0.5
                && bounds.getWidth() > 0;
    }

    /** Visible itself and in all its parents. */
    private static boolean isShown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static List<Node> descendants(Parent root) {
        List<Node> all = new ArrayList<>();
        for (Node child : root.getChildrenUnmodifiable()) {
            all.add(child);
            if (child instanceof Parent parent) {
                all.addAll(descendants(parent));
            }
        }
        return all;
    }
}
