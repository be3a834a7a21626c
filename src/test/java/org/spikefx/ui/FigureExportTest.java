package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.scene.chart.ValueAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.paint.Color;
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
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.export.Screenshot;

/** The window's figure exports: screenshots of the plots at a scale, the plots as SVG, the plots alone. */
@ExtendWith(ApplicationExtension.class)
class FigureExportTest {
    private static final NetworkParameters SMALL_RUN = NetworkParameters.DEFAULTS.with(Parameter.N, 200)
            .with(Parameter.T, 0.2);

    /** A colour that no plot uses: magenta. */
    private static final String MARKER = "#ff00ff";

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
        robot.interact(() -> image[0] = Screenshot.ofPlots(main.plotArea(), 2));
        assertEquals(2 * plots.getWidth(), image[0].getWidth());
        assertEquals(2 * plots.getHeight(), image[0].getHeight());

        Path png = folder.resolve("plots.png");
        robot.interact(() -> files.savePng(png, true, 2));
        awaitFile(png);
        assertEquals(2 * plots.getWidth(), ImageIO.read(png.toFile()).getWidth());
        assertEquals(2 * plots.getHeight(), ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void thePlotsSavedAsSvgHaveThePlotAreasSizeShownAtTheScale(FxRobot robot) throws Exception {
        Path svg = folder.resolve("plots.svg");
        robot.interact(() -> files.saveSvg(svg, 2));
        awaitFile(svg);

        Bounds plots = main.plotArea().getLayoutBounds();
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement();
        assertEquals("0 0 " + (int) plots.getWidth() + " " + (int) plots.getHeight(), root.getAttribute("viewBox"));
        assertEquals(2 * plots.getWidth(), Double.parseDouble(root.getAttribute("width")), 0.01);
    }

    @Test
    void theExportedPlotsHoldNoControlsAndTheWindowKeepsThem(FxRobot robot) throws Exception {
        TextField field = (TextField) main.root().lookup("#trace-field");
        Label message = (Label) main.root().lookup("#trace-message");
        robot.interact(() -> {
            field.setText("0, x");
            field.fireEvent(new ActionEvent());
        });
        assertFalse(message.getText().isBlank(), "the trace field refuses the list");

        // The PNG: the controls' text and marks painted in a colour no plot uses show on screen, not in the figure.
        robot.interact(() -> {
            for (String control : List.of("#trace-message", "#trace-field", ".rate-bin-choice")) {
                main.root().lookup(control).setStyle("-fx-text-fill: " + MARKER + "; -fx-mark-color: " + MARKER + ";");
            }
        });
        Bounds fieldBounds = field.getLayoutBounds();
        WritableImage[] images = new WritableImage[2];
        robot.interact(() -> {
            images[0] = Screenshot.of(main.plotArea(), 1);
            images[1] = Screenshot.ofPlots(main.plotArea(), 1);
        });
        assertTrue(markerPixels(images[0]) > 100, "the screen shows the controls");
        assertEquals(0, markerPixels(images[1]), "the figure does not");
        assertTrue(field.isVisible() && field.isManaged() && message.isVisible(), "the window keeps its controls");
        assertEquals(fieldBounds, field.getLayoutBounds());

        // The SVG: the plots' words, none of the controls'.
        Path svg = folder.resolve("plots.svg");
        robot.interact(() -> files.saveSvg(svg, 1));
        awaitFile(svg);
        NodeList texts = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        assertTrue(words.containsAll(List.of("neuron", "1 (+100 mV)", "time (s)")), words.toString());
        for (String word : words) {
            assertFalse(word.contains("0, x") || word.contains(message.getText()) || word.contains("ms bins")
                    || word.startsWith("Voltage traces of"), word);
        }
    }

    /** Pixels of about the marker colour: strong red and blue, little green. */
    private static int markerPixels(WritableImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color color = image.getPixelReader().getColor(x, y);
                count += color.getRed() > 0.7 && color.getBlue() > 0.7 && color.getGreen() < 0.4 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void anSvgOfTheZoomedPlotsHasTheWindowsSpikesAndAxis(FxRobot robot) throws Exception {
        double from = 0.05;
        double to = 0.1;
        robot.interact(() -> main.plotArea().window().showSpan(from, to));
        FxWaits.waitUntil("the raster shows the window", () -> FxWaits.fx(() ->
                ((ValueAxis<Number>) main.plotArea().raster().getXAxis()).getLowerBound() == from));
        Path svg = folder.resolve("zoomed.svg");
        robot.interact(() -> files.saveSvg(svg, 1));
        awaitFile(svg);

        int fromStep = (int) Math.rint(from / SMALL_RUN.dt());
        int toStep = (int) Math.rint(to / SMALL_RUN.dt());
        long inWindow = TestBatches.simulate(SMALL_RUN, 500).stream()
                .flatMapToInt(batch -> Arrays.stream(batch.spikeSteps()))
                .filter(step -> step >= fromStep && step < toStep).count();
        NodeList rects = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("rect");
        int spikes = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            spikes += "spike".equals(((Element) rects.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertTrue(inWindow > 0);
        assertEquals(inWindow, spikes);
    }

    @Test
    void theScaleMenuSaysTheScaleInUseAndTheDefault(FxRobot robot) {
        MenuBar bar = (MenuBar) main.root().lookup(".menu-bar");
        Menu scales = (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(item -> item.getText() != null && item.getText().startsWith("Screenshot scale")).findFirst()
                .orElseThrow();
        assertEquals("Screenshot scale: 2x (default)", scales.getText());
        assertEquals(List.of("1x", "2x (default)", "4x"), scales.getItems().stream().map(MenuItem::getText).toList());
        robot.interact(() -> ((RadioMenuItem) scales.getItems().get(2)).setSelected(true));
        assertEquals("Screenshot scale: 4x (default 2x)", scales.getText());
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
