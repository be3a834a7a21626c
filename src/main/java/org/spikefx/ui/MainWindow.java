package org.spikefx.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.scene.chart.ValueAxis;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.controlsfx.control.StatusBar;

import org.spikefx.Messages;
import org.spikefx.engine.ModelFactory;
import org.spikefx.export.RunConfig;
import org.spikefx.export.TrainingConfig;
import org.spikefx.export.ViewSettings;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.RunEvent;
import org.spikefx.run.SimulationRunner;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.model.ZoomWarmUp;
import org.spikefx.ui.params.ParameterPanel;
import org.spikefx.ui.training.RunnerCommands;
import org.spikefx.ui.training.TrainingModel;
import org.spikefx.ui.training.TrainingLayout;
import org.spikefx.ui.training.TrainingView;
import org.spikefx.ui.view.PopulationRateView;
import org.spikefx.ui.view.SpikeRasterView;
import org.spikefx.ui.view.VoltageTraceView;
import org.spikefx.ui.zoom.DetailLoader;
import org.spikefx.ui.zoom.TimeZoom;

/**
 * The main window: parameters on the left, run controls on top, the live views in the middle sharing
 * one time axis, a status bar below. Every committed parameter change restarts the run; the views
 * are fed by one {@link LivePulse}. Everything here runs on the FX thread and only ever asks the
 * runner to do things; the simulation itself runs on the runner's thread.
 */
public final class MainWindow {
    /** Queue length between simulation and screen: a few frames of batches, so memory stays bounded. */
    private static final int QUEUE_CAPACITY = 32;
    /** A network build is shown with a progress bar once it has taken this long. */
    private static final long SHOW_BUILD_AFTER_NANOS = 500_000_000L;
    /** Wide enough for a slider and an exact field; the rest of a 1280 px projector is for the plots. */
    private static final double PANEL_WIDTH = 380;
    /** Style classes whose sizes the style sheet fixes, so that a blank of the class holds the bar's place. */
    private static final String TOP_BAR = "top-bar";
    private static final String STATUS_BAR = "status-bar";
    /** Smallest window in which every plot keeps a readable height (a netbook's 1024 x 600 screen). */
    static final double MIN_WIDTH = 1000;
    static final double MIN_HEIGHT = 560;
    /** How the window runs the spontaneous network: on the cores its drawing leaves free. */
    static final ModelFactory SPONTANEOUS = ModelFactory.BALANCED_BESIDE_DRAWING;
    /** Threads that share each RLS update while the window draws: one core stays with the FX thread. */
    private static final int TRAINING_RLS_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    /** Seconds a run goes on after the training window, when Training mode lengthens a short run. */
    private static final double TRAINING_AFTER_SECONDS = 5;
    static final String LEAVE_FULL_SCREEN = "Full screen: Esc or F11 leaves it";

    private final Stage stage;
    private final SimulationRunner runner;
    private final TimeWindow window = TimeWindow.wholeRun(NetworkParameters.DEFAULTS.T());
    /** Made when first needed ({@link #parameterPanel()}); until then the last run's parameters are the window's. */
    private ParameterPanel parameterPanel;
    private final TraceChooser traces;
    private final PlotArea plots;
    private final VoltageTraceView voltages;
    private final SpikeRasterView raster;
    private final PopulationRateView rate;
    /** What the user wants of the run; the tool bar shows it, made only when first needed ({@link #controls}). */
    private final RunSettings settings = new RunSettings();
    private RunControls controls;
    private final StatusBar status = new StatusBar();
    private final Notices notices;
    private final BorderPane root = new BorderPane();
    /** The menus, the training mode and the run controls, in one row above the plots; made when first needed. */
    private HBox topBar;
    private final LivePulse pulse;
    private final FrameTimes frameTimes = new FrameTimes(100_000);
    /** Made when first needed ({@link #menus}): a launch makes them with the top bar, after the first spikes. */
    private WindowMenus menus;
    private final TimeZoom zoom = new TimeZoom(window);
    private final DetailLoader detail;
    private final TrainingModel training = new TrainingModel();
    private final TrainingLayout trainingLayout;
    /** Set while a config is applied: its parameters, not the mode change, start the run. */
    private boolean applyingConfig;

    private final DisplaySettings display = new DisplaySettings();
    private NetworkParameters running;
    private long restartedAt;
    private Consumer<String> runEnded = failure -> { };
    private Consumer<RunEvent.RunStarted> runStarted = started -> { };
    /** Pulses from the first batch's to the one that brings the first part held back (plots first). */
    private static final int PULSES_BEFORE_CONTROLS = 2;
    /** Whether the bars and the parameter panel join the window only once the first spikes are on screen. */
    private boolean plotsFirst;
    /** What holds their places until then. */
    private final HeldPlaces held = new HeldPlaces();

    public MainWindow(Stage stage) {
        this(stage, newRunner());
    }

    /** A window whose runner exists already, perhaps building the first network ({@link SimulationRunner#buildAhead}). */
    MainWindow(Stage stage, SimulationRunner runner) {
        this.stage = stage;
        this.runner = runner;
        traces = new TraceChooser(runner, () -> currentParameters().n());
        plots = new PlotArea(window, traces.bar());
        voltages = plots.voltages();
        raster = plots.raster();
        rate = plots.rate();
        // The views show the display settings and change them; a saved configuration is read from these.
        display.rateBinMillisecondsProperty().bindBidirectional(rate.binChooser().valueProperty());
        display.selectedNeuronProperty().bindBidirectional(raster.selectedNeuronProperty());
        pulse = new LivePulse(runner, plots.views(), new StatusUpdater(), frameTimes);
        plots.pins().setReporter(this::showNotice);
        detail = new DetailLoader(plots, window, pulse::requestRedraw);
        installZoom();
        whenFirstSpikesAreOnScreen();
        training.setCommands(new RunnerCommands(runner));
        trainingLayout = new TrainingLayout(training, window, stage, pulse::addView, PANEL_WIDTH);

        root.getStyleClass().add("spikefx");
        root.setCenter(plots);
        status.setText("Starting");
        notices = new Notices(stage);
        status.getRightItems().addAll(detail.indicator(), notices.label());

        settings.pausedProperty().addListener((observable, old, paused) -> {
            if (paused) {
                runner.pause();
                status.setText(pausedAt(window.newest()));
            } else {
                runner.resume();
                status.setText("Running");
            }
        });
        settings.speedProperty().addListener((observable, old, speed) -> runner.setSpeed(speed));
        settings.continuousProperty().addListener((observable, old, continuous) -> restart());
        settings.windowSecondsProperty().addListener((observable, old, seconds) -> {
            if (window.isFollowing()) {
                double newest = window.newest(); // a new width, not a new run: stay at the newest time
                window.follow(seconds.doubleValue());
                window.advanceTo(newest);
            }
        });
        training.modeProperty().addListener((observable, old, mode) -> modeChanged(mode));
        training.parametersProperty().addListener((observable, old, settings) -> {
            if (training.isTraining()) {
                restart();
            }
        });
        runner.setSpeed(settings.speedProperty().get());
        traces.attach(plots, new int[] {0, 1, 2});
    }

    /**
     * Has {@link #show} draw the plots first and add the top bar, the status bar and the parameter panel
     * once the frame with the first batch has been painted: their dozens of controls take about as long
     * to make, style and lay out as the plots, and a launch shows the network sooner without waiting for
     * them. Blanks of their sizes hold their places ({@link HeldPlaces}), so nothing moves when they come.
     */
    void showPlotsFirst() {
        plotsFirst = true;
    }

    /** Puts the bars and the parameter panel where blanks hold their places, and shows the histograms. */
    private void revealControls() {
        held.fill();
        plots.statistics().showHistograms();
    }

    /** A runner as the window needs it, to be given to {@link #MainWindow(Stage, SimulationRunner)}. */
    static SimulationRunner newRunner() {
        return new SimulationRunner(QUEUE_CAPACITY);
    }

    /**
     * Shows the window, filling the screen up to 1920 x 1080 px or at the size it had when last
     * closed ({@link WindowPlacement}), and starts the given parameters at once.
     */
    public void show(NetworkParameters params) {
        WindowPlacement.apply(stage);
        show(params, new Scene(root));
    }

    /** ... in a window of this size, whatever the screen and the saved size. */
    void show(NetworkParameters params, int width, int height) {
        stage.setMaximized(false); // an explicit size: a stage maximised before would otherwise stay so
        show(params, new Scene(root, width, height));
        stage.sizeToScene(); // a stage that showed a larger scene before keeps its size otherwise
    }

    private void show(NetworkParameters params, Scene scene) {
        Themes.install(scene);
        display.darkThemeProperty().addListener((observable, old, dark) -> Themes.setDark(scene, dark));
        display.presentationModeProperty().addListener((observable, old, on) -> {
            Themes.setPresentation(scene, on);
            stage.setFullScreen(on);
        });
        // JavaFX's own hint would sit over the middle of the plots, and its Escape would leave full
        // screen even while Escape only reverts a typed value: the status bar says how to leave instead.
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.fullScreenProperty().addListener((observable, was, fullScreen) -> {
            if (fullScreen) {
                showNotice(LEAVE_FULL_SCREEN);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        frameTimes.watch(scene);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(event -> close());
        if (plotsFirst) {
            held.hold(root.topProperty(), this::topBar, TOP_BAR);
            held.hold(root.bottomProperty(), () -> status, STATUS_BAR);
            Region panel = held.hold(root.leftProperty(), this::parameterPanel, ParameterPanel.STYLE_CLASS);
            panel.setPrefWidth(PANEL_WIDTH);
            panel.setMinWidth(PANEL_WIDTH);
            plots.statistics().holdHistograms();
        } else {
            root.setTop(topBar());
            root.setBottom(status);
            root.setLeft(parameterPanel());
        }
        stage.show();
        // The keys act on the run and the plots from the start: JavaFX would give the focus to the first
        // control it finds, and in a launch's first frame that is the traces' field, which takes them as text.
        root.requestFocus();
        pulse.start();
        if (parameterPanel == null) {
            restart(params); // the panel, made later, shows the run's parameters
            return;
        }
        parameterPanel.setParameters(params);
        if (running == null) {
            restart(params); // the panel commits nothing when the parameters are its defaults already
        }
    }

    /** Every time plot zooms and pans the one window; the views redraw when it moves, run or not. */
    private void installZoom() {
        zoom.install(voltages.chart(), (ValueAxis<Number>) voltages.chart().getXAxis(), voltages::showBand);
        zoom.install(raster, raster.timeAxis(), raster::showBand);
        zoom.install(rate.chart(), (ValueAxis<Number>) rate.chart().getXAxis(), null);
        zoom.install(plots.balance().chart(), (ValueAxis<Number>) plots.balance().chart().getXAxis(),
                plots.balance()::showBand);
        pulse.watch(window);
        pulse.afterEachPulse(detail::check);
    }

    /**
     * What waits until the first spikes are on screen, so that the start shows them sooner: the bars, the
     * parameter panel and the histograms held back by a launch ({@link #showPlotsFirst}), and the zoom's model code
     * compiled on made-up data in the background, so that the first gesture is as smooth as later ones.
     * The parts come one a pulse, top to bottom: making and styling all of them at once held the plots
     * still for more than a second on two cores, and this way the run moves on between them.
     */
    private void whenFirstSpikesAreOnScreen() {
        int[] pulsesWithRun = {0};
        boolean[] done = {false};
        pulse.afterEachPulse(() -> {
            // The frame of the first batch is painted by the end of the next pulse, which waits for it.
            if (done[0] || window.newest() <= 0 || ++pulsesWithRun[0] <= PULSES_BEFORE_CONTROLS) {
                return;
            }
            if (held.fillNext()) {
                return;
            }
            plots.statistics().showHistograms();
            ZoomWarmUp.startOnce();
            done[0] = true;
        });
    }

    // ---- running ----

    /** Restarts with the current parameters (R, the Restart button, a change of run mode). */
    void restart() {
        restart(currentParameters());
    }

    /** The parameters in the panel, or, before the panel is made, those of the last run (the defaults before any). */
    private NetworkParameters currentParameters() {
        if (parameterPanel != null) {
            return parameterPanel.getParameters();
        }
        return running != null ? running : NetworkParameters.DEFAULTS;
    }

    private void restart(NetworkParameters params) {
        if (running != null && params.nrec() != running.nrec()
                && params.equals(running.with(Parameter.NREC, params.nrec()))) {
            // nrec only says which neurons the command line and data export record; the window shows its own.
            running = params;
            return;
        }
        boolean rebuild = running == null || !running.sameNetworkAs(params);
        running = params;
        traces.keepNeuronsOf(params.n());
        restartedAt = System.nanoTime();
        runner.setContinuous(settings.continuousProperty().get());
        if (settings.continuousProperty().get()) {
            window.follow(settings.windowSecondsProperty().get());
        } else {
            window.showWholeRun(params.T());
        }
        traces.tellRunner();
        if (!startRunner(params)) {
            return;
        }
        pulse.newRun(params.n(), params.dt());
        plots.pins().board().currentProperty().set(params);
        training.newRun(params.dt());
        trainingLayout.newRun(params);
        detail.newRun(params);
        voltages.setNeuronModel(params.vpeak(), params.vreset(), params.tref());
        status.setProgress(0);
        status.setText(rebuild ? "Building the network of " + params.n() + " neurons" : "Running");
        stage.setTitle("SpikeFX — " + describe(params));
    }

    /**
     * Starts the spontaneous or the trained network; false (with the reason in the status bar) if the
     * training's target cannot be read.
     */
    private boolean startRunner(NetworkParameters params) {
        if (!training.isTraining()) {
            runner.start(params, SPONTANEOUS);
            return true;
        }
        try {
            runner.start(params, training.factory(TRAINING_RLS_THREADS));
            return true;
        } catch (java.io.IOException | IllegalArgumentException refused) {
            showProblem(Messages.reason(refused));
            return false;
        }
    }

    /**
     * Training mode adds the training plot above the others and the training controls under the
     * parameters. A run shorter than the training window becomes the paper's task, 15 s long.
     */
    private void modeChanged(TrainingModel.Mode mode) {
        boolean on = mode == TrainingModel.Mode.TRAINING;
        if (!on) {
            training.loadDecoder(null);
        }
        // Spontaneous mode has the window's own layout; Training mode adds to it.
        trainingLayout.layOut(on, root, parameterPanel(), plots);
        if (applyingConfig) {
            return; // the config's own parameters start the run
        }
        NetworkParameters params = currentParameters();
        double stop = training.parametersProperty().get().trainStop();
        if (on && params.T() <= stop && training.loadedDecoderProperty().get() == null) {
            parameterPanel().setParameters(params.with(Parameter.T, stop + TRAINING_AFTER_SECONDS)); // restarts
        } else {
            restart();
        }
    }

    private void savePlotsImage() {
        menus().savePlotsImage();
    }

    void togglePause() {
        settings.pausedProperty().set(!settings.pausedProperty().get());
    }

    private void stepOneMillisecond() {
        runner.step(Math.max(1, (int) Math.rint(0.001 / running.dt())));
    }

    private static String pausedAt(double simulatedSeconds) {
        return String.format(Locale.ROOT, "Paused at t = %.3f s: Space resumes, Step 1 ms advances", simulatedSeconds);
    }

    static String describe(NetworkParameters params) {
        return String.format(Locale.ROOT, "n = %d, p = %s, g = %s, offset = %s mV, seed %d", params.n(),
                Parameter.format(params.p()), Parameter.format(params.g()), Parameter.format(params.offset()),
                params.seed());
    }

    // ---- keyboard ----

    private void shortcut(KeyEvent event) {
        boolean typing = stage.getScene().getFocusOwner() instanceof TextInputControl;
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        if (event.getCode() == KeyCode.F11) {
            stage.setFullScreen(!stage.isFullScreen());
            event.consume();
        } else if (typing) {
            return; // Space, R and Escape belong to the field: Escape reverts its text
        }
        if (event.getCode() == KeyCode.ESCAPE && stage.isFullScreen()) {
            stage.setFullScreen(false);
            event.consume();
        } else if (event.getCode() == KeyCode.SPACE) {
            togglePause();
            event.consume();
        } else if (event.getCode() == KeyCode.R) {
            restart();
            event.consume();
        } else if (zoom.key(event)) {
            event.consume();
        }
    }

    // ---- configurations ----

    /** Shows a saved configuration and restarts with its parameters. */
    void apply(RunConfig config) {
        ViewSettings view = config.view();
        display.darkThemeProperty().set(view.theme() == ViewSettings.Theme.DARK);
        settings.speedProperty().set(view.speed() == null ? Double.POSITIVE_INFINITY : view.speed());
        settings.windowSecondsProperty().set(view.windowSeconds());
        display.rateBinMillisecondsProperty().set((int) view.rateBinMs());
        if (!view.voltageNeurons().isEmpty()) {
            traces.show(view.voltageNeurons().stream().mapToInt(Integer::intValue).toArray());
        }
        display.selectedNeuronProperty().set(view.selectedNeuron());
        boolean continuous = view.runMode() == ViewSettings.RunMode.CONTINUOUS;
        if (settings.continuousProperty().get() != continuous) {
            settings.continuousProperty().set(continuous); // restarts
        }
        TrainingConfig trainingConfig = config.training();
        training.loadTrained(trainingConfig == null ? null : trainingConfig.decoder(),
                trainingConfig == null ? null : trainingConfig.state());
        if (trainingConfig != null) {
            training.parametersProperty().set(trainingConfig.parameters()); // may restart: the run below replaces it
        }
        TrainingModel.Mode mode = trainingConfig == null ? TrainingModel.Mode.SPONTANEOUS : TrainingModel.Mode.TRAINING;
        if (training.modeProperty().get() != mode) {
            applyingConfig = true;
            try {
                training.modeProperty().set(mode);
            } finally {
                applyingConfig = false;
            }
        }
        boolean panelRestarts = !config.params().equals(parameterPanel().getParameters());
        parameterPanel().setParameters(config.params());
        if (!panelRestarts) {
            restart(config.params()); // the panel commits nothing when its parameters are these already
        }
    }

    /** The running parameters and how the window shows them, as a config file stores them. */
    RunConfig currentConfig() {
        double speed = settings.speedProperty().get();
        ViewSettings view = new ViewSettings(Arrays.stream(voltages.shownNeurons()).boxed().toList(),
                display.selectedNeuronProperty().get(), display.rateBinMillisecondsProperty().get(),
                display.darkThemeProperty().get() ? ViewSettings.Theme.DARK : ViewSettings.Theme.LIGHT,
                settings.continuousProperty().get() ? ViewSettings.RunMode.CONTINUOUS : ViewSettings.RunMode.FIXED,
                Double.isInfinite(speed) ? null : speed, settings.windowSecondsProperty().get());
        return new RunConfig(running, view,
                training.isTraining() ? new TrainingConfig(training.parametersProperty().get(), null) : null);
    }

    /**
     * {@link #currentConfig()} with, in Training mode, the running network's decoder, copied on the
     * simulation thread between two steps (unless nothing has been learnt: a decoder of zeros is not saved).
     */
    CompletableFuture<RunConfig> currentConfigWithDecoder() {
        RunConfig config = currentConfig();
        if (config.training() == null) {
            return CompletableFuture.completedFuture(config);
        }
        TrainingConfig settings = config.training();
        return training.commands().snapshot().thenApply(snapshot -> new RunConfig(config.params(), config.view(),
                snapshot.untrained() ? new TrainingConfig(settings.parameters(), null)
                        : new TrainingConfig(settings.parameters(), snapshot.decoder(), snapshot.state())));
    }

    /** A problem the user should see (a broken file, a full disk), in the status bar ({@link Notices}); the run goes on. */
    void showProblem(String message) {
        notices.showProblem(message);
    }

    /** News of file work (saved, exported), in the status bar for a few seconds ({@link Notices}). */
    void showNotice(String message) {
        notices.showNotice(message);
    }

    /** Steps simulated so far in the run on screen. */
    int simulatedSteps() {
        return (int) Math.round(window.newest() / running.dt());
    }

    // ---- accessors for menus, export and tests ----

    /** How the window shows the run: the theme, presentation mode, the rate's bins, the neuron picked. */
    DisplaySettings display() {
        return display;
    }

    /** The training mode, its settings and what the trained network reports. */
    TrainingModel training() {
        return training;
    }

    TrainingView trainingView() {
        return trainingLayout.view();
    }

    PlotArea plotArea() {
        return plots;
    }

    Stage stage() {
        return stage;
    }

    BorderPane root() {
        return root;
    }

    /**
     * The parameter panel, made the first time it is needed: a launch paints its first spikes before it
     * makes the panel's dozens of controls, each row with its tooltips (half of the window's constructor).
     * A panel made after a run has started shows that run's parameters.
     */
    ParameterPanel parameterPanel() {
        if (parameterPanel == null) {
            parameterPanel = new ParameterPanel();
            parameterPanel.setPrefWidth(PANEL_WIDTH);
            parameterPanel.setMaxWidth(PANEL_WIDTH);
            if (running != null) {
                parameterPanel.setParameters(running); // before the listener: showing the run does not restart it
            }
            parameterPanel.parametersProperty().addListener((observable, old, params) -> restart(params));
        }
        return parameterPanel;
    }

    /** What the user wants of the run, which the tool bar shows. */
    RunSettings runSettings() {
        return settings;
    }

    /** The tool bar of the run, made when first asked for (a launch makes it after the first spikes). */
    RunControls controls() {
        if (controls == null) {
            controls = new RunControls(settings, this::restart, this::stepOneMillisecond, this::savePlotsImage,
                    this::showProblem);
        }
        return controls;
    }

    /** The menus, the training mode and the run's tool bar, in one row: every pixel of height goes to the plots. */
    private HBox topBar() {
        if (topBar == null) {
            ChoiceBox<TrainingModel.Mode> modeChoice = new ChoiceBox<>();
            modeChoice.setId("mode-choice");
            modeChoice.getItems().setAll(TrainingModel.Mode.values());
            modeChoice.valueProperty().bindBidirectional(training.modeProperty());
            modeChoice.setTooltip(new Tooltip("Spontaneous: the balanced network as it is. Training: FORCE teaches it"
                    + " to produce a signal"));
            modeChoice.getStyleClass().add("mode-choice");
            modeChoice.setMinWidth(Region.USE_PREF_SIZE);
            menus().acceptDroppedConfigs(stage.getScene()); // a file dropped on the window opens as a configuration
            topBar = new HBox(menus().bar(), modeChoice, controls());
            topBar.getStyleClass().add(TOP_BAR);
            HBox.setHgrow(controls(), Priority.ALWAYS);
            menus().bar().setMinWidth(Region.USE_PREF_SIZE); // the menus keep their names; the tool bar overflows
        }
        return topBar;
    }

    SimulationRunner runner() {
        return runner;
    }

    WindowMenus menus() {
        if (menus == null) {
            menus = new WindowMenus(this);
            menus.bar().getMenus().add(zoom.menu());
        }
        return menus;
    }

    VoltageTraceView voltages() {
        return voltages;
    }

    SpikeRasterView raster() {
        return raster;
    }

    StatusBar status() {
        return status;
    }

    LivePulse pulse() {
        return pulse;
    }

    /** Zoom and pan in time. */
    TimeZoom zoom() {
        return zoom;
    }

    DetailLoader detail() {
        return detail;
    }

    FrameTimes frameTimes() {
        return frameTimes;
    }

    NetworkParameters running() {
        return running;
    }

    /**
     * Runs the action whenever a run has finished (with null) or failed (with the reason), used to draw
     * the whole window headless.
     */
    void whenRunEnds(Consumer<String> action) {
        runEnded = action;
    }

    /** Runs the action whenever a run has started (its network built), used to time the start. */
    void whenRunStarts(Consumer<RunEvent.RunStarted> action) {
        runStarted = action;
    }

    /** Stops the simulation thread; the window is going away. */
    void close() {
        pulse.stop();
        runner.close();
        detail.close();
    }

    /** Shows what the runner reports in the status bar and the controls. */
    private final class StatusUpdater implements LivePulse.RunListener {
        @Override
        public void networkBuilding(double fraction) {
            if (System.nanoTime() - restartedAt > SHOW_BUILD_AFTER_NANOS) {
                status.setText(String.format(Locale.ROOT, "Building the network of %d neurons: %.0f %%",
                        running.n(), 100 * fraction));
                status.setProgress(fraction);
            }
        }

        @Override
        public void started(RunEvent.RunStarted started) {
            String state = settings.pausedProperty().get() ? "Paused at t = 0: Space starts" : "Running";
            status.setText(switch (started.network()) {
                case BUILT -> String.format(Locale.ROOT, "%s (network built in %.2f s)", state, started.buildSeconds());
                case READ -> String.format(Locale.ROOT, "%s (network read, not built: %.2f s)",
                        state, started.buildSeconds());
                case REUSED -> state;
            });
            status.setProgress(0);
            runStarted.accept(started);
        }

        @Override
        public void advanced(double simulatedSeconds, double realTimeFactor) {
            plots.statistics().setRealTimeFactor(realTimeFactor);
            if (settings.pausedProperty().get()) {
                // What was already on its way when the pause began, or a single step.
                status.setText(pausedAt(simulatedSeconds));
            } else if (window.isFollowing()) {
                status.setText(String.format(Locale.ROOT, "Running: t = %.2f s", simulatedSeconds));
            } else {
                status.setText(String.format(Locale.ROOT, "Running: t = %.2f s of %s s", simulatedSeconds,
                        Parameter.format(running.T())));
                status.setProgress(simulatedSeconds / running.T());
            }
        }

        @Override
        public void finished(RunEvent.RunFinished finished) {
            status.setText(String.format(Locale.ROOT, "Finished: %s s simulated. R runs it again.",
                    Parameter.format(running.T())));
            status.setProgress(0);
            runEnded.accept(null);
        }

        @Override
        public void failed(RunEvent.RunFailed failed) {
            revealControls(); // a run that delivered nothing must not keep the controls away
            status.setText("Stopped: " + failed.message());
            status.setProgress(0);
            runEnded.accept(failed.message());
        }
    }
}
