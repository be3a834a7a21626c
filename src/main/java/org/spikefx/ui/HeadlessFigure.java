package org.spikefx.ui;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import java.util.logging.Logger;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.spikefx.Messages;
import org.spikefx.export.AnimatedGif;
import org.spikefx.export.AtomicFile;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameters;
import org.spikefx.run.RunEvent;
import org.spikefx.run.SimulationRunner;
import org.spikefx.ui.export.FigureFormat;
import org.spikefx.ui.export.FigureView;
import org.spikefx.ui.export.Screenshot;
import org.spikefx.ui.export.SvgFigure;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.training.TrainingModel;
import org.spikefx.ui.training.TrainingView;
import org.spikefx.ui.view.RunView;

/**
 * The window's figure of a whole run, drawn without a display: the {@code render} command. The run goes
 * the way it goes in the window, on the runner's thread at full speed into a {@link LivePulse} that
 * feeds the {@link PlotArea}'s views (or, for a trained network, the {@link TrainingView}); when it has
 * finished, the figure is saved as the window would save it. JavaFX starts here on its headless
 * platform if it is not running yet, and stops again afterwards.
 */
public final class HeadlessFigure {
    private static final int QUEUE_CAPACITY = 32;
    /** Monocle's headless screen unless told otherwise: the window of {@code render --window} is made no smaller. */
    private static final int HEADLESS_SCREEN_WIDTH = 1280;
    private static final int HEADLESS_SCREEN_HEIGHT = 800;
    /** Style class of a figure's root; the theme lets its plots shrink to any size {@code render} allows. */
    static final String FIGURE_STYLE = "figure-root";
    /** Held here, as java.util.logging keeps its loggers only weakly and would forget the filter. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static final System.Logger LOG = System.getLogger(HeadlessFigure.class.getName());
    /**
     * The first failure thrown on the FX thread while a figure is made (running out of memory as the
     * views take a long run in), which would otherwise print its trace and leave a figure with holes.
     */
    private static final AtomicReference<Throwable> FX_FAILURE = new AtomicReference<>();
    /** How often a wait for the run's end looks for such a failure. */
    private static final long FX_FAILURE_POLL_MILLIS = 100;

    private final NetworkParameters params;
    /** The plot area of a spontaneous run, or null for a trained one. */
    private final PlotArea plots;
    /** What is drawn: the plot area, or the training plot. */
    private final Parent figure;
    private final LivePulse pulse;
    private final SimulationRunner runner;
    /** The figure's time axis; its newest time says how far the drawn run has come. */
    private final TimeWindow timeWindow;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String failure;

    /**
     * Runs the network from its initial state to T and writes the figure, {@code width} x {@code height}
     * pixels on screen, as PNG ({@code scale} times as many pixels each way) or SVG.
     *
     * @param progress receives the fraction of the run done, on the FX thread
     * @throws IOException           if the run fails or the file cannot be written
     * @throws CancellationException if the calling thread is interrupted
     */
    public static void render(NetworkParameters params, int width, int height, int scale, Path out,
                              DoubleConsumer progress) throws IOException {
        render(params, 0, params.T(), null, width, height, scale, out, progress);
    }

    /**
     * Runs the network from its initial state up to {@code to} and writes the figure of the time window
     * from {@code from} to {@code to}, of all views or of one: the steps from round(from / dt) up to, not
     * including, round(to / dt), every one of them drawn however narrow the window (a step is a pixel
     * column or more once the window has fewer steps than the plot has columns).
     *
     * @param view     the one view to draw, or null for the whole plot area
     * @param progress receives the fraction of the run done, on the FX thread
     * @throws IllegalArgumentException if the window holds no step or is not within 0 to T
     * @throws IOException              if the run fails or the file cannot be written
     * @throws CancellationException    if the calling thread is interrupted
     */
    public static void render(NetworkParameters params, double from, double to, FigureView view, int width,
                              int height, int scale, Path out, DoubleConsumer progress) throws IOException {
        if (view == FigureView.TRAINING) {
            throw new IllegalArgumentException("the training plot needs the training parameters: renderTraining");
        }
        render(params, null, from, to, view, width, height, scale, out, progress);
    }

    /**
     * Trains the network from its initial state up to {@code to}, as the window's Training mode does,
     * and writes the training plot of the time window from {@code from} to {@code to} as PNG: the target
     * and the readout z, the error beneath, the training and the time after it shaded, ‖φ‖ and the RLS
     * updates in its header.
     *
     * @param progress receives the fraction of the run done, on the FX thread
     * @throws IllegalArgumentException if the window holds no step or is not within 0 to T, or if
     *                                  {@code out} is not a PNG file (the plot is drawn in pixels)
     * @throws IOException              if a CSV target cannot be read, the run fails or the file cannot be written
     * @throws CancellationException    if the calling thread is interrupted
     */
    public static void renderTraining(NetworkParameters params, TrainingParameters training, double from, double to,
                                      int width, int height, int scale, Path out, DoubleConsumer progress)
            throws IOException {
        if (FigureFormat.of(out) != FigureFormat.PNG) {
            throw new IllegalArgumentException("the training plot is drawn in pixels: ask for a PNG, not " + out);
        }
        render(params, Objects.requireNonNull(training, "training"), from, to, FigureView.TRAINING, width,
                height, scale, out, progress);
    }

    /** The run of either kind, trained when {@code training} is given, and its figure written. */
    private static void render(NetworkParameters params, TrainingParameters training, double from, double to,
                               FigureView view, int width, int height, int scale, Path out,
                               DoubleConsumer progress) throws IOException {
        FigureFormat format = FigureFormat.of(out);
        requireWindow(params, from, to);
        withFigure(params, training, from, to, view, width, height, progress, false, figure -> {
            figure.awaitEnd();
            if (figure.plots == null) {
                Screenshot.writePng(onFxThread(() -> Screenshot.of(figure.figure, scale)), out);
            } else if (format == FigureFormat.PNG) {
                WritableImage image = onFxThread(() -> Screenshot.ofPlots(figure.plots, scale));
                Screenshot.writePng(image, out);
            } else {
                onFxThread(() -> new SvgFigure(figure.plots, scale)).write(out);
            }
            return null;
        });
    }

    /** What is done with a figure once its run has started: wait for it, draw it, write it. */
    @FunctionalInterface
    private interface FigureWork<T> {
        T drawWith(HeadlessFigure figure) throws IOException;
    }

    /**
     * Starts JavaFX if needed, makes the figure on the FX thread with a runner of its own, does the
     * work, then stops the figure's pulse, the runner, and JavaFX if it was started here.
     */
    private static <T> T withFigure(NetworkParameters params, TrainingParameters training, double from, double to,
                                    FigureView view, int width, int height, DoubleConsumer progress,
                                    boolean stepwise, FigureWork<T> work) throws IOException {
        boolean startedHere = startToolkit();
        Thread.UncaughtExceptionHandler previous = catchFxFailures();
        try (SimulationRunner runner = new SimulationRunner(QUEUE_CAPACITY)) {
            HeadlessFigure figure = onFxThread(() -> new HeadlessFigure(runner, params, training, from, to, view, width,
                    height, progress, stepwise));
            try {
                return work.drawWith(figure);
            } finally {
                onFxThread(() -> {
                    figure.pulse.stop();
                    return null;
                });
            }
        } finally {
            releaseFxFailures(previous);
            if (startedHere) {
                Platform.exit();
            }
        }
    }

    /**
     * Runs the network from its initial state up to {@code to} and writes an animated GIF of the plots
     * (or of one view) over the time window from {@code from} to {@code to}, as the window shows a run
     * coming in: frame k shows the run up to step round((from + (k + 1) / fps) / dt), so the animation
     * plays the run in real time at {@code fps} frames per second. The run is advanced to each frame's
     * step exactly and waits there while the frame is drawn: no frame is missed and none depends on the
     * machine's speed. Each frame is {@code scale} times {@code width} x {@code height} pixels.
     *
     * @param progress receives the fraction of the frames done
     * @return the number of frames written
     * @throws IllegalArgumentException if the window holds no step or is not within 0 to T, or the rate
     *                                  is not one a GIF shows
     * @throws IOException              if the run fails or the file cannot be written
     * @throws CancellationException    if the calling thread is interrupted
     */
    public static int renderAnimation(NetworkParameters params, double from, double to, double fps, FigureView view,
                                      int width, int height, int scale, Path out, DoubleConsumer progress)
            throws IOException {
        if (view == FigureView.TRAINING) {
            throw new IllegalArgumentException("an animation draws the spontaneous network's plots, not the training plot");
        }
        requireWindow(params, from, to);
        int frames = animationFrames(from, to, fps);
        return withFigure(params, null, from, to, view, width, height, fraction -> { }, true, figure -> {
            int[] written = new int[1];
            AtomicFile.write(out, stream -> {
                try (AnimatedGif gif = new AnimatedGif(stream, fps)) {
                    for (int k = 0; k < frames; k++) {
                        figure.advanceTo((int) Math.rint((from + (k + 1) / fps) / params.dt()));
                        WritableImage frame = onFxThread(() -> Screenshot.ofPlots(figure.plots, scale));
                        gif.add(SwingFXUtils.fromFXImage(frame, null));
                        progress.accept((k + 1.0) / frames);
                    }
                    written[0] = gif.frames();
                }
            });
            return written[0];
        });
    }

    /** How many frames an animation of {@code from} to {@code to} at {@code fps} has: one per 1/fps s, at least one. */
    public static int animationFrames(double from, double to, double fps) {
        return Math.max(1, (int) Math.floor((to - from) * fps + 1e-9));
    }

    /**
     * Lets the paused run go on to {@code step} (or its end, if earlier) and waits until the figure has
     * drawn every step before it.
     */
    private void advanceTo(int step) throws IOException {
        int target = Math.min(step, params.steps());
        int done = onFxThread(() -> (int) Math.rint(timeWindow.newest() / params.dt()));
        if (target > done) {
            runner.step(target - done);
        }
        while (onFxThread(() -> (int) Math.rint(timeWindow.newest() / params.dt())) < target) {
            if (failure != null) {
                throw new IOException("the run failed: " + failure);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new CancellationException("render interrupted");
            }
        }
    }

    /** Refuses a window that is not within 0 to T or holds no step. */
    private static void requireWindow(NetworkParameters params, double from, double to) {
        if (!(from >= 0 && from < to && to <= params.T()
                && Math.rint(from / params.dt()) < Math.rint(to / params.dt()))) {
            throw new IllegalArgumentException("a figure's window must hold at least one step within 0 to T = "
                    + Parameter.format(params.T()) + " s, not " + from + " s to " + to + " s");
        }
    }

    /**
     * Runs the network to T in the whole window (parameter panel, controls, plots, status bar) at full
     * speed and writes it as PNG, {@code scale} times {@code width} x {@code height} pixels: the window
     * as a user sees it at the end of the run, made without a display.
     *
     * @throws IOException           if the file cannot be written
     * @throws CancellationException if the calling thread is interrupted
     */
    public static void renderWindow(NetworkParameters params, int width, int height, int scale, Path out)
            throws IOException {
        boolean startedHere = startToolkit(width, height);
        Thread.UncaughtExceptionHandler previous = catchFxFailures();
        try {
            CountDownLatch runEnded = new CountDownLatch(1);
            String[] failure = new String[1];
            MainWindow window = onFxThread(() -> {
                MainWindow main = new MainWindow(new Stage());
                main.runSettings().speedProperty().set(Double.POSITIVE_INFINITY);
                main.whenRunEnds(reason -> {
                    failure[0] = reason;
                    runEnded.countDown();
                });
                main.show(params, width, height);
                return main;
            });
            WritableImage image;
            try {
                awaitOrFxFailure(runEnded);
                if (failure[0] != null) {
                    // A picture of the window saying so would not be the figure asked for.
                    throw new IOException("the run failed: " + failure[0]);
                }
                image = onFxThread(() -> Screenshot.of(window.root(), scale));
            } catch (InterruptedException e) {
                throw new CancellationException("render interrupted");
            } finally {
                onFxThread(() -> {
                    window.stage().close();
                    return null;
                });
            }
            Screenshot.writePng(image, out);
        } finally {
            releaseFxFailures(previous);
            if (startedHere) {
                Platform.exit();
            }
        }
    }

    /**
     * From now on, a failure thrown on the FX thread is kept for {@link #onFxThread} to throw, rather
     * than printed; returns the handler it replaces.
     */
    private static Thread.UncaughtExceptionHandler catchFxFailures() throws IOException {
        FX_FAILURE.set(null);
        return onFxThread(() -> {
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((thread, failure) -> {
                LOG.log(System.Logger.Level.DEBUG, "the figure failed on the FX thread", failure);
                FX_FAILURE.compareAndSet(null, failure);
            });
            return previous;
        });
    }

    /**
     * Waits for the latch, or until the FX thread has failed: a run whose views broke (out of memory)
     * may never report its end, and its figure would not be the one asked for anyway.
     */
    private static void awaitOrFxFailure(CountDownLatch latch) throws InterruptedException, IOException {
        while (!latch.await(FX_FAILURE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            Throwable failed = FX_FAILURE.get();
            if (failed instanceof Error error) {
                throw error;
            }
            if (failed != null) {
                throw new IOException("the figure could not be drawn: " + Messages.reason(failed), failed);
            }
        }
    }

    /** Gives the FX thread its handler back, and forgets a failure that no one asked for. */
    private static void releaseFxFailures(Thread.UncaughtExceptionHandler previous) {
        Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(previous));
    }

    /**
     * On the FX thread: the plot area, one view of it, or the training plot, in a scene of its own,
     * showing the window from {@code from} to {@code to}, and the run started; it runs only as far as the
     * window reaches.
     *
     * @param training the training of a trained network, drawn in the training plot; null for the
     *                 spontaneous network and its plot area
     * @param stepwise whether the run starts paused, to be advanced by {@link #advanceTo}
     */
    private HeadlessFigure(SimulationRunner runner, NetworkParameters whole, TrainingParameters training, double from,
                           double to, FigureView view, int width, int height, DoubleConsumer progress,
                           boolean stepwise) throws IOException {
        this.runner = runner;
        if (stepwise) {
            runner.pause();
        }
        int fromStep = (int) Math.rint(from / whole.dt());
        int toStep = (int) Math.rint(to / whole.dt());
        this.params = toStep == whole.steps() ? whole : whole.with(Parameter.T, to);
        TimeWindow window = TimeWindow.wholeRun(params.T());
        timeWindow = window;
        if (fromStep > 0 || toStep < whole.steps()) {
            window.showSpan(timeOf(fromStep, params.dt()), timeOf(toStep, params.dt()));
        }
        TrainingModel trainingModel = null;
        if (training == null) {
            plots = new PlotArea(window, null);
            // A close look at the traces draws this run's threshold, reset and refractory periods.
            plots.voltages().setNeuronModel(params.vpeak(), params.vreset(), params.tref());
            if (view != null) {
                plots.maximisedProperty().set(view.plot());
            }
            figure = plots;
        } else {
            plots = null;
            trainingModel = new TrainingModel();
            trainingModel.parametersProperty().set(training);
            trainingModel.modeProperty().set(TrainingModel.Mode.TRAINING);
            figure = new TrainingView(trainingModel, window);
        }
        StackPane root = new StackPane(figure);
        // A figure is exactly the size asked for: the window's minimum plot heights do not apply to it.
        root.getStyleClass().add(FIGURE_STYLE);
        Scene scene = new Scene(root, width, height);
        Themes.install(scene);
        root.requestFocus(); // so that no control wears a focus ring in the figure
        // The plots learn their size in pixels before the data arrives, as on screen.
        root.applyCss();
        root.layout();
        List<RunView> views = plots == null ? List.of((TrainingView) figure) : plots.views();
        pulse = new LivePulse(runner, views, new Ending(progress), new FrameTimes(0));
        pulse.newRun(params.n(), params.dt());
        if (trainingModel == null) {
            int[] traced = plots.voltages().shownNeurons();
            runner.setRecordedNeurons(traced);
            runner.setBalanceNeurons(new int[] {traced[0]});
            runner.start(params);
        } else {
            trainingModel.newRun(params.dt());
            // Nothing else is drawn, so every core shares the RLS updates, as in the train command.
            runner.start(params, trainingModel.factory(Runtime.getRuntime().availableProcessors()));
        }
        pulse.start();
    }

    /**
     * The time of a step, step x dt worked out in decimals, then the nearest double: 600 x 0.00005 is
     * 0.03, where the product of doubles is a hair above it and an axis would drop its first tick.
     */
    private static double timeOf(int step, double dt) {
        return BigDecimal.valueOf(dt).multiply(BigDecimal.valueOf(step)).doubleValue();
    }

    private void awaitEnd() throws IOException {
        try {
            awaitOrFxFailure(ended);
        } catch (InterruptedException e) {
            throw new CancellationException("render interrupted");
        }
        if (failure != null) {
            throw new IOException("the run failed: " + failure);
        }
    }

    /** Reports the progress and notes the end of the run. */
    private final class Ending implements LivePulse.RunListener {
        private final DoubleConsumer progress;

        Ending(DoubleConsumer progress) {
            this.progress = progress;
        }

        @Override
        public void advanced(double simulatedSeconds, double realTimeFactor) {
            progress.accept(simulatedSeconds / params.T());
        }

        @Override
        public void finished(RunEvent.RunFinished finished) {
            ended.countDown();
        }

        @Override
        public void failed(RunEvent.RunFailed failed) {
            failure = failed.message();
            ended.countDown();
        }
    }

    /**
     * Starts JavaFX on Monocle's headless platform with software rendering, unless it is running
     * already (as in tests); returns whether it was started here.
     */
    private static boolean startToolkit() {
        return startToolkit(HEADLESS_SCREEN_WIDTH, HEADLESS_SCREEN_HEIGHT);
    }

    /**
     * As {@link #startToolkit()}, on a headless screen of at least this size: a window shown larger
     * than the screen overflows Monocle's frame buffer (a stack trace on stderr, for each frame).
     */
    private static boolean startToolkit(int screenWidth, int screenHeight) {
        // Only read when the toolkit starts; a value given on the java command line wins.
        System.getProperties().putIfAbsent("headless.geometry", Math.max(screenWidth, HEADLESS_SCREEN_WIDTH) + "x"
                + Math.max(screenHeight, HEADLESS_SCREEN_HEIGHT) + "-32");
        System.getProperties().putIfAbsent("glass.platform", "Monocle");
        System.getProperties().putIfAbsent("monocle.platform", "Headless");
        System.getProperties().putIfAbsent("prism.order", "sw");
        System.getProperties().putIfAbsent("prism.text", "t2k");
        // JavaFX warns that it was loaded from the class path, which is how this jar runs it.
        JAVAFX_LOG.setFilter(entry -> !String.valueOf(entry.getMessage())
                .startsWith("Unsupported JavaFX configuration"));
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Platform.exit();
            throw new CancellationException("render interrupted");
        }
        return true;
    }

    /** Runs the work on the FX thread and waits for its result. */
    private static <T> T onFxThread(Callable<T> work) throws IOException {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        T result;
        try {
            result = task.get();
        } catch (InterruptedException e) {
            throw new CancellationException("render interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(Messages.reason(cause), cause);
        }
        Throwable failed = FX_FAILURE.get();
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IOException("the figure could not be drawn: " + Messages.reason(failed), failed);
        }
        return result;
    }
}
