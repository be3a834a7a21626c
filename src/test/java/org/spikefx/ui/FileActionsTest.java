package org.spikefx.ui;

import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Simulation;
import org.spikefx.export.Brian2Project;
import org.spikefx.export.NpyReader;
import org.spikefx.export.RunConfig;
import org.spikefx.export.RunConfigFile;
import org.spikefx.export.Sidecar;
import org.spikefx.export.ViewSettings;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;

/**
 * The File menu's work as the user meets it in the running window: what is written, what the
 * status bar says, and that a file that cannot be written stops nothing but itself. Runs are small
 * (300 neurons) and long (60 s at real time), so they are still going whenever a test looks.
 */
@ExtendWith(ApplicationExtension.class)
class FileActionsTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 60);
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    /** The single files the File menu saves, each with the name it is saved under here. */
    enum SavedFile {
        PNG("plots.png", (files, target) -> files.savePng(target, true, 1)),
        SVG("plots.svg", (files, target) -> files.saveSvg(target, 1)),
        CONFIG("run.json", FileActions::saveConfig);

        final String name;
        final BiConsumer<FileActions, Path> save;

        SavedFile(String name, BiConsumer<FileActions, Path> save) {
            this.name = name;
            this.save = save;
        }
    }

    @TempDir
    Path folder;

    private Stage stage;
    private MainWindow main;
    private FileActions files;
    private final RecordingView recorder = new RecordingView();
    private final List<MainWindow> moreWindows = new ArrayList<>();

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> {
            moreWindows.forEach(window -> window.stage().close());
            if (main != null) {
                main.close();
            }
        });
    }

    private void open(FxRobot robot, NetworkParameters params) {
        robot.interact(() -> {
            main = new MainWindow(stage);
            main.pulse().addView(recorder);
            main.show(params);
            files = new FileActions(main);
        });
        waitUntil("the run is drawn", () -> simulatedSteps() > 0);
    }

    // ---- saving where nothing can be written ----

    @ParameterizedTest
    @EnumSource(SavedFile.class)
    void aFileThatCannotBeWrittenIsReportedLeavesNothingBehindAndTheRunGoesOn(SavedFile saved, FxRobot robot)
            throws IOException {
        open(robot, SMALL);
        Path aFile = Files.writeString(folder.resolve("notes.txt"), "not a folder");
        Path missing = folder.resolve("missing");
        Path takenByAFolder = Files.createDirectories(folder.resolve(saved.name).resolve("inside"));

        assertSavingFails(robot, "Saving " + saved.name, aFile.resolve(saved.name),
                aFile + " is a file, not a folder", files -> saved.save.accept(files, aFile.resolve(saved.name)));
        assertSavingFails(robot, "Saving " + saved.name, missing.resolve(saved.name),
                "folder " + missing + " does not exist", files -> saved.save.accept(files, missing.resolve(saved.name)));
        assertSavingFails(robot, "Saving " + saved.name, folder.resolve(saved.name),
                "it is a folder; an output must be a regular file or a new name",
                files -> saved.save.accept(files, folder.resolve(saved.name)));

        assertEquals(List.of(folder, folder.resolve("notes.txt"), folder.resolve(saved.name), takenByAFolder),
                everythingIn(folder), "no file and no temporary .part file left behind");
    }

    @Test
    void dataThatCannotBeExportedIsReportedLeavesNothingBehindAndTheRunGoesOn(FxRobot robot) throws IOException {
        open(robot, SMALL);
        Path aFile = Files.writeString(folder.resolve("notes.txt"), "not a folder");
        Path missing = folder.resolve("missing");
        String firstFile = "spikefx_n300_g0.04_offset-40_seed100_t"; // the voltages come first, then the spikes

        assertSavingFails(robot, "Exporting the data of ", aFile.resolve(firstFile),
                aFile + " is a file, not a folder", files -> files.exportData(aFile));
        assertSavingFails(robot, "Exporting the data of ", missing.resolve(firstFile),
                "folder " + missing + " does not exist", files -> files.exportData(missing));

        assertEquals(List.of(folder, aFile), everythingIn(folder), "no file and no temporary .part file left behind");
    }

    /**
     * Saves into a place that cannot be written and checks what the user is told: the failure in the
     * status bar, naming the file and the cause; the run neither restarts nor stops.
     */
    private void assertSavingFails(FxRobot robot, String description, Path fileNamed, String cause,
                                   Consumer<FileActions> save) {
        long runId = main.runner().activeRunId();
        robot.interact(() -> save.accept(files));
        Label notice = notice();
        waitUntil("the failure is reported", () -> fx(() -> notice.getPseudoClassStates().contains(PROBLEM)));

        String message = fx(notice::getText);
        assertTrue(message.startsWith(description), message);
        assertTrue(message.contains(" failed: cannot write " + fileNamed), message);
        assertTrue(message.endsWith(": " + cause), message);
        assertEquals(runId, main.runner().activeRunId(), "the run goes on without a restart");
        long steps = simulatedSteps();
        waitUntil("simulated time advances", () -> simulatedSteps() > steps);
    }

    // ---- saving that works ----

    @Test
    void exportedDataHoldTheSpikesOfTheRunUpToTheStepOnScreen(FxRobot robot) throws IOException {
        open(robot, SMALL);
        waitUntil("a few hundred ms are simulated", () -> simulatedSteps() >= 4000);
        int steps = (int) pausedSteps(robot);

        robot.interact(() -> files.exportData(folder));
        String notice = awaitSuccess();

        assertEquals(String.format(Locale.ROOT, "Exporting the data of %.3f s: done, 12 files in %s",
                steps * SMALL.dt(), folder), notice);
        String base = FileActions.baseName(SMALL, steps * SMALL.dt());
        for (String data : List.of("spikes", "voltages", "rate")) {
            for (String format : List.of(".csv", ".npy")) {
                Path file = folder.resolve(base + "_" + data + format);
                assertTrue(Files.size(file) > 0, file + " is written");
                assertEquals(steps, new ObjectMapper().readTree(Sidecar.pathFor(file).toFile()).get("steps").asInt(),
                        "steps of the export in the sidecar of " + file.getFileName());
            }
        }
        assertEquals(steps + 1, Files.readAllLines(folder.resolve(base + "_voltages.csv")).size(),
                "a header and a row per step");

        long[] expected = spikesOfADirectRun(SMALL, steps);
        assertArrayEquals(expected, spikesInCsv(folder.resolve(base + "_spikes.csv")));
        assertArrayEquals(expected, spikesInNpy(folder.resolve(base + "_spikes.npy")));
        assertArrayEquals(expected, spikesDrawn(), "the export holds the spikes the window drew");
    }

    @Test
    void aRecordingIsAGifOfThePlotsOverTheTimeShownAtThePlotsSizeWhileTheRunGoesOn(FxRobot robot) throws IOException {
        open(robot, SMALL);
        long runId = main.runner().activeRunId();
        robot.interact(() -> main.plotArea().window().showSpan(0.1, 0.2));
        Path gif = folder.resolve("run.gif");

        robot.interact(() -> files.recordAnimation(gif, 20));
        String notice = awaitSuccess();

        assertEquals("Recording 0.10–0.20 s as run.gif: done, 1 file in " + folder, notice);
        int width = (int) Math.round(fx(() -> main.plotArea().getWidth()));
        int height = (int) Math.round(fx(() -> main.plotArea().getHeight()));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true), "0.1 s at 20 frames per second");
            assertEquals(width, reader.getWidth(0));
            assertEquals(height, reader.getHeight(0));
        }
        assertEquals(runId, main.runner().activeRunId(), "the run goes on without a restart");
    }

    @Test
    void aBrian2ProjectOfTheRunningNetworkIsWrittenInTheBackgroundWhileTheRunGoesOn(FxRobot robot) throws IOException {
        open(robot, SMALL);
        long runId = main.runner().activeRunId();

        robot.interact(() -> files.exportBrian2(folder));
        String notice = awaitSuccess();

        Path project = folder.resolve(FileActions.baseName(SMALL, SMALL.T()) + "_brian2");
        assertEquals("Writing the Brian2 project " + project.getFileName() + ": done, 5 files in " + project, notice);
        assertArrayEquals(RandomNetwork.build(SMALL).initialVoltages(SMALL.vreset()),
                NpyReader.readVector(project.resolve(Brian2Project.VOLTAGES), SMALL.n()));
        assertTrue(Files.readString(project.resolve(Brian2Project.SCRIPT)).contains("\nN = 300\n"));
        assertEquals(runId, main.runner().activeRunId(), "the run goes on without a restart");
    }

    @Test
    void aSavedConfigReadsBackAsTheWindowsStateAndASecondWindowOpensTheSameRun(FxRobot robot) throws Exception {
        open(robot, SMALL);
        NetworkParameters changed = SMALL.with(Parameter.OFFSET, -42).with(Parameter.SEED, 7);
        robot.interact(() -> {
            main.parameterPanel().setParameters(changed);
            main.display().darkThemeProperty().set(true);
            main.runSettings().speedProperty().set(2.0);
            main.plotArea().rate().setBinMilliseconds(3);
            main.raster().selectedNeuronProperty().set(5);
        });
        Path file = folder.resolve("run.json");

        robot.interact(() -> files.saveConfig(file));

        assertEquals("Saving run.json: done, 1 file in " + folder, awaitSuccess());
        RunConfig saved = RunConfigFile.read(file);
        assertEquals(fx(main::currentConfig), saved);
        assertEquals(new RunConfig(changed, new ViewSettings(List.of(0, 1, 2, 5), 5, 3, ViewSettings.Theme.DARK,
                ViewSettings.RunMode.FIXED, 2.0, 2)), saved);

        MainWindow second = fx(() -> {
            MainWindow window = new MainWindow(new Stage());
            moreWindows.add(window);
            window.show(SMALL);
            new FileActions(window).openConfig(file);
            return window;
        });
        assertEquals(changed, fx(second::running));
        assertEquals(changed, fx(second.parameterPanel()::getParameters));
        assertEquals(saved, fx(second::currentConfig));
        // The configuration is read from the display settings; the views show what those say.
        assertEquals(3, fx(() -> second.plotArea().rate().binMilliseconds()), "the rate binned in 3 ms");
        assertEquals(5, fx(() -> second.raster().selectedNeuronProperty().get()), "neuron 5 picked in the raster");
        assertTrue(fx(() -> second.stage().getScene().getRoot().getStyleClass().contains("dark")), "the dark theme");
    }

    @Test
    void aPngAtScaleTwoHasTwiceThePlotAreasSizeAndANameWithTheRunAndItsTime(FxRobot robot) throws IOException {
        NetworkParameters params = SMALL.with(Parameter.G, 0.05).with(Parameter.OFFSET, -41).with(Parameter.SEED, 7);
        open(robot, params);
        long steps = pausedSteps(robot);

        String name = fx(() -> files.imageName(".png"));

        String time = String.format(Locale.ROOT, "%.2f", steps * params.dt());
        assertTrue(Pattern.matches("spikefx_n300_g0\\.05_offset-41_seed7_t" + Pattern.quote(time)
                + "s_\\d{8}-\\d{6}\\.png", name), name);
        Path png = folder.resolve(name);
        robot.interact(() -> files.savePng(png, true, 2));
        assertEquals("Saving " + name + ": done, 1 file in " + folder, awaitSuccess());
        Bounds plots = fx(() -> main.plotArea().getLayoutBounds());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * plots.getWidth(), image.getWidth());
        assertEquals(2 * plots.getHeight(), image.getHeight());
    }

    // ---- what the window shows ----

    private Label notice() {
        return (Label) main.root().lookup("#notice");
    }

    /** The notice once the file work is done; fails if it reports a problem instead. */
    private String awaitSuccess() {
        Label notice = notice();
        waitUntil("the file work ends", () -> fx(() -> notice.getText().contains(": done, ")
                || notice.getPseudoClassStates().contains(PROBLEM)));
        assertFalse(fx(() -> notice.getPseudoClassStates().contains(PROBLEM)), fx(notice::getText));
        return fx(notice::getText);
    }

    /** Steps the statistics view has been given in this run: its "simulated time". */
    private long simulatedSteps() {
        return fx(() -> main.plotArea().statistics().statistics().elapsedSteps());
    }

    /** Pauses the run and returns its simulated steps once everything the simulation sent is drawn. */
    private long pausedSteps(FxRobot robot) {
        robot.interact(() -> main.runSettings().pausedProperty().set(true));
        waitUntil("the simulation thread waits and its queue is drained", () ->
                main.runner().events().isEmpty() && Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().equals("simulation") && thread.isAlive())
                        .allMatch(thread -> thread.getState() == Thread.State.WAITING));
        WaitForAsyncUtils.waitForFxEvents();
        long steps = simulatedSteps();
        assertEquals(steps, (long) fx(main::simulatedSteps), "the steps the window counts are the steps drawn");
        return steps;
    }

    /** The drawn spikes as step, neuron pairs, in the order of the batches. */
    private long[] spikesDrawn() {
        List<Batch> batches = fx(recorder::batches);
        return batches.stream().flatMapToLong(batch -> IntStream.range(0, batch.spikeCount())
                .flatMap(i -> IntStream.of(batch.spikeSteps()[i], batch.spikeNeurons()[i]))
                .asLongStream()).toArray();
    }

    // ---- files and the engine ----

    private static long[] spikesOfADirectRun(NetworkParameters params, int steps) {
        Simulation simulation = new Simulation(params, RandomNetwork.build(params));
        List<Long> pairs = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            simulation.advance();
            for (int k = 0; k < simulation.spikeCount(); k++) {
                pairs.add((long) step);
                pairs.add((long) simulation.spikers()[k]);
            }
        }
        return pairs.stream().mapToLong(Long::longValue).toArray();
    }

    /** The step, neuron columns of a spike CSV file (step,neuron,t), row by row. */
    private static long[] spikesInCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("step,neuron,t", lines.get(0));
        return lines.stream().skip(1).map(line -> line.split(","))
                .flatMapToLong(cells -> Stream.of(cells[0], cells[1]).mapToLong(Long::parseLong)).toArray();
    }

    /** The int64 (spikes, 2) array of a spike .npy file: the data are the file's last bytes, little-endian. */
    private static long[] spikesInNpy(Path npy) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        long[] values = new long[data.remaining() / Long.BYTES];
        data.asLongBuffer().get(values);
        return values;
    }

    private static List<Path> everythingIn(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.sorted().toList();
        }
    }

    // ---- test plumbing ----
}
