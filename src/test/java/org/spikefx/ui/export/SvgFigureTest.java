package org.spikefx.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Scene;
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

    @BeforeAll
    static void simulate() {
        run = TestBatches.simulate(PARAMS, 200, 0);
        spikes = run.stream().mapToInt(Batch::spikeCount).sum();
    }

    @Start
    void start(Stage stage) {
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
        robot.interact(() -> figure[0] = new SvgFigure(plots, maxVectorSpikes));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        figure[0].write(out, scale);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    private Document svg(FxRobot robot) throws Exception {
        return svg(robot, SvgFigure.MAX_VECTOR_SPIKES, 1);
    }

    /** The elements of a name whose class attribute has every one of the given classes. */
    private static List<Element> elements(Document svg, String name, String... classes) {
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
        assertEquals("#1f77b4", path(svg, "voltage-traces", "neuron-0").getAttribute("stroke"));
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
                "CV of inter-spike intervals", "firing rate (Hz)", "neurons", "0.10", "0.20", "neuron 0", "excitatory",
                "spikes", String.format(Locale.ROOT, "%,d", spikes), "0.300 s")), texts.toString());
    }

    @Test
    void theRasterHasOneMarkPerSpikeInTheWindow(FxRobot robot) throws Exception {
        Document svg = svg(robot, spikes, 1);
        int marks = 0;
        for (Element path : elements(svg, "path", "spike-marks")) {
            marks += path.getAttribute("d").chars().filter(c -> c == 'M').count();
        }
        assertEquals(spikes, marks);
        assertEquals(0, elements(svg, "image", "spike-image").size());
    }

    @Test
    void aboveTheLimitTheRasterIsTheScreensImage(FxRobot robot) throws Exception {
        Document svg = svg(robot, spikes - 1, 1);
        assertEquals(0, elements(svg, "path", "spike-marks").size());
        List<Element> images = elements(svg, "image", "spike-image");
        assertEquals(1, images.size());
        String href = images.get(0).getAttribute("href");
        assertTrue(href.startsWith("data:image/png;base64,"), href.substring(0, 40));

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(href.substring("data:image/png;base64,".length()))));
        SpikeRaster raster = plots.raster().raster();
        assertEquals(raster.width(), png.getWidth());
        assertEquals(raster.height(), png.getHeight());
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                int screen = raster.pixels()[y * raster.width() + x];
                assertEquals(screen >>> 24, png.getRGB(x, y) >>> 24, "opacity of pixel " + x + ", " + y);
            }
        }
    }

    @Test
    void theFileHoldsTheWholeDocument(@TempDir Path folder, FxRobot robot) throws IOException {
        SvgFigure[] figure = new SvgFigure[1];
        robot.interact(() -> figure[0] = new SvgFigure(plots));
        Path file = folder.resolve("figure.svg");
        figure[0].write(file, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        figure[0].write(out, 1);
        assertArrayEquals(out.toByteArray(), Files.readAllBytes(file));
    }
}
