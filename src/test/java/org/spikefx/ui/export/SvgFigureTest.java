package org.spikefx.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.ui.PlotArea;
import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.Histogram;
import org.spikefx.ui.model.SpikeRaster;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.RunView;

@ExtendWith(ApplicationExtension.class)
class SvgFigureTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 0.3);
    private static List<Batch> run;
    private static int spikes;

    private PlotArea plots;
    private Stage stage;

    @BeforeAll
    static void simulate() {
        run = TestBatches.simulate(PARAMS, 200, 0);
        spikes = run.stream().mapToInt(Batch::spikeCount).sum();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        plots = new PlotArea(TimeWindow.wholeRun(PARAMS.T()), null);
        StackPane root = new StackPane(plots);
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(RunView.stylesheet());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        plots.views().forEach(view -> view.reset(PARAMS.n(), PARAMS.dt()));
        root.applyCss();
        root.layout();
        run.forEach(batch -> plots.views().forEach(view -> view.accept(batch)));
        plots.views().forEach(RunView::redraw);
    }

    private Document svg(FxRobot robot, int maxVectorSpikes, int scale) throws Exception {
        SvgFigure[] figure = new SvgFigure[1];
        robot.interact(() -> figure[0] = new SvgFigure(plots, plots, scale, maxVectorSpikes));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        figure[0].write(out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    private Document svg(FxRobot robot) throws Exception {
        return svg(robot, SvgFigure.MAX_VECTOR_SPIKES, 1);
    }

    /** The elements of a name whose class attribute has every one of the given classes. */
    static List<Element> elements(Document svg, String name, String... classes) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS(SvgOut.NAMESPACE, name);
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            List<String> has = List.of(element.getAttribute("class").split(" "));
            if (has.containsAll(List.of(classes))) {
                found.add(element);
            }
        }
        return found;
    }

    /** The only path of the given classes inside the group of a plot. */
    private static Element path(Document svg, String plot, String... classes) {
        Element group = elements(svg, "g", plot).get(0);
        List<Element> paths = new ArrayList<>();
        NodeList all = group.getElementsByTagNameNS(SvgOut.NAMESPACE, "path");
        for (int i = 0; i < all.getLength(); i++) {
            Element path = (Element) all.item(i);
            if (List.of(path.getAttribute("class").split(" ")).containsAll(List.of(classes))) {
                paths.add(path);
            }
        }
        assertEquals(1, paths.size(), plot + " " + String.join(" ", classes));
        return paths.get(0);
    }

    /** The points (x, y) of a path made of M and L commands. */
    private static List<double[]> points(Element path) {
        List<double[]> points = new ArrayList<>();
        Matcher number = Pattern.compile("-?[0-9.]+ -?[0-9.]+").matcher(path.getAttribute("d"));
        while (number.find()) {
            String[] xy = number.group().split(" ");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    @Test
    void theFigureIsAnSvgDocumentOfThePlotAreasSize(FxRobot robot) throws Exception {
        Element root = svg(robot, SvgFigure.MAX_VECTOR_SPIKES, 2).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SvgOut.NAMESPACE, root.getNamespaceURI());
        // The plot area's own size: the stage a test gets may not be the scene's 1280 x 720.
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        assertEquals(List.of("0", "0"), List.of(viewBox[0], viewBox[1]));
        double width = plots.getWidth();
        double height = plots.getHeight();
        assertEquals(width, Double.parseDouble(viewBox[2]), 0.5);
        assertEquals(height, Double.parseDouble(viewBox[3]), 0.5);
        assertEquals(2 * width, Double.parseDouble(root.getAttribute("width")), 1, "shown at twice its size");
        assertEquals(2 * height, Double.parseDouble(root.getAttribute("height")), 1);
    }

    @Test
    void eachShownNeuronHasAVoltageLineThroughEveryPointOfItsTrace(FxRobot robot) throws Exception {
        Document svg = svg(robot);
        List<Element> traces = elements(svg, "path", "trace");
        assertEquals(6, traces.size(), "three voltage traces and three balance lines");
        for (int neuron : plots.voltages().shownNeurons()) {
            Element line = path(svg, "voltage-traces", "neuron-" + neuron);
            assertEquals(plots.voltages().traces().trace(neuron).size(), points(line).size(), "neuron " + neuron);
            assertEquals("none", line.getAttribute("fill"));
        }
        // The light theme's first trace colour.
        assertEquals("#0072b2", path(svg, "voltage-traces", "neuron-0").getAttribute("stroke"));
    }

    @Test
    void balanceHasItsThreeLinesAndTheRateItsAreaAndLine(FxRobot robot) throws Exception {
        Document svg = svg(robot);
        assertEquals(plots.balance().traces().excitatory().size(), points(path(svg, "balance", "excitatory")).size());
        assertEquals(plots.balance().traces().inhibitory().size(), points(path(svg, "balance", "inhibitory")).size());
        assertEquals(plots.balance().traces().net().size(), points(path(svg, "balance", "net")).size());
        assertEquals(plots.rate().bins().size(), points(path(svg, "population-rate", "line")).size());
        Element area = path(svg, "population-rate", "area");
        assertEquals("none", area.getAttribute("stroke"));
        assertTrue(area.getAttribute("d").endsWith("Z"), "a closed area");
    }

    @Test
    void histogramsAreStaircasesOfTheShownCounts(FxRobot robot) throws Exception {
        Document svg = svg(robot);
        for (String name : List.of("cv-histogram", "rate-histogram")) {
            Histogram shown = name.equals("cv-histogram") ? plots.statistics().cvHistogram().shown()
                    : plots.statistics().rateHistogram().shown();
            List<double[]> corners = points(path(svg, name, "line"));
            int[] counts = shown.counts();
            assertEquals(2 * counts.length, corners.size(), name);
            for (int bin = 0; bin < counts.length; bin++) {
                double[] left = corners.get(2 * bin);
                double[] right = corners.get(2 * bin + 1);
                assertEquals(left[1], right[1], name + ": bin " + bin + " is flat");
                for (int other = 0; other < counts.length; other++) {
                    double otherY = corners.get(2 * other)[1];
                    // Higher counts are drawn higher up, that is at a smaller y.
                    assertEquals(Integer.signum(Integer.compare(counts[bin], counts[other])),
                            Integer.signum(Double.compare(otherY, left[1])), name + ": bins " + bin + ", " + other);
                }
            }
        }
    }

    @Test
    void axisLabelsTickLabelsAndNumbersAreText(FxRobot robot) throws Exception {
        Document svg = svg(robot);
        List<String> texts = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS(SvgOut.NAMESPACE, "text");
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        assertTrue(texts.containsAll(List.of("time (s)", "neuron", "mV", "Hz",
                "CV of inter-spike intervals", "firing rate (Hz)", "neurons", "0.10", "0.20", "1 (+100 mV)", "excitatory",
                "spikes", String.format(Locale.ROOT, "%,d", spikes), "0.300 s")), texts.toString());
    }

    @Test
    void theRasterHasOneElementPerSpikeInTheWindow(FxRobot robot) throws Exception {
        Document svg = svg(robot, spikes, 1);
        List<Element> marks = elements(svg, "rect", "spike");
        assertEquals(spikes, marks.size());
        assertEquals(0, elements(svg, "image", "spike-image").size());
        // Each mark is as wide as the screen's dot, centred on its spike's time.
        int dot = plots.raster().raster().dotPixels();
        Batch first = run.stream().filter(batch -> batch.spikeCount() > 0).findFirst().orElseThrow();
        double firstTime = first.spikeSteps()[0] * PARAMS.dt();
        double[] clip = clipOf(svg, "spike-raster");
        double firstX = clip[0] + firstTime / PARAMS.T() * clip[1];
        for (Element mark : marks) {
            assertEquals(dot, Double.parseDouble(mark.getAttribute("width")));
            assertTrue(Double.parseDouble(mark.getAttribute("x")) >= firstX - dot / 2.0 - 0.01,
                    "no mark before the first spike");
        }
        assertTrue(marks.stream().anyMatch(mark -> Math.abs(Double.parseDouble(mark.getAttribute("x"))
                - (firstX - dot / 2.0)) < 0.01), "the first spike's mark is centred on its time");
    }

    @Test
    void aboveTheLimitTheRasterIsTheScreensImageAtOneTimesTheSize(FxRobot robot) throws Exception {
        Document svg = svg(robot, spikes - 1, 1);
        assertEquals(0, elements(svg, "rect", "spike").size());
        BufferedImage png = embeddedRaster(svg);
        SpikeRaster raster = plots.raster().raster();
        assertEquals(raster.width(), png.getWidth());
        assertEquals(raster.height(), png.getHeight());
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                int screen = raster.pixels()[y * raster.width() + x];
                int column = x;
                int row = y;
                assertEquals(screen >>> 24, png.getRGB(x, y) >>> 24, () -> "opacity of pixel " + column + ", " + row);
            }
        }
    }

    @Test
    void aboveTheLimitAtFourTimesTheSizeTheRasterIsPaintedAtFourTimesTheResolution(FxRobot robot) throws Exception {
        Document svg = svg(robot, spikes - 1, 4);
        BufferedImage png = embeddedRaster(svg);
        SpikeRaster raster = plots.raster().raster();
        assertEquals(4 * raster.width(), png.getWidth());
        assertEquals(4 * raster.height(), png.getHeight());
        int[] painted = RasterAtScale.paint(raster, plots.raster().spikeColorProperty().get(), 4);
        int differing = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int column = x;
                int row = y;
                assertEquals(painted[y * png.getWidth() + x] >>> 24, png.getRGB(x, y) >>> 24,
                        () -> "pixel " + column + ", " + row);
                // An image made bigger would repeat each screen pixel's opacity over 4 x 4 pixels.
                int screen = raster.pixels()[y / 4 * raster.width() + x / 4];
                differing += (screen >>> 24) != (png.getRGB(x, y) >>> 24) ? 1 : 0;
            }
        }
        assertTrue(differing > 0, "not the screen's pixels made bigger");
        Element image = elements(svg, "image", "spike-image").get(0);
        assertEquals(raster.width(), Double.parseDouble(image.getAttribute("width")), 0.01, "shown at its size on screen");
    }

    @Test
    void aScreenshotAtTwiceTheSizePaintsTheRasterFromItsSpikesAndGivesTheScreenBack(FxRobot robot) {
        ImageView view = (ImageView) plots.raster().lookup(".raster-image");
        // The image the screen shows once the pending layout has put the last spikes on it.
        robot.interact(() -> plots.layout());
        Image screenImage = view.getImage();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = Screenshot.ofPlots(plots, 2));

        SpikeRaster raster = plots.raster().raster();
        int width = 2 * raster.width();
        int height = 2 * raster.height();
        int[] painted = RasterAtScale.paint(raster, plots.raster().spikeColorProperty().get(), 2);
        Point2D origin = plots.sceneToLocal(view.localToScene(0, 0));
        int[] shown = new int[width * height];
        shot[0].getPixelReader().getPixels((int) Math.round(2 * origin.getX()), (int) Math.round(2 * origin.getY()),
                width, height, PixelFormat.getIntArgbInstance(), shown, 0, width);
        int marked = 0;
        // Inside the plot's frame, which the axes draw over the outermost pixels. The spikes' colour is
        // a blue; where the picture has none, the plot shows white or grey, where it has some, a blue.
        for (int y = 2; y < height - 2; y++) {
            for (int x = 2; x < width - 2; x++) {
                boolean spike = painted[y * width + x] >>> 24 > 0;
                int pixel = shown[y * width + x];
                int column = x;
                int row = y;
                assertEquals(spike, (pixel & 0xFF) - (pixel >> 16 & 0xFF) > 5, () -> "pixel " + column + ", " + row);
                marked += spike ? 1 : 0;
            }
        }
        assertTrue(marked >= 4 * spikes / 2, "a spike is a screen pixel, 2 x 2 pixels, where marks do not overlap");
        assertSame(screenImage, view.getImage(), "the screen shows its own image again");
        assertEquals(0, view.getFitWidth());
    }

    private static BufferedImage embeddedRaster(Document svg) throws IOException {
        List<Element> images = elements(svg, "image", "spike-image");
        assertEquals(1, images.size());
        String href = images.get(0).getAttribute("href");
        assertTrue(href.startsWith("data:image/png;base64,"), href.substring(0, 40));
        return ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(href.substring("data:image/png;base64,".length()))));
    }

    @Test
    void aWindowOfTheRunHasEveryStepOfTheTracesAndTheSpikesOfItsStepsOnly(FxRobot robot) throws Exception {
        double from = 0.1;
        double to = 0.15;
        robot.interact(() -> showRun(TimeWindow.wholeRun(PARAMS.T()), from, to));
        Document svg = svg(robot);

        int fromStep = (int) Math.rint(from / PARAMS.dt());
        int toStep = (int) Math.rint(to / PARAMS.dt());
        long inWindow = run.stream().flatMapToInt(batch -> Arrays.stream(batch.spikeSteps()))
                .filter(step -> step >= fromStep && step < toStep).count();
        assertTrue(inWindow > 0 && inWindow < spikes);
        assertEquals(inWindow, elements(svg, "rect", "spike").size());

        // The plot's clip rectangle is the window: every step in it is a point of the trace.
        double[] clip = clipOf(svg, "voltage-traces");
        double left = clip[0];
        double right = clip[0] + clip[1];
        long drawn = points(path(svg, "voltage-traces", "neuron-0")).stream()
                .filter(point -> point[0] >= left - 0.01 && point[0] < right - 0.01).count();
        assertEquals(toStep - fromStep, drawn);

        // A close look: each trace's threshold and reset lines, and the refractory shading under the traces.
        assertEquals(3, elements(svg, "path", "threshold-line").size());
        assertEquals(3, elements(svg, "path", "reset-line").size());
        long shaded = plots.voltages().lookupAll(".refractory").stream().filter(javafx.scene.Node::isVisible).count();
        assertTrue(shaded > 0);
        List<Element> refractory = elements(svg, "path", "refractory");
        assertEquals(shaded, refractory.size());
        assertEquals(elements(svg, "g", "voltage-traces").get(0), refractory.get(0).getParentNode(), "clipped to the plot");
        Element firstTrace = path(svg, "voltage-traces", "neuron-0");
        assertTrue((refractory.get(0).compareDocumentPosition(firstTrace) & Node.DOCUMENT_POSITION_FOLLOWING) != 0,
                "the shading is under the traces");

        List<String> texts = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS(SvgOut.NAMESPACE, "text");
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        assertTrue(texts.containsAll(List.of("0.100", "0.150")), "the window's time axis: " + texts);
        assertFalse(texts.contains("0.050") || texts.contains("0.200"), texts.toString());
    }

    /** Left edge and width of the rectangle a plot's layer is clipped to: its plot area. */
    static double[] clipOf(Document svg, String plot) {
        String clipId = elements(svg, "g", plot).get(0).getAttribute("clip-path").replaceAll("url\\(#(.*)\\)", "$1");
        NodeList clips = svg.getElementsByTagNameNS(SvgOut.NAMESPACE, "clipPath");
        for (int i = 0; i < clips.getLength(); i++) {
            Element clipPath = (Element) clips.item(i);
            if (clipPath.getAttribute("id").equals(clipId)) {
                Element rect = (Element) clipPath.getElementsByTagNameNS(SvgOut.NAMESPACE, "rect").item(0);
                return new double[] {Double.parseDouble(rect.getAttribute("x")),
                    Double.parseDouble(rect.getAttribute("width"))};
            }
        }
        throw new AssertionError("no clip path " + clipId);
    }

    /**
     * Shows the test's run up to {@code to} (a batch boundary) in a new plot area whose window is
     * [from, to) from the start, as render does.
     */
    private void showRun(TimeWindow window, double from, double to) {
        window.showSpan(from, to);
        plots = new PlotArea(window, null);
        StackPane root = new StackPane(plots);
        stage.getScene().setRoot(root);
        plots.views().forEach(view -> view.reset(PARAMS.n(), PARAMS.dt()));
        root.applyCss();
        root.layout();
        // As render runs it: only as far as the window reaches.
        int toStep = (int) Math.rint(to / PARAMS.dt());
        run.stream().filter(batch -> batch.firstStep() < toStep)
                .forEach(batch -> plots.views().forEach(view -> view.accept(batch)));
        plots.views().forEach(RunView::redraw);
    }

    @Test
    void theFileHoldsTheWholeDocument(@TempDir Path folder, FxRobot robot) throws IOException {
        SvgFigure[] figure = new SvgFigure[1];
        robot.interact(() -> figure[0] = new SvgFigure(plots, 1));
        Path file = folder.resolve("figure.svg");
        figure[0].write(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        figure[0].write(out);
        assertArrayEquals(out.toByteArray(), Files.readAllBytes(file));
    }
}
