package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.geometry.Bounds;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.export.Screenshot;

/** The window's figure exports: screenshots of the plot area at a scale, and the plots as SVG. */
@ExtendWith(ApplicationExtension.class)
class FigureExportTest {
    private static final NetworkParameters SMALL_RUN = NetworkParameters.DEFAULTS.with(Parameter.N, 200)
            .with(Parameter.T, 0.2);

    @TempDir
    Path folder;

    private MainWindow main;
    private FileActions files;

    @Start
    void start(Stage stage) {
        main = new MainWindow(stage);
        files = new FileActions(main);
        main.show(SMALL_RUN);
    }

    @BeforeEach
    void awaitTheEndOfTheRun() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.status().getText().startsWith("Finished"));
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> main.stage().close());
    }

    private static void awaitFile(Path file) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(file));
    }

    @Test
    void aPlotScreenshotAtTwiceTheScaleHasTwiceThePlotAreasSize(FxRobot robot) throws Exception {
        Bounds plots = main.plotArea().getLayoutBounds();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = Screenshot.of(main.plotArea(), 2));
        assertEquals(2 * plots.getWidth(), image[0].getWidth());
        assertEquals(2 * plots.getHeight(), image[0].getHeight());

        Path png = folder.resolve("plots.png");
        robot.interact(() -> files.savePng(png, true, 2));
        awaitFile(png);
        assertEquals(2 * plots.getWidth(), ImageIO.read(png.toFile()).getWidth());
        assertEquals(2 * plots.getHeight(), ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void thePlotsSavedAsSvgHaveThePlotAreasSize(FxRobot robot) throws Exception {
        Path svg = folder.resolve("plots.svg");
        robot.interact(() -> files.saveSvg(svg));
        awaitFile(svg);

        Bounds plots = main.plotArea().getLayoutBounds();
        String viewBox = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement().getAttribute("viewBox");
        assertEquals("0 0 " + (int) plots.getWidth() + " " + (int) plots.getHeight(), viewBox);
    }

    @Test
    void theFileMenuSavesThePlotsAsSvgWithShortcutG() {
        MenuBar bar = (MenuBar) main.root().lookup(".menu-bar");
        List<MenuItem> svgItems = bar.getMenus().get(0).getItems().stream()
                .filter(item -> "Save plots as SVG…".equals(item.getText())).toList();
        assertEquals(1, svgItems.size());
        assertEquals(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN), svgItems.get(0).getAccelerator());
    }
}
