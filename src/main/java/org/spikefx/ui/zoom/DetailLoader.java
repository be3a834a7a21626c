package org.spikefx.ui.zoom;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

import org.spikefx.params.NetworkParameters;
import org.spikefx.ui.PlotArea;
import org.spikefx.ui.model.StepTrace;
import org.spikefx.ui.model.TimeWindow;

/**
 * Gives the time plots every step of what they show, whatever the window kept: once per frame it
 * looks at what the plots need for the range shown (the voltages of the traced neurons, the balance
 * of the neuron shown, every spike, the spikes per step) and, for what is missing, has a
 * {@link SpanRerun} simulate it again on a background thread. A picked neuron so gets its trace and
 * balance from t = 0, and a zoom into a stretch older than the full-resolution history
 * ({@link StepTrace#HISTORY_STEPS} steps) gets it at full resolution. One re-run at a time; a re-run
 * that takes longer than {@link #SHOW_PROGRESS_AFTER_NANOS} shows its progress. The FX thread only
 * compares and copies.
 */
public final class DetailLoader {
    /** A re-run is shown with a progress bar once it has taken this long. */
    static final long SHOW_PROGRESS_AFTER_NANOS = 300_000_000L;
    private static final System.Logger LOG = System.getLogger(DetailLoader.class.getName());

    private final PlotArea plots;
    private final TimeWindow window;
    private final Runnable redraw;
    private final SpanRerun rerun = new SpanRerun();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "re-run");
        worker.setDaemon(true);
        worker.setPriority(Thread.NORM_PRIORITY - 1);
        return worker;
    });
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ProgressBar bar = new ProgressBar();
    private final Label label = new Label();
    private final HBox indicator = new HBox(6, label, bar);

    private NetworkParameters params;
    /** Counts the runs: a result of an earlier run is dropped. */
    private long generation;
    private Future<?> pending;
    private SpanRerun.Request inFlight;
    private long inFlightSince;
    private volatile double fraction;
    /** The last request answered, so that one that cannot be satisfied is not asked again and again. */
    private SpanRerun.Request answered;

    public DetailLoader(PlotArea plots, TimeWindow window, Runnable redraw) {
        this.plots = plots;
        this.window = window;
        this.redraw = redraw;
        indicator.setAlignment(Pos.CENTER_RIGHT);
        indicator.getStyleClass().add("rerun-progress");
        indicator.visibleProperty().bind(message.isNotEmpty());
        indicator.managedProperty().bind(indicator.visibleProperty());
        label.textProperty().bind(message);
        bar.progressProperty().bind(progress);
    }

    /** Progress of a re-run that takes a while, with what it is doing; for the status bar. */
    public Node indicator() {
        return indicator;
    }

    /** The fraction of the re-run in progress that is done, once it has taken a while. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the re-run in progress does, once it has taken a while; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A new run with these parameters: what was asked for the old one no longer counts. */
    public void newRun(NetworkParameters parameters) {
        params = parameters;
        generation++;
        cancel();
        answered = null;
    }

    /** Whether a re-run is under way (for tests and the benchmark). */
    public boolean busy() {
        return inFlight != null;
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel(true);
        }
        pending = null;
        inFlight = null;
        message.set("");
    }

    /** Once per frame, on the FX thread: asks for what the plots miss, shows progress. */
    public void check() {
        if (params == null) {
            return;
        }
        if (inFlight != null) {
            if (System.nanoTime() - inFlightSince > SHOW_PROGRESS_AFTER_NANOS) {
                progress.set(fraction);
                message.set(String.format(Locale.ROOT, "Simulating %.2f–%.2f s again for full detail",
                        inFlight.from() * params.dt(), inFlight.to() * params.dt()));
            }
            return;
        }
        SpanRerun.Request request = missing();
        if (request == null || request.equals(answered)) {
            return;
        }
        start(request);
    }

    /** The steps of the range shown that some plot does not have, as one request; null if none. */
    SpanRerun.Request missing() {
        double dt = params.dt();
        int to = (int) Math.min(Math.round(window.newest() / dt), (long) Math.ceil(window.end() / dt));
        int from = (int) Math.max(0, Math.floor(window.start() / dt));
        from = Math.max(from, to - StepTrace.HISTORY_STEPS); // wider than the history: its newest part
        if (to <= from) {
            return null;
        }
        int firstMissing = to;
        int[] traced = plots.voltages().shownNeurons();
        for (int neuron : traced) {
            if (neuron < params.n()) {
                firstMissing = Math.min(firstMissing, plots.voltages().traces().history(neuron).firstMissing(from, to));
            }
        }
        int balanceNeuron = plots.balance().traces().neuron();
        boolean balance = balanceNeuron >= 0 && balanceNeuron < params.n();
        if (balance) {
            firstMissing = Math.min(firstMissing, plots.balance().traces().firstMissing(from, to));
        }
        firstMissing = Math.min(firstMissing, plots.raster().raster().firstMissing(from, to));
        firstMissing = Math.min(firstMissing, plots.rate().history().counts().firstMissing(from, to));
        if (firstMissing >= to) {
            return null;
        }
        int[] voltageNeurons = Arrays.stream(traced).filter(k -> k < params.n()).toArray();
        int[] balanceNeurons = balance ? new int[] {balanceNeuron} : new int[0];
        return new SpanRerun.Request(params, firstMissing, to, voltageNeurons, balanceNeurons);
    }

    private void start(SpanRerun.Request request) {
        long run = generation;
        inFlight = request;
        inFlightSince = System.nanoTime();
        fraction = 0;
        pending = thread.submit(() -> {
            try {
                SpanRerun.Result result = rerun.run(request, done -> fraction = done,
                        () -> Thread.currentThread().isInterrupted());
                if (result != null) {
                    Platform.runLater(() -> deliver(run, result));
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(System.Logger.Level.WARNING, "re-run of steps " + request.from() + " to " + request.to()
                        + " failed", e);
                Platform.runLater(() -> {
                    if (run == generation) {
                        answered = request;
                        inFlight = null;
                        message.set("");
                    }
                });
            }
        });
    }

    /** On the FX thread: hands a re-run's data to the plots' histories. */
    private void deliver(long run, SpanRerun.Result result) {
        if (run != generation) {
            return;
        }
        SpanRerun.Request request = result.request();
        int from = request.from();
        for (int r = 0; r < request.voltageNeurons().length; r++) {
            int neuron = request.voltageNeurons()[r];
            if (Arrays.stream(plots.voltages().shownNeurons()).anyMatch(k -> k == neuron)) {
                plots.voltages().traces().put(neuron, from, result.voltages()[r]);
            }
        }
        for (int r = 0; r < request.balanceNeurons().length; r++) {
            plots.balance().traces().put(request.balanceNeurons()[r], from, result.excitatory()[r],
                    result.inhibitory()[r]);
        }
        if (plots.raster().raster().firstMissing(from, request.to()) < request.to()) {
            plots.raster().raster().putSpikes(from, request.to(), result.spikeSteps(), result.spikeNeurons());
        }
        plots.rate().history().put(from, result.spikesPerStep());
        answered = request;
        inFlight = null;
        pending = null;
        message.set("");
        redraw.run();
    }

    /** Stops the re-run thread; the window is going away. */
    public void close() {
        cancel();
        thread.shutdownNow();
    }
}
