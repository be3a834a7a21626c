package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.spikefx.analysis.WeightFigure;
import org.spikefx.engine.SynapticWeights;
import org.spikefx.export.NpyReader;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.weights.WeightsModel;
import org.spikefx.ui.weights.WeightsView;
import org.spikefx.ui.weights.WeightsWindow;

/** The Weights window: the live view's network, read by hovering, a typed block, and its exports. */
@ExtendWith(ApplicationExtension.class)
class WeightsWindowTest {
    private static final NetworkParameters SMALL_RUN = NetworkParameters.DEFAULTS.with(Parameter.N, 150)
            .with(Parameter.T, 0.3).with(Parameter.SEED, 11);

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

    private WeightsWindow open(FxRobot robot) {
        WindowMenuItems.choose(robot, main, "Weights of the network");
        WeightsWindow window = fx(() -> main.menus().weightsWindow());
        Label status = robot.from(window.stage().getScene().getRoot()).lookup("#weights-status").queryAs(Label.class);
        waitUntil("the network is shown", () -> fx(status::getText).startsWith("n = 150: "));
        return window;
    }

    @Test
    void theWindowShowsTheLiveViewsNetworkAndReadsSingleSynapses(FxRobot robot) {
        WeightsWindow window = open(robot);
        WeightsModel model = window.model();
        SynapticWeights running = fx(() -> main.runner().network()).weights();
        assertTrue(fx(() -> model.parameters().sameNetworkAs(SMALL_RUN)), "the live view's settings");
        assertEquals(running.neuronCount(), fx(() -> model.statistics().neuronCount()));
        assertEquals(running.synapseCount(), fx(() -> model.statistics().synapseCount()),
                "the running network's synapses, not another network's");
        assertTrue(fx(() -> window.stage().getTitle()).contains("Weights"));
        assertTrue(fx(() -> model.block().singleEntries()), "150 neurons: every entry is a cell");

        // Hover over the cell of row 3, column 5: its weight as the engine stores it.
        WeightsView view = window.view();
        Point2D cell = fx(() -> view.localToScreen(view.centreOfCell(3, 5)));
        robot.moveTo(cell);
        Label readout = robot.from(window.stage().getScene().getRoot()).lookup("#weights-readout").queryAs(Label.class);
        waitUntil("the hovered cell is read out", () -> fx(readout::getText).startsWith("i = 3, j = 5: "));
        double w = running.weight(3, 5);
        String expected = w == 0 ? "i = 3, j = 5: no synapse" : String.format(java.util.Locale.ROOT,
                "i = 3, j = 5: w = %.6g", w);
        assertTrue(fx(readout::getText).startsWith(expected), fx(readout::getText));
    }

    @Test
    void aTypedBlockIsShownAndABadOneRefusedWithItsReason(FxRobot robot) {
        WeightsWindow window = open(robot);
        javafx.scene.Parent root = window.stage().getScene().getRoot();
        TextField rowFrom = robot.from(root).lookup("#weights-row-from").queryAs(TextField.class);
        TextField rowTo = robot.from(root).lookup("#weights-row-to").queryAs(TextField.class);
        robot.interact(() -> {
            rowFrom.setText("20");
            rowTo.setText("29");
        });
        robot.clickOn("#weights-show");
        Label status = robot.from(root).lookup("#weights-status").queryAs(Label.class);
        waitUntil("the block is shown", () -> fx(status::getText).startsWith("rows 20 to 29, columns 0 to 149"));
        assertEquals(10, fx(() -> window.model().block().cellRows()));

        robot.interact(() -> rowTo.setText("150"));
        robot.clickOn("#weights-show");
        assertEquals("rows to: '150' is not a neuron number from 0 to 149", fx(status::getText));
        assertEquals(10, fx(() -> window.model().block().cellRows()), "the block shown stays");
    }

    @Test
    void theFigureAndTheBlockAreExported(FxRobot robot, @TempDir Path folder) throws IOException {
        WeightsWindow window = open(robot);
        Label status = robot.from(window.stage().getScene().getRoot()).lookup("#weights-status").queryAs(Label.class);
        Path png = folder.resolve("weights.png");
        robot.interact(() -> window.model().saveFigure(png, false));
        waitUntil("the PNG is saved", () -> fx(status::getText).equals("Saved " + png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WeightFigure.EXPORT_WIDTH, image.getWidth());
        assertEquals(WeightFigure.EXPORT_HEIGHT, image.getHeight());

        Path svg = folder.resolve("weights.svg");
        robot.interact(() -> window.model().saveFigure(svg, true));
        waitUntil("the SVG is saved", () -> fx(status::getText).equals("Saved " + svg));
        String text = Files.readString(svg);
        assertTrue(text.contains("Weights of n = 150, p = 0.1, g = 0.04, seed 11"), "the caption names the network");
        for (WeightFigure.Panel panel : WeightFigure.Panel.values()) {
            assertTrue(text.contains(">" + panel.title()), "the SVG has the panel " + panel.title());
        }

        Path npy = folder.resolve("block.npy");
        robot.interact(() -> window.model().saveBlock(npy));
        waitUntil("the block is saved", () -> fx(status::getText).equals("Saved " + npy));
        NpyReader.Matrix matrix = NpyReader.readMatrix(npy, 150 * 150);
        SynapticWeights running = fx(() -> main.runner().network()).weights();
        assertEquals(150, matrix.rows());
        assertEquals(150, matrix.columns());
        for (int i = 0; i < 150; i++) {
            for (int j = 0; j < 150; j++) {
                assertEquals(running.weight(i, j), matrix.get(i, j));
            }
        }
    }
}
