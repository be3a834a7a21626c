package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.TestBatches;

class RenderCommandTest {
    private static final List<String> SMALL_RUN = List.of("--n", "200", "--T", "0.1", "--seed", "5");

    @TempDir
    Path folder;

    /**
     * The command stops JavaFX after it if it started it; with the toolkit already running, as the other
     * tests of this JVM need it, it leaves it running.
     */
    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    private static Invocation render(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("render"));
        args.addAll(SMALL_RUN);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(options));
        return Invocation.of(args);
    }

    /** Width and height from the PNG's header. */
    private static int[] pngSize(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertTrue(readers.hasNext(), file + " is an image");
            ImageReader reader = readers.next();
            assertEquals("png", reader.getFormatName().toLowerCase());
            reader.setInput(in);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', 1280, 720",
        "'--scale 2', 2560, 1440",
        "'--width 640 --height 360 --scale 4', 2560, 1440"})
    void aPngHasTheFiguresSizeTimesTheScale(String options, int width, int height) throws IOException {
        Path png = folder.resolve("figure.png");
        Invocation invocation = render(png, options.isEmpty() ? new String[0] : options.split(" "));

        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals(width, pngSize(png)[0]);
        assertEquals(height, pngSize(png)[1]);
        assertEquals("Wrote " + png + " (" + width + " x " + height + " pixels)", invocation.out().strip());
    }

    @Test
    void theWholeWindowIsDrawnAtItsSizeTimesTheScale() throws IOException {
        Path png = folder.resolve("window.png");
        Invocation invocation = render(png, "--window", "--width", "1000", "--height", "600", "--scale", "2");

        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals(2000, pngSize(png)[0]);
        assertEquals(1200, pngSize(png)[1]);
    }

    @Test
    void theWholeWindowIsAPngOnly() throws IOException {
        Invocation invocation = render(folder.resolve("window.svg"), "--window");

        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode());
        assertEquals(List.of("spikefx render: Invalid value for option '--window': --window draws a PNG: ask for"
                + " FILE.png, or leave --window out for an SVG of the plots"), invocation.errLines());
        try (var files = Files.list(folder)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }

    @Test
    void anSvgIsADocumentOfTheFiguresSize() throws Exception {
        Path svg = folder.resolve("figure.SVG");
        Invocation invocation = render(svg, "--width", "800", "--height", "600");

        assertEquals(0, invocation.exitCode(), invocation.err());
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("0 0 800 600", root.getAttribute("viewBox"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"figure.jpg", "no-folder/figure.png", "--scale=3", "--width=639", "--height=4321",
        "--width=wide", "--n=0"})
    void badInputIsOneLineAndExitCodeTwo(String bad) throws IOException {
        Path out = bad.startsWith("--") ? folder.resolve("figure.png") : folder.resolve(bad);
        Invocation invocation = bad.startsWith("--") ? render(out, bad) : render(out);

        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
        assertEquals(1, invocation.errLines().size(), invocation.err());
        assertTrue(invocation.err().startsWith("spikefx render: Invalid value for option '"
                + (bad.startsWith("--") ? bad.substring(0, bad.indexOf('=')) : "--out") + "'"), invocation.err());
        try (var files = Files.list(folder)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }

    /** The elements of a name in the SVG file whose class attribute has the given class. */
    private static List<Element> elements(Path svg, String name, String styleClass) throws Exception {
        NodeList all = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName(name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(styleClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> texts(Path svg) throws Exception {
        NodeList all = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void aWindowOfTheRunHasEverySpikeOfItsStepsAndTheRunGoesOnlyThatFar() throws Exception {
        Path svg = folder.resolve("window.svg");
        Invocation invocation = render(svg, "--from", "0.03", "--to", "0.06");
        assertEquals(0, invocation.exitCode(), invocation.err());

        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 200).with(Parameter.T, 0.1)
                .with(Parameter.SEED, 5);
        long inWindow = TestBatches.simulate(params, 100).stream()
                .flatMapToInt(batch -> Arrays.stream(batch.spikeSteps()))
                .filter(step -> step >= Math.rint(0.03 / params.dt()) && step < Math.rint(0.06 / params.dt())).count();
        assertTrue(inWindow > 0);
        assertEquals(inWindow, elements(svg, "rect", "spike").size());
        // Every step of the window is a point of the traces: x within the plot's clip rectangle.
        Element group = elements(svg, "g", "voltage-traces").get(0);
        String clipId = group.getAttribute("clip-path").replaceAll("url\\(#(.*)\\)", "$1");
        Element clip = (Element) elements(svg, "clipPath", "").stream().filter(c -> c.getAttribute("id").equals(clipId))
                .findFirst().orElseThrow().getElementsByTagName("rect").item(0);
        double left = Double.parseDouble(clip.getAttribute("x"));
        double right = left + Double.parseDouble(clip.getAttribute("width"));
        String trace = elements(svg, "path", "neuron-0").get(0).getAttribute("d");
        long points = Pattern.compile("(-?[0-9.]+) -?[0-9.]+").matcher(trace).results()
                .mapToDouble(point -> Double.parseDouble(point.group(1)))
                .filter(x -> x >= left - 0.01 && x < right - 0.01).count();
        assertEquals((long) (Math.rint(0.06 / params.dt()) - Math.rint(0.03 / params.dt())), points);

        List<String> texts = texts(svg);
        assertTrue(texts.containsAll(List.of("0.030", "0.060", "0.060 s")), "the window's axis, and simulated 0.06 s: "
                + texts);
        assertFalse(texts.contains("0.100 s"), texts.toString());
    }

    @Test
    void oneViewIsDrawnAloneWithItsTimeAxisNamed() throws Exception {
        Path svg = folder.resolve("raster.svg");
        Invocation invocation = render(svg, "--view", "raster", "--from", "0.05", "--to", "0.1");
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals(1, elements(svg, "g", "spike-raster").size());
        for (String other : List.of("voltage-traces", "population-rate", "balance", "cv-histogram")) {
            assertEquals(0, elements(svg, "g", other).size(), other);
        }
        assertTrue(texts(svg).containsAll(List.of("one row per neuron", "time (s)")), texts(svg).toString());

        Path png = folder.resolve("traces.png");
        invocation = render(png, "--view", "traces", "--width", "800", "--height", "400", "--scale", "2");
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals(1600, pngSize(png)[0]);
        assertEquals(800, pngSize(png)[1]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--from=0.05 --to=0.05 | --from | --from = 0.05 is not allowed: --from must be before --to = 0.05",
        "--from=-1 | --from | --from = -1 is not allowed: --from must be at least 0 and below T = 0.1 s",
        "--to=0.2 | --to | --to = 0.2 is not allowed: --to must be above 0 and at most T = 0.1 s",
        "--from=0.05 --to=0.05001 | --to | --to = 0.05001 is not allowed: the window from --from = 0.05 must hold at"
            + " least one step of dt = 0.00005 s",
        "--view=histogram | --view | there is no view 'histogram': the views are traces, raster, rate, balance,"
            + " statistics, training",
        "--window --view=raster | --window | --window draws the whole window over the whole run: leave out --from,"
            + " --to and --view, or --window"})
    void aBadWindowOrViewIsOneLineAndExitCodeTwo(String options, String option, String message) throws IOException {
        Invocation invocation = render(folder.resolve("figure.png"), options.strip().split(" "));

        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
        assertEquals(List.of("spikefx render: Invalid value for option '" + option + "': " + message),
                invocation.errLines());
        try (var files = Files.list(folder)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }

    @Test
    void aPngAboveThePixelLimitIsRefusedBeforeRunning() throws IOException {
        Invocation invocation = render(folder.resolve("huge.png"), "--width", "3000", "--height", "3000",
                "--scale", "4");
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
        assertEquals(List.of("spikefx render: Invalid value for option '--scale': --width 3000 x --height 3000 at"
                + " --scale 4 is a PNG of 12000 x 12000 = 144,000,000 pixels, more than the 33,177,600 (7680 x 4320)"
                + " a PNG may have: choose a smaller --scale, --width or --height, or an SVG"), invocation.errLines());
        try (var files = Files.list(folder)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--n 1000000", "--n 2000 --nrec 5000", "--p 2", "--config missing.json"})
    void theSameBadInputGetsTheSameLineAndExitCodeInEveryCommand(String bad) {
        List<String> options = List.of(bad.split(" "));
        Invocation simulate = Invocation.of(concat(List.of("simulate"), options));
        Invocation render = Invocation.of(concat(List.of("render", "--out", folder.resolve("f.png").toString()),
                options));
        Invocation window = Invocation.of(concat(List.of("render", "--window", "--out",
                folder.resolve("w.png").toString()), options));
        assertEquals(CommandLine.BAD_INPUT, simulate.exitCode(), simulate.err());
        assertEquals(1, simulate.errLines().size(), simulate.err());
        String reason = simulate.err().substring("spikefx simulate: ".length());
        for (Invocation other : List.of(render, window)) {
            assertEquals(CommandLine.BAD_INPUT, other.exitCode(), other.err());
            assertEquals(List.of("spikefx render: " + reason.strip()), other.errLines());
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A short lesson on a small network: chaos to 0.2 s, training to 0.4 s, on its own to 0.6 s. */
    private static final List<String> SMALL_LESSON = List.of("--view", "training", "--n", "300", "--seed", "11",
            "--T", "0.6", "--train-start", "0.2", "--train-stop", "0.4");
    /** The phases' shades, Okabe-Ito orange and bluish green over the white page. */
    private static final int TRAINING_SHADE = over(0xE69F00, 0.18);
    private static final int AFTER_SHADE = over(0x009E73, 0.14);
    /** The target's Okabe-Ito blue (#0072B2), however its edges are smoothed into what lies beneath. */
    private static final IntPredicate TARGET_BLUE = rgb -> blue(rgb) - red(rgb) > 80 && blue(rgb) > green(rgb);
    /** The readout's vermillion (#D55E00), likewise. */
    private static final IntPredicate READOUT_VERMILLION = rgb -> red(rgb) - green(rgb) > 60
            && red(rgb) - blue(rgb) > 120;

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    /** A colour laid with the given opacity over white. */
    private static int over(int rgb, double alpha) {
        int blended = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = (rgb >> shift) & 0xFF;
            blended |= (int) Math.round(255 + alpha * (channel - 255)) << shift;
        }
        return blended;
    }

    /** Within one step of rounding of the colour, in each channel. */
    private static IntPredicate near(int expected) {
        return rgb -> Math.abs(red(rgb) - red(expected)) <= 2 && Math.abs(green(rgb) - green(expected)) <= 2
                && Math.abs(blue(rgb) - blue(expected)) <= 2;
    }

    /** The columns of the image that hold at least {@code least} pixels of the colour. */
    private static List<Integer> columnsWith(BufferedImage image, IntPredicate colour, int least) {
        List<Integer> columns = new ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            int count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                if (colour.test(image.getRGB(x, y) & 0xFFFFFF)) {
                    count++;
                }
            }
            if (count >= least) {
                columns.add(x);
            }
        }
        return columns;
    }

    /** The first and the last row of the colour in column x. */
    private static int[] rowsOf(BufferedImage image, IntPredicate colour, int x) {
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            if (colour.test(image.getRGB(x, y) & 0xFFFFFF)) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        return new int[] {top, bottom};
    }

    /** Rows spanned by the colour's pixels in the columns from x0 to x1 (excluded), rows y0 to y1 (excluded). */
    private static int rowsSpanned(BufferedImage image, IntPredicate colour, int x0, int x1, int y0, int y1) {
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if (colour.test(image.getRGB(x, y) & 0xFFFFFF)) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return bottom < 0 ? 0 : bottom - top + 1;
    }

    @Test
    void theTrainingViewDrawsTheLessonItsPhasesShaded() throws IOException {
        Path png = folder.resolve("lesson.png");
        List<String> args = new ArrayList<>(List.of("render", "--out", png.toString(), "--width", "800",
                "--height", "400", "--scale", "2"));
        args.addAll(SMALL_LESSON);
        Invocation invocation = Invocation.of(args);

        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals(1600, pngSize(png)[0]);
        assertEquals(800, pngSize(png)[1]);
        BufferedImage image = ImageIO.read(png.toFile());
        // The training third of the run is shaded in one stretch, the third after it in the next.
        List<Integer> training = columnsWith(image, near(TRAINING_SHADE), 20);
        List<Integer> after = columnsWith(image, near(AFTER_SHADE), 20);
        assertFalse(training.isEmpty(), "the training is shaded");
        assertFalse(after.isEmpty(), "the time after training is shaded");
        int trainingFrom = training.get(0);
        int trainingTo = training.get(training.size() - 1);
        int afterTo = after.get(after.size() - 1);
        assertTrue(trainingTo < after.get(0), "training comes before the time after it");
        double third = (afterTo - trainingFrom) / 2.0;
        assertEquals(third, trainingTo - trainingFrom, 0.05 * third, "training: 0.2 s to 0.4 s");
        assertEquals(third, afterTo - after.get(0), 0.05 * third, "after training: 0.4 s to 0.6 s");
        int beforeFrom = (int) Math.round(trainingFrom - third);
        assertTrue(beforeFrom > 0);
        // The target runs through the whole run; the readout is flat before training and swings after it.
        assertTrue(columnsWith(image, TARGET_BLUE, 1).size() > 0.9 * 3 * third, "the target is drawn throughout");
        // The plot is as high as the shade, without the legend above it.
        int[] plot = rowsOf(image, near(TRAINING_SHADE), (trainingFrom + trainingTo) / 2);
        int flat = rowsSpanned(image, READOUT_VERMILLION, beforeFrom + 10, trainingFrom - 10, plot[0], plot[1]);
        int swinging = rowsSpanned(image, READOUT_VERMILLION, after.get(0) + 10, afterTo - 10, plot[0], plot[1]);
        assertTrue(flat > 0 && flat < 12, "before training the readout is z = 0: " + flat + " rows");
        assertTrue(swinging > 20 * flat, "after training the readout swings: " + swinging + " rows");
        assertTrue(invocation.out().startsWith("Wrote " + png), invocation.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lesson.svg | --view training | --out | --view training draws a PNG: ask for FILE.png",
        "lesson.png | --Q 5 | --Q | --Q sets the training: it goes with --view training only",
        "lesson.png | --view raster --target sines | --target | --target sets the training: it goes with --view"
            + " training only",
        "lesson.png | --view training --target-freq 0 | --target-freq | target-freq = 0 is not allowed: target-freq"
            + " must be a finite number > 0",
        "lesson.png | --view training --train-start 0.5 --train-stop 0.2 | --train-stop | train-stop = 0.2 is not"
            + " allowed: train-stop must not be before train-start (0.5)",
        "lesson.png | --view training --target csv:missing.csv | --target | cannot read the target file"
            + " 'missing.csv': no such file"})
    void badTrainingInputIsOneLineAndExitCodeTwo(String file, String options, String option, String message)
            throws IOException {
        Invocation invocation = render(folder.resolve(file), options.split(" "));

        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
        assertEquals(1, invocation.errLines().size(), invocation.err());
        assertTrue(invocation.err().startsWith("spikefx render: Invalid value for option '" + option + "': "),
                invocation.err());
        assertTrue(invocation.err().strip().endsWith(message), invocation.err());
        try (var files = Files.list(folder)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }

    @Test
    void aFigureNamingAFileTheCommandReadsIsRefusedAndTheFileKept() throws IOException {
        // Once, a config named like a figure was read, then replaced by the figure.
        Path config = folder.resolve("run.png");
        org.spikefx.export.RunConfigFile.write(config, org.spikefx.export.RunConfig.withDefaultView(
                NetworkParameters.DEFAULTS.with(Parameter.N, 200).with(Parameter.T, 0.1)));
        String configBefore = Files.readString(config);
        Invocation overConfig = Invocation.of("render", "--config", config.toString(), "--out", config.toString());

        Path target = Files.writeString(folder.resolve("target.png"), "0\n1\n0\n-1\n");
        Invocation overTarget = render(target, "--view", "training", "--train-start", "0.02",
                "--train-stop", "0.05", "--target", "csv:" + target);

        assertEquals(CommandLine.BAD_INPUT, overConfig.exitCode(), overConfig.err());
        assertEquals(List.of("spikefx render: --out names the config file " + config + " that --config reads:"
                + " writing it would destroy it; choose another name"), overConfig.errLines());
        assertEquals(configBefore, Files.readString(config));
        assertEquals(CommandLine.BAD_INPUT, overTarget.exitCode(), overTarget.err());
        assertEquals(List.of("spikefx render: --out names the file " + target + " that --target reads: writing it"
                + " would destroy it; choose another name"), overTarget.errLines());
        assertEquals("0\n1\n0\n-1\n", Files.readString(target));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--width abc | --width | 'abc' is not a whole number",
        "--scale 2.5 | --scale | '2.5' is not a whole number",
        "--height 99999999999 | --height | '99999999999' is larger than any value this option allows",
        "--fps fast | --fps | 'fast' is not a number"})
    void aNumberThatCannotBeReadIsNamedInWordsNotAsAJavaType(String options, String option, String reason)
            throws IOException {
        Invocation invocation = render(folder.resolve("f.gif"), options.split(" "));
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
        assertEquals(List.of("spikefx render: Invalid value for option '" + option + "': " + reason),
                invocation.errLines());
    }

    @Test
    void aWindowLargerThanTheHeadlessScreenIsDrawnWithoutAStackTrace() throws Exception {
        // A Java of its own, as a user starts it: this JVM's toolkit runs already on a screen of 1280 x 800.
        Path png = folder.resolve("large-window.png");
        ProcessBuilder user = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), org.spikefx.Main.class.getName(), "render", "--window",
                "--n", "50", "--T", "0.02", "--width", "1600", "--height", "900", "--out", png.toString());
        user.redirectErrorStream(true);
        Process process = user.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the program ends");
        assertEquals(0, process.exitValue(), output);
        assertEquals(List.of("Wrote " + png + " (1600 x 900 pixels)"), output.lines().toList());
        assertEquals(1600, pngSize(png)[0]);
    }

    @Test
    void theFigureFileIsRequired() {
        Invocation invocation = Invocation.of("render", "--n", "200");
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode());
        assertEquals(List.of("spikefx render: Missing required option: '--out=FILE'"), invocation.errLines());
    }

    @Test
    void aGifHasAFramePerStepOfOneOverFpsEachOfTheSizeAskedForAndEachShowingMoreOfTheRun() throws Exception {
        Path gif = folder.resolve("run.gif");
        Invocation invocation = render(gif, "--from", "0", "--to", "0.05", "--fps", "100", "--width", "640", "--height",
                "360");
        assertEquals(2, invocation.exitCode(), "100 frames per second is more than a GIF shows");
        assertTrue(invocation.err().contains("--fps = 100 is not allowed"), invocation.err());

        invocation = render(gif, "--from", "0", "--to", "0.05", "--fps", "50", "--width", "640", "--height", "360");
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertTrue(invocation.out().contains("(2 frames of 640 x 360 pixels at 50 per second)"), invocation.out());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            BufferedImage second = reader.read(1);
            for (BufferedImage frame : List.of(first, second)) {
                assertEquals(640, frame.getWidth());
                assertEquals(360, frame.getHeight());
            }
            assertFalse(Arrays.equals(first.getRGB(0, 0, 640, 360, null, 0, 640),
                    second.getRGB(0, 0, 640, 360, null, 0, 640)), "the second frame shows more of the run");
            assertEquals(2, gifDelay(reader, 1), "each frame stays 2 hundredths of a second");
        }
    }

    @Test
    void aFrameRateGoesWithAGifOnlyAndAnAnimationIsNotTheTrainingPlotNorTheWindow() throws IOException {
        Path png = folder.resolve("still.png");
        Invocation invocation = render(png, "--fps", "10");
        assertEquals(2, invocation.exitCode());
        assertEquals(List.of("spikefx render: Invalid value for option '--fps': --fps sets an animation's frame rate:"
                + " it goes with --out FILE.gif only"), invocation.errLines());
        Path gif = folder.resolve("window.gif");
        assertEquals(2, render(gif, "--window").exitCode());
        assertEquals(2, render(gif, "--fps", "0").exitCode());
        assertFalse(Files.exists(png) || Files.exists(gif), "nothing written");
    }

    /** A GIF frame's time on screen, in hundredths of a second, from its graphic control extension. */
    private static int gifDelay(ImageReader reader, int frame) throws IOException {
        org.w3c.dom.Node root = reader.getImageMetadata(frame).getAsTree("javax_imageio_gif_image_1.0");
        for (org.w3c.dom.Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals("GraphicControlExtension")) {
                return Integer.parseInt(((Element) child).getAttribute("delayTime"));
            }
        }
        return -1;
    }
}
