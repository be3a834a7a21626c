package org.spikefx.ui;

import static org.spikefx.ui.FxWaits.fx;
import static org.spikefx.ui.FxWaits.waitUntil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.ValueAxis;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.spikefx.export.ConfigException;
import org.spikefx.export.RunConfig;
import org.spikefx.export.RunConfigFile;
import org.spikefx.export.ViewSettings;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.run.RunnerThreads;
import org.spikefx.run.SimulationRunner;
import org.spikefx.ui.model.SpikeRaster;
import org.spikefx.ui.view.SpikeRasterView;
import org.spikefx.ui.view.plot.LayerCanvas;
import org.spikefx.ui.view.plot.PlotLayer;

/**
 * The live window as a user drives it: typing, clicking, keys, files. The runs are small (300 neurons)
 * and long enough (60 s at real time) that they are still going whenever a test looks.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 60);
    /** Light theme's spike colour in views.css, and the dark theme's. */
    private static final int LIGHT_SPIKE_ARGB = 0xFF1B3A6B;
    private static final int DARK_SPIKE_ARGB = 0xFFA8C8FF;
    /** Pixels at the raster image's edges that the chart's axes overlap. */
    private static final int AXIS_OVERLAP = 3;

    /** The size of most classroom projectors, the size the layout is made for. */
    private static final int PROJECTOR_WIDTH = 1280;
    private static final int PROJECTOR_HEIGHT = 720;
    /** A spike spans vreset to the peak: -65 to 30 mV. */
    private static final double SPIKE_BOTTOM_MV = -65;
    private static final double SPIKE_TOP_MV = 30;

    private Stage stage;
    private MainWindow main;
    private final RecordingView recorder = new RecordingView();

    @TempDir
    Path folder;

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
            });
        }
    }

    private void open(FxRobot robot, NetworkParameters params) {
        robot.interact(() -> {
            main = new MainWindow(stage);
            main.pulse().addView(recorder);
            main.show(params, PROJECTOR_WIDTH, PROJECTOR_HEIGHT);
        });
        awaitBatchesOfTheActiveRun(3);
    }

    @Test
    void startsRunningAndShowsSpikesInTheSpikeColour(FxRobot robot) {
        open(robot, SMALL);

        waitUntil("the raster image shows spikes", () -> fx(() -> spikeColouredPixels(rasterImage()) > 0));
        assertTrue(fx(() -> main.raster().raster().storedSpikes()) > 0);
        assertTrue(fx(() -> main.status().getText()).startsWith("Running"), fx(() -> main.status().getText()));
        assertEquals("SpikeFX — n = 300, p = 0.1, g = 0.04, offset = -40 mV, seed 100", fx(stage::getTitle));
    }

    @Test
    void committingAFieldRestartsWithTheNewValueAndDrawsOnlyTheNewRun(FxRobot robot) {
        open(robot, SMALL);
        long before = runner().activeRunId();

        fillTheQueueWithTheOldRun(robot);
        typeInto(robot, "#offset-field", "-38").type(KeyCode.ENTER);
        robot.interact(main.pulse()::start);

        waitUntil("the new run is drawn", () -> runner().activeRunId() != before
                && batchesOfTheActiveRun() >= 5);
        assertEquals(before + 1, runner().activeRunId(), "one restart");
        assertEquals(SMALL.with(Parameter.OFFSET, -38), fx(main::running));
        assertOnlyTheActiveRunFromItsStart();
        assertTrue(fx(stage::getTitle).contains("offset = -38 mV"), fx(stage::getTitle));
    }

    @Test
    void movingASliderRestartsOnceWithTheSliderValue(FxRobot robot) {
        open(robot, SMALL);
        long before = runner().activeRunId();
        Slider offset = robot.lookup("#offset-slider").queryAs(Slider.class);

        fillTheQueueWithTheOldRun(robot);
        robot.interact(offset::requestFocus);
        robot.type(KeyCode.RIGHT); // one block increment: one stop of 0.5 mV
        waitUntil("the slider comes to rest and restarts the run", () -> runner().activeRunId() != before);
        robot.interact(main.pulse()::start);

        awaitBatchesOfTheActiveRun(5);
        assertEquals(before + 1, runner().activeRunId(), "one restart");
        assertEquals(SMALL.with(Parameter.OFFSET, -39.5), fx(main::running));
        assertOnlyTheActiveRunFromItsStart();
    }

    @Test
    void pauseFreezesSimulatedTimeResumeContinuesAndAStepIsOneMillisecond(FxRobot robot) {
        open(robot, SMALL);
        robot.interact(main.root()::requestFocus);

        Labeled pause = robot.lookup("#pause-button").queryLabeled();
        Node step = robot.lookup("#step-button").query();

        robot.type(KeyCode.SPACE);
        assertTrue(runner().isPaused());
        assertEquals("Resume", fx(pause::getText));
        long frozen = settledSteps();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(frozen, settledSteps(), "simulated steps while paused");

        robot.clickOn(pause);
        assertFalse(runner().isPaused());
        assertEquals("Pause", fx(pause::getText));
        assertTrue(fx(step::isDisabled), "stepping is for a paused run");
        waitUntil("simulated time goes on", () -> simulatedSteps() > frozen);

        robot.clickOn(pause);
        long beforeStep = settledSteps();
        robot.clickOn(step);
        int oneMillisecond = (int) Math.round(0.001 / SMALL.dt());
        waitUntil("the step is drawn", () -> simulatedSteps() >= beforeStep + oneMillisecond);
        assertEquals(beforeStep + oneMillisecond, settledSteps());
        assertTrue(fx(() -> main.status().getText()).startsWith("Paused at t = "), fx(() -> main.status().getText()));
    }

    @Test
    void clickingASpikeInTheRasterShowsThatNeuronsVoltageAndInput(FxRobot robot) {
        open(robot, SMALL);
        waitUntil("some neuron beyond the traces shown spikes", () -> fx(this::clickableSpike) != null);
        double[] spike = fx(this::clickableSpike);
        int neuron = (int) spike[2];

        robot.clickOn(fx(() -> rasterImageView().localToScreen(spike[0], spike[1])));

        assertEquals(neuron, fx(() -> main.raster().selectedNeuronProperty().get()));
        assertTrue(fx(() -> Arrays.stream(main.voltages().shownNeurons()).anyMatch(k -> k == neuron)));
        waitUntil("the new trace and the balance show neuron " + neuron, () -> fx(() ->
                drawnPointsOf(neuron) > 0 && main.plotArea().balance().traces().neuron() == neuron));
        assertTrue(fx(() -> main.voltages().traces().trace(neuron).size()) > 0);
    }

    @Test
    void fiftyRapidChangesLeaveOneSimulationThreadAndNoRetainedRuns(FxRobot robot) {
        // 2000 neurons and a new seed with each change: every change needs its own network of a few MB.
        NetworkParameters initial = NetworkParameters.DEFAULTS.with(Parameter.T, 60);
        open(robot, initial);
        long usedBefore = usedHeapAfterGc();
        long before = runner().activeRunId();

        NetworkParameters last = initial;
        for (int burst = 0; burst < 5; burst++) {
            for (int k = 0; k < 10; k++) {
                int change = 10 * burst + k + 1;
                last = initial.with(Parameter.OFFSET, -40 + 0.1 * change).with(Parameter.SEED, 100 + change);
                NetworkParameters params = last;
                robot.interact(() -> main.parameterPanel().setParameters(params));
            }
        }

        assertEquals(before + 50, runner().activeRunId());
        awaitBatchesOfTheActiveRun(5);
        assertEquals(last, fx(main::running));
        assertOnlyTheActiveRunFromItsStart();
        assertEquals(1, RunnerThreads.started(runner()));
        waitUntil("the simulation threads of closed windows are gone", () -> simulationThreads().size() == 1);
        long growth = usedHeapAfterGc() - usedBefore;
        assertTrue(growth < 50_000_000, "retained heap grew by " + growth + " bytes");
    }

    @Test
    void invalidInputIsRefusedWithAMessageAndTheRunGoesOn(FxRobot robot) {
        open(robot, SMALL);
        long runId = runner().activeRunId();

        typeInto(robot, "#n-field", "abc").type(KeyCode.ENTER);

        Label parameterMessage = robot.lookup("#n-message").queryAs(Label.class);
        assertEquals("n = 'abc' is not a number: n must be a whole number from 1 to 1000000",
                fx(parameterMessage::getText));
        assertTrue(fx(parameterMessage::isVisible));
        robot.type(KeyCode.ESCAPE);

        TextField traceField = robot.lookup("#trace-field").queryAs(TextField.class);
        typeInto(robot, "#trace-field", "0, 5000").type(KeyCode.ENTER);

        assertEquals("neuron 5000 does not exist: neurons are whole numbers from 0 to 299",
                fx(() -> robot.lookup("#trace-message").queryAs(Label.class).getText()));
        assertTrue(fx(() -> traceField.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid"))));
        assertArrayEquals(new int[] {0, 1, 2}, fx(main.voltages()::shownNeurons));
        assertEquals(SMALL, fx(main::running));
        assertEquals(runId, runner().activeRunId());
        long steps = simulatedSteps();
        waitUntil("the run goes on", () -> simulatedSteps() > steps);
    }

    @Test
    void keysRestartAndPauseExceptWhileTypingInAField(FxRobot robot) {
        open(robot, SMALL);
        robot.interact(main.root()::requestFocus);
        long first = runner().activeRunId();

        robot.type(KeyCode.R);
        assertEquals(first + 1, runner().activeRunId());
        robot.type(KeyCode.SPACE);
        assertTrue(runner().isPaused());
        robot.type(KeyCode.SPACE);
        assertFalse(runner().isPaused());

        TextField offset = robot.lookup("#offset-field").queryAs(TextField.class);
        robot.clickOn(offset);
        robot.interact(offset::end);
        robot.type(KeyCode.R).type(KeyCode.SPACE);

        assertEquals("-40r ", fx(offset::getText), "the keys went into the field");
        assertEquals(first + 1, runner().activeRunId());
        assertFalse(runner().isPaused());
        robot.type(KeyCode.ESCAPE);
        assertEquals("-40", fx(offset::getText));
    }

    @Test
    void aBrokenConfigIsReportedAndTheRunGoesOn(FxRobot robot) throws IOException {
        open(robot, SMALL);
        long runId = runner().activeRunId();
        Path broken = Files.writeString(folder.resolve("broken.json"),
                "{\"format\": \"spikefx-config\", \"version\": 1, \"params\": {\"n\": -5}}");
        String problem = assertThrows(ConfigException.class, () -> RunConfigFile.read(broken)).getMessage();

        robot.interact(() -> new FileActions(main).openConfig(broken));

        Label notice = robot.lookup("#notice").queryAs(Label.class);
        assertEquals("Not opened: " + problem, fx(notice::getText));
        assertTrue(fx(() -> notice.getPseudoClassStates().contains(PseudoClass.getPseudoClass("problem"))));
        robot.clickOn(notice);
        DialogPane whole = robot.lookup("#problem-dialog").queryAs(DialogPane.class);
        assertEquals("Not opened: " + problem, fx(whole::getContentText), "the message whole, in a dialog");
        robot.interact(() -> ((Stage) whole.getScene().getWindow()).close());
        assertEquals(runId, runner().activeRunId());
        assertEquals(SMALL, fx(main::running));
        long steps = simulatedSteps();
        waitUntil("the run goes on", () -> simulatedSteps() > steps);
    }

    @Test
    void aValidConfigRestartsOnceWithItsParametersAndView(FxRobot robot) throws IOException {
        open(robot, SMALL);
        long runId = runner().activeRunId();
        NetworkParameters params = SMALL.with(Parameter.OFFSET, -42).with(Parameter.SEED, 7);
        Path file = folder.resolve("saved.json");
        RunConfigFile.write(file, new RunConfig(params,
                new ViewSettings(List.of(4, 5), null, 2, ViewSettings.Theme.LIGHT, ViewSettings.RunMode.FIXED, 1.0, 2)));

        String statusAfterOpening = fx(() -> {
            new FileActions(main).openConfig(file);
            return main.status().getText();
        });

        assertEquals("Building the network of 300 neurons", statusAfterOpening, "a new seed needs a new network");
        assertEquals("Opened saved.json", fx(robot.lookup("#notice").queryAs(Label.class)::getText));
        assertEquals(runId + 1, runner().activeRunId());
        assertEquals(params, fx(main::running));
        assertEquals(params, fx(main.parameterPanel()::getParameters));
        assertArrayEquals(new int[] {4, 5}, fx(main.voltages()::shownNeurons));
        awaitBatchesOfTheActiveRun(5);
        assertOnlyTheActiveRunFromItsStart();

        robot.interact(() -> new FileActions(main).openConfig(file));
        assertEquals(runId + 2, runner().activeRunId(), "the same configuration again starts afresh");
    }

    @Test
    void darkThemeAndPresentationModeAreStyleClassesOfTheRoot(FxRobot robot) {
        open(robot, SMALL);
        SpikeRasterView raster = main.raster();

        robot.clickOn("View").clickOn("Dark theme");

        assertTrue(fx(() -> main.root().getStyleClass().contains("dark")));
        assertEquals(DARK_SPIKE_ARGB, fx(() -> argb(raster.spikeColorProperty().get())));
        robot.clickOn("View").clickOn("Dark theme");
        assertFalse(fx(() -> main.root().getStyleClass().contains("dark")));
        assertEquals(LIGHT_SPIKE_ARGB, fx(() -> argb(raster.spikeColorProperty().get())));

        robot.clickOn("View").clickOn("Dark theme");
        Region offTrack = robot.lookup("#continuous-switch .thumb-area").queryAs(Region.class);
        assertFalse(fx(() -> main.runSettings().continuousProperty().get()));
        assertTrue(fx(() -> luminance(offTrack)) < 0.25, "a switch that is off looks off in the dark theme");
        robot.clickOn("View").clickOn("Dark theme");
        assertTrue(fx(() -> luminance(offTrack)) > 0.75, "and light in the light theme");

        robot.clickOn("View").clickOn("Presentation mode");
        assertTrue(fx(() -> main.root().getStyleClass().contains("presentation")));
        assertTrue(fx(stage::isFullScreen));
        assertEquals("", fx(stage::getFullScreenExitHint), "no hint over the plots");
        assertEquals(MainWindow.LEAVE_FULL_SCREEN, fx(robot.lookup("#notice").queryAs(Label.class)::getText));
        robot.clickOn("View").clickOn("Presentation mode");
        assertFalse(fx(() -> main.root().getStyleClass().contains("presentation")));
    }

    @Test
    void inPresentationModeAt1280x720OneSpikeIsAtLeastFiftyPixelsTallAndEveryPlotKeepsItsHeight(FxRobot robot) {
        open(robot, SMALL);
        Map<PlotArea.Plot, Double> normal = panelHeights();
        robot.interact(() -> main.display().presentationModeProperty().set(true));
        // Full screen on a 1280 x 720 projector: the scene is the whole screen, whatever screen the tests have.
        robot.interact(() -> {
            stage.setFullScreen(false);
            stage.setWidth(PROJECTOR_WIDTH);
            stage.setHeight(PROJECTOR_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the traces are drawn", () -> fx(() -> main.voltages().layers().drawnPoints(0).length > 0));

        Map<PlotArea.Plot, Double> presentation = panelHeights();
        assertEquals(PROJECTOR_HEIGHT, fx(() -> stage.getScene().getHeight()), 0.5);
        @SuppressWarnings("unchecked")
        ValueAxis<Number> voltage = (ValueAxis<Number>) main.voltages().chart().getYAxis();
        double spike = fx(() -> voltage.getDisplayPosition(SPIKE_BOTTOM_MV) - voltage.getDisplayPosition(SPIKE_TOP_MV));
        assertTrue(spike >= 50, "one spike is " + spike + " px tall; panels " + presentation + ", voltage axis "
                + fx(voltage::getLowerBound) + " to " + fx(voltage::getUpperBound) + " over " + fx(voltage::getHeight) + " px");
        for (PlotArea.Plot plot : PlotArea.Plot.values()) {
            Region panel = fx(() -> main.plotArea().panel(plot));
            assertTrue(presentation.get(plot) >= fx(panel::getMinHeight) - 0.5, plot + " keeps its minimum height: "
                    + presentation);
            if (plot != PlotArea.Plot.VOLTAGES) {
                assertTrue(presentation.get(PlotArea.Plot.VOLTAGES) > presentation.get(plot),
                        "the voltage traces get the most room: " + presentation);
            }
        }
        assertTrue(presentation.get(PlotArea.Plot.VOLTAGES) >= 0.9 * normal.get(PlotArea.Plot.VOLTAGES),
                "larger text costs the traces little height: " + normal + " then " + presentation);
    }

    @Test
    void aRestartThatBuildsANetworkClearsThePreviousRunsCurvesAtOnce(FxRobot robot) {
        open(robot, SMALL);
        waitUntil("the run is drawn", () -> fx(() -> main.plotArea().statistics().statistics().totalSpikes() > 0
                && main.voltages().layers().drawnPoints(0).length > 0));

        // Still in the same pulse as the change: the new network is not built yet, nothing of the old run shows.
        List<Object> onScreen = fx(() -> {
            main.parameterPanel().setParameters(SMALL.with(Parameter.SEED, 7));
            // The points each plot's image draws at its next layout, in this same pulse.
            return List.of(pointsToDraw(main.voltages().layers()),
                    main.raster().raster().storedSpikes(), main.plotArea().statistics().statistics().totalSpikes(),
                    pointsToDraw(main.plotArea().rate().layers()), main.status().getText());
        });

        assertEquals(List.of(0, 0, 0L, 0, "Building the network of 300 neurons"), onScreen);
    }

    @Test
    void anyPlotFillsTheFigureOnADoubleClickOnItsTitleAndSharesItAgainOnTheNext(FxRobot robot) {
        open(robot, SMALL);
        Map<PlotArea.Plot, Double> shared = panelHeights();
        double figure = fx(() -> main.plotArea().getHeight());
        Node rasterTitle = fx(() -> main.plotArea().panel(PlotArea.Plot.RASTER).lookup(".plot-title"));

        doubleClick(robot, rasterTitle);

        assertEquals(PlotArea.Plot.RASTER, fx(() -> main.plotArea().maximisedProperty().get()));
        double alone = panelHeights().get(PlotArea.Plot.RASTER);
        assertTrue(alone > 0.95 * figure, "the raster fills the figure: " + alone + " of " + figure + " px");
        assertTrue(fx(() -> main.plotArea().panel(PlotArea.Plot.VOLTAGES).getScene()) == null, "the others are gone");
        assertTrue(fx(() -> main.raster().getXAxis().isTickLabelsVisible()), "the raster labels its time axis alone");

        doubleClick(robot, rasterTitle);

        assertEquals(null, fx(() -> main.plotArea().maximisedProperty().get()));
        Map<PlotArea.Plot, Double> restored = panelHeights();
        for (PlotArea.Plot plot : PlotArea.Plot.values()) {
            assertEquals(shared.get(plot), restored.get(plot), 1.5, plot + " back at its height " + restored);
        }
        assertFalse(fx(() -> main.raster().getXAxis().isTickLabelsVisible()), "the lowest plot labels the time axis");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5); // View > Plots > Statistics alone
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PlotArea.Plot.STATISTICS, fx(() -> main.plotArea().maximisedProperty().get()));
        assertTrue(panelHeights().get(PlotArea.Plot.STATISTICS) > 0.95 * figure);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0); // View > Plots > All plots
        assertEquals(shared.get(PlotArea.Plot.VOLTAGES), panelHeights().get(PlotArea.Plot.VOLTAGES), 1.5);
    }

    @Test
    void escapeInAFieldRevertsItAndStaysInFullScreenEscapeElsewhereLeavesIt(FxRobot robot) {
        open(robot, SMALL);
        robot.interact(() -> stage.setFullScreen(true));
        TextField offset = robot.lookup("#offset-field").queryAs(TextField.class);
        // Focused directly rather than clicked: the stage is still settling into full screen, and a
        // click's position in the field could be taken from its bounds before they settled.
        robot.interact(() -> {
            offset.requestFocus();
            offset.selectAll();
        });
        robot.write("-38").type(KeyCode.ESCAPE);

        assertEquals("-40", fx(offset::getText));
        assertTrue(fx(stage::isFullScreen), "Escape in a field only reverts the field");

        robot.interact(main.root()::requestFocus);
        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(stage::isFullScreen));
    }

    @Test
    void theWindowSpinnerTakesTypedWidthsRefusesBadOnesAndStepsTo60sInFiveClicks(FxRobot robot) {
        open(robot, SMALL);
        robot.interact(() -> main.runSettings().continuousProperty().set(true));
        Spinner<?> spinner = robot.lookup("#window-spinner").queryAs(Spinner.class);

        typeInto(robot, "#window-spinner .text-field", "7.5").type(KeyCode.ENTER);
        assertEquals(7.5, fx(() -> main.runSettings().windowSecondsProperty().get()));

        typeInto(robot, "#window-spinner .text-field", "100").type(KeyCode.ENTER);
        assertEquals(7.5, fx(() -> main.runSettings().windowSecondsProperty().get()));
        assertEquals("7.5", fx(spinner.getEditor()::getText));
        assertEquals("window = 100 s is not allowed: the window must be from 0.1 to 60 s",
                fx(robot.lookup("#notice").queryAs(Label.class)::getText));

        typeInto(robot, "#window-spinner .text-field", "abc");
        robot.clickOn("#offset-field"); // leaving the field commits it
        assertEquals("window = 'abc' is not a number: the window must be from 0.1 to 60 s",
                fx(robot.lookup("#notice").queryAs(Label.class)::getText));
        assertEquals("7.5", fx(spinner.getEditor()::getText));

        robot.interact(() -> main.runSettings().windowSecondsProperty().set(2));
        int clicks = 0;
        while (fx(() -> main.runSettings().windowSecondsProperty().get()) < 60 && clicks < 20) {
            robot.interact(() -> spinner.increment());
            clicks++;
        }
        assertEquals(5, clicks, "2, 5, 10, 20, 30, 60 s");
    }

    /**
     * A double click on the node's centre, as the window system reports it: one click event with a
     * click count of 2 (a robot's two clicks may lie too far apart in time on a busy machine).
     */
    private static void doubleClick(FxRobot robot, Node node) {
        robot.interact(() -> {
            Bounds bounds = node.getLayoutBounds();
            double x = bounds.getCenterX();
            double y = bounds.getCenterY();
            Point2D scene = node.localToScene(x, y);
            Point2D screen = node.localToScreen(x, y);
            Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(), scene.getY(), screen.getX(),
                    screen.getY(), MouseButton.PRIMARY, 2, false, false, false, false, true, false, false, true,
                    false, true, new PickResult(node, x, y)));
        });
    }

    /** The heights of the plots' panels once the figure has settled (its dividers are put back after a layout). */
    private Map<PlotArea.Plot, Double> panelHeights() {
        Map<PlotArea.Plot, Double> before = Map.of();
        for (int look = 0; look < 50; look++) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            Map<PlotArea.Plot, Double> now = fx(() -> {
                Map<PlotArea.Plot, Double> heights = new EnumMap<>(PlotArea.Plot.class);
                for (PlotArea.Plot plot : PlotArea.Plot.values()) {
                    heights.put(plot, main.plotArea().panel(plot).getHeight());
                }
                return heights;
            });
            if (now.equals(before)) {
                return now;
            }
            before = now;
        }
        throw new AssertionError("the plots never settled: " + before);
    }

    private static double luminance(Region region) {
        List<BackgroundFill> fills = region.getBackground().getFills();
        javafx.scene.paint.Color inside = (javafx.scene.paint.Color) fills.get(fills.size() - 1).getFill();
        return 0.2126 * inside.getRed() + 0.7152 * inside.getGreen() + 0.0722 * inside.getBlue();
    }

    /** Holds the screen's pulse until the queue is full: the restart that follows finds the old run's batches in it. */
    private void fillTheQueueWithTheOldRun(FxRobot robot) {
        robot.interact(main.pulse()::stop);
        waitUntil("the queue fills up", () -> runner().events().remainingCapacity() == 0);
    }

    // ---- what the window shows ----

    private SimulationRunner runner() {
        return main.runner();
    }

    /** Steps the statistics view has been given in this run: its "simulated time". */
    private long simulatedSteps() {
        return fx(() -> main.plotArea().statistics().statistics().elapsedSteps());
    }

    /**
     * Simulated steps once the simulation thread waits (paused) and every batch it sent is drawn:
     * whatever was still on its way when the pause began is counted.
     */
    private long settledSteps() {
        waitUntil("the simulation thread waits and its queue is drained", () ->
                runner().events().isEmpty() && simulationThreads().stream()
                        .allMatch(thread -> thread.getState() == Thread.State.WAITING));
        WaitForAsyncUtils.waitForFxEvents();
        return simulatedSteps();
    }

    private int batchesOfTheActiveRun() {
        long active = runner().activeRunId();
        return fx(() -> (int) recorder.batches().stream().filter(batch -> batch.runId() == active).count());
    }

    private void awaitBatchesOfTheActiveRun(int count) {
        waitUntil(count + " batches of the active run are drawn", () -> batchesOfTheActiveRun() >= count);
    }

    /** Since the last reset the views were given only the active run's batches, from step 0 on without a gap. */
    private void assertOnlyTheActiveRunFromItsStart() {
        List<Batch> batches = fx(recorder::batches);
        long active = runner().activeRunId();
        int nextStep = 0;
        for (Batch batch : batches) {
            assertEquals(active, batch.runId(), "run of a batch drawn after the restart");
            assertEquals(nextStep, batch.firstStep(), "first step of a batch");
            nextStep += batch.stepCount();
        }
    }

    private Image rasterImage() {
        return rasterImageView().getImage();
    }

    private ImageView rasterImageView() {
        return (ImageView) main.raster().lookup(".raster-image");
    }

    private static int spikeColouredPixels(Image image) {
        PixelReader pixels = image.getPixelReader();
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (pixels.getArgb(x, y) == LIGHT_SPIKE_ARGB) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * A drawn spike of a neuron whose trace is not shown yet, as {x, y, neuron}: the centre of a pixel
     * of its mark in the image, where the neuron picked is that neuron (no other spike covers the same pixel first).
     * The neuron axis covers the image's leftmost pixel column, so spikes there cannot be clicked.
     */
    private double[] clickableSpike() {
        SpikeRaster raster = main.raster().raster();
        int[] shown = main.voltages().shownNeurons();
        for (Batch batch : recorder.batches()) {
            for (int i = 0; i < batch.spikeCount(); i++) {
                int neuron = batch.spikeNeurons()[i];
                double x = raster.x(batch.spikeSteps()[i]) + 0.5;
                double y = (raster.topRow(neuron) + raster.bottomRow(neuron)) / 2 + 0.5;
                boolean notShown = Arrays.stream(shown).noneMatch(k -> k == neuron);
                boolean clearOfTheAxes = x >= AXIS_OVERLAP && x < raster.width() - AXIS_OVERLAP;
                if (notShown && clearOfTheAxes && raster.neuronAt(x, y) == neuron) {
                    return new double[] {x, y, neuron};
                }
            }
        }
        return null;
    }

    /** Points drawn at the last layout of the voltage trace of this neuron. */
    private int drawnPointsOf(int neuron) {
        LayerCanvas layers = main.voltages().layers();
        List<PlotLayer> shown = layers.layers();
        for (int k = 0; k < shown.size(); k++) {
            if (shown.get(k).name().equals(String.valueOf(neuron)) || shown.get(k).name().startsWith(neuron + " ")) {
                return layers.drawnPoints(k).length;
            }
        }
        throw new AssertionError("neuron " + neuron + " is not shown");
    }

    private static int pointsToDraw(LayerCanvas layers) {
        return layers.layers().stream().mapToInt(layer -> layer.source().size()).sum();
    }

    private static List<Thread> simulationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("simulation") && thread.isAlive()).toList();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int k = 0; k < 3; k++) {
            System.gc();
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static int argb(javafx.scene.paint.Color color) {
        return (int) Math.round(color.getOpacity() * 255) << 24 | (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255);
    }

    // ---- test plumbing ----

    private static FxRobot typeInto(FxRobot robot, String fieldId, String text) {
        TextField field = robot.lookup(fieldId).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        return robot.write(text);
    }
}
