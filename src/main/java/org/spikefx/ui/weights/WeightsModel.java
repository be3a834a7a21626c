package org.spikefx.ui.weights;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.spikefx.Messages;
import org.spikefx.analysis.WeightBlock;
import org.spikefx.analysis.WeightFigure;
import org.spikefx.analysis.WeightStatistics;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.export.AtomicFile;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.training.EigenSpectrum;

/**
 * What the Weights window shows, apart from its nodes: the network of the live view's settings, its
 * {@link WeightStatistics}, the block of the matrix in the heat map, the eigenvalues once computed, and
 * a one-line status with a progress fraction. Lives on the FX thread; the work runs on a background
 * thread of its own (building a network of n = 20,000 takes seconds and its statistics most of a
 * second), and its results come back through {@code fxThread}. A newer request cancels an older one,
 * and whatever an older request still hands over is dropped, so the figure never mixes two networks.
 *
 * <p>The network the live view runs is used when it is the one asked for: a second copy of a large
 * matrix would double the memory it takes.
 */
public final class WeightsModel {
    private static final Logger LOG = System.getLogger(WeightsModel.class.getName());
    /**
     * The largest network whose eigenvalues are computed: the dense matrix and its Hessenberg form take
     * 16 n² bytes (290 MB here) and the decomposition grows as n³ (about two minutes at n = 2000).
     */
    public static final int MAX_SPECTRUM_NEURONS = 3000;
    /**
     * How long to wait for the network the live view is building before building a copy: its build at
     * n = 20,000 takes about 10 s on an idle 2-core machine; two builds at once would take twice the memory.
     */
    static final long LIVE_BUILD_WAIT_NANOS = 60_000_000_000L;
    private static final long LIVE_BUILD_POLL_MILLIS = 100;
    /** Progress while nothing is being computed. */
    static final double IDLE = 0;

    private final Executor fxThread;
    private final Supplier<RandomNetwork> running;
    private final Predicate<NetworkParameters> liveBuilds;
    /** One thread for the network, its statistics, blocks and files; it ends when idle for a while. */
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "weights");
                thread.setDaemon(true);
                return thread;
            });
    private final ObjectProperty<WeightFigure.Content> content = new SimpleObjectProperty<>();
    private final ObjectProperty<WeightBlock.Range> range = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(IDLE);
    private final BooleanProperty spectrumRunning = new SimpleBooleanProperty();
    private NetworkParameters params;
    private RandomNetwork network;
    private WeightStatistics statistics;
    private WeightBlock block;
    private WeightFigure.Spectrum spectrum;
    private long generation;
    /** The generation as the worker reads it, to stop a stale request early. */
    private volatile long latest;
    private Future<?> pending;
    private Thread spectrumThread;
    private volatile boolean spectrumCancelled;

    /**
     * @param fxThread   runs a task on the FX thread (Platform::runLater)
     * @param running    the network the live view runs, or null; used when it is the one asked for
     * @param liveBuilds whether the live view is about to run the network of these parameters (it is then
     *                   waited for, rather than built a second time); asked on the FX thread
     */
    public WeightsModel(Executor fxThread, Supplier<RandomNetwork> running, Predicate<NetworkParameters> liveBuilds) {
        worker.allowCoreThreadTimeOut(true);
        this.fxThread = fxThread;
        this.running = running;
        this.liveBuilds = liveBuilds;
    }

    /** What the figure shows; null until the first network is ready. */
    public ReadOnlyObjectProperty<WeightFigure.Content> contentProperty() {
        return content;
    }

    /** The block of the matrix shown, or being gathered. */
    public ReadOnlyObjectProperty<WeightBlock.Range> rangeProperty() {
        return range;
    }

    /** One line: what is being done, what was done, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The background work's progress from 0 to 1; -1 while it cannot be told; 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty spectrumRunningProperty() {
        return spectrumRunning;
    }

    /** The parameters of the network shown, or null. */
    public NetworkParameters parameters() {
        return params;
    }

    /** The network shown, or null. */
    RandomNetwork network() {
        return network;
    }

    /** The statistics shown, or null. */
    public WeightStatistics statistics() {
        return statistics;
    }

    /** The block shown, or null. */
    public WeightBlock block() {
        return block;
    }

    /**
     * Shows the network of these parameters (only n, p, g and seed matter): the live view's if it is the
     * same, else built in the background. Does nothing if it is shown already or on its way.
     */
    public void show(NetworkParameters wanted) {
        boolean loading = pending != null && !pending.isDone();
        if (params != null && params.sameNetworkAs(wanted) && (network != null || loading)) {
            return;
        }
        long mine = start();
        params = wanted;
        network = null;
        statistics = null;
        block = null;
        cancelSpectrum();
        spectrum = null;
        content.set(null);
        WeightBlock.Range whole = WeightBlock.Range.whole(wanted.n());
        range.set(whole);
        status.set("Building the network of " + wanted.n() + " neurons…");
        progress.set(-1);
        boolean live = liveBuilds.test(wanted);
        pending = worker.submit(() -> {
            try {
                RandomNetwork shared = liveNetwork(wanted, live, mine);
                RandomNetwork built = shared != null && shared.matches(wanted) ? shared
                        : RandomNetwork.build(wanted, RandomNetwork.Kind.BALANCED, fraction -> report(mine,
                                "Building the network of " + wanted.n() + " neurons", 0.8 * fraction));
                report(mine, "Counting the weights", 0.8);
                WeightStatistics stats = WeightStatistics.of(built, fraction -> report(mine, "Counting the weights",
                        0.8 + 0.15 * fraction), () -> stale(mine));
                report(mine, "Gathering the heat map", 0.95);
                WeightBlock first = WeightBlock.of(built.weights(), whole, () -> stale(mine));
                fxThread.execute(() -> {
                    if (mine == generation) {
                        network = built;
                        statistics = stats;
                        block = first;
                        publish(String.format(Locale.ROOT, "n = %d: %,d synapses", wanted.n(), stats.synapseCount()));
                    }
                });
            } catch (CancellationException e) {
                // replaced by a newer request: nothing to report
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(Level.WARNING, "the weights of " + wanted + " could not be shown", e);
                String reason = e instanceof OutOfMemoryError ? "not enough memory for n = " + wanted.n()
                        + " and p = " + wanted.p() + "; choose a smaller network" : Messages.reason(e);
                fail(mine, "The weights could not be shown: " + reason);
            }
        });
    }

    /**
     * The live view's network if it is the one wanted: at once, or once the live view has built it (waiting
     * up to {@link #LIVE_BUILD_WAIT_NANOS}); null if it runs another one. On the worker thread.
     *
     * @throws CancellationException if the request is replaced while waiting
     */
    private RandomNetwork liveNetwork(NetworkParameters wanted, boolean live, long mine) {
        long deadline = System.nanoTime() + LIVE_BUILD_WAIT_NANOS;
        boolean said = false;
        while (true) {
            RandomNetwork shared = running.get();
            if (shared != null && shared.matches(wanted)) {
                return shared;
            }
            if (!live || System.nanoTime() > deadline) {
                return null;
            }
            if (!said) {
                fxThread.execute(() -> {
                    if (mine == generation) {
                        status.set("Waiting for the live view to build the network of " + wanted.n() + " neurons…");
                    }
                });
                said = true;
            }
            try {
                Thread.sleep(LIVE_BUILD_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("replaced by a newer request");
            }
            if (stale(mine)) {
                throw new CancellationException("replaced by a newer request");
            }
        }
    }

    /** Shows another block of the matrix, gathered in the background. */
    public void showBlock(WeightBlock.Range wanted) {
        RandomNetwork shown = network;
        if (shown == null || wanted.equals(range.get()) && block != null && block.range().equals(wanted)) {
            return;
        }
        if (wanted.rowTo() >= shown.neuronCount() || wanted.colTo() >= shown.neuronCount()) {
            throw new IllegalArgumentException("the network has neurons 0 to " + (shown.neuronCount() - 1));
        }
        long mine = start();
        range.set(wanted);
        pending = worker.submit(() -> {
            try {
                WeightBlock gathered = WeightBlock.of(shown.weights(), wanted, () -> stale(mine));
                fxThread.execute(() -> {
                    if (mine == generation) {
                        block = gathered;
                        publish(describe(gathered));
                    }
                });
            } catch (CancellationException e) {
                // replaced by a newer request
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a block of the weights could not be gathered", e);
                fail(mine, "The block could not be shown: " + Messages.reason(e));
            }
        });
    }

    /** E.g. "rows 0 to 199, columns 0 to 199: one cell per synapse". */
    static String describe(WeightBlock block) {
        WeightBlock.Range r = block.range();
        return String.format(Locale.ROOT, "rows %d to %d, columns %d to %d: %s", r.rowFrom(), r.rowTo(), r.colFrom(),
                r.colTo(), block.singleEntries() ? "one cell per entry (hover to read i, j, w)"
                        : "each cell the mean of " + block.rowsPerCell() + " × " + block.columnsPerCell() + " entries");
    }

    /**
     * Computes every eigenvalue of the weights on a background thread of low priority, with progress;
     * refused with the reason in the status for a network above {@link #MAX_SPECTRUM_NEURONS}.
     */
    public void computeSpectrum() {
        RandomNetwork shown = network;
        if (shown == null || spectrumRunning.get()) {
            return;
        }
        if (shown.neuronCount() > MAX_SPECTRUM_NEURONS) {
            status.set(spectrumNote(shown.neuronCount()));
            return;
        }
        NetworkParameters of = params;
        spectrumCancelled = false;
        spectrumRunning.set(true);
        status.set("Computing the eigenvalues of " + shown.neuronCount() + " neurons…");
        progress.set(0);
        long startNanos = System.nanoTime();
        double[] zeros = new double[shown.neuronCount()];
        Thread thread = new Thread(() -> {
            try {
                EigenSpectrum.Eigenvalues values = EigenSpectrum.compute(shown.weights(), zeros, zeros,
                        fraction -> fxThread.execute(() -> {
                            if (spectrumRunning.get() && network == shown) {
                                progress.set(fraction);
                            }
                        }), () -> spectrumCancelled);
                WeightFigure.Spectrum found = new WeightFigure.Spectrum(values.re(), values.im(),
                        of.g() / Math.sqrt(of.p()));
                fxThread.execute(() -> {
                    spectrumRunning.set(false);
                    if (network == shown) {
                        spectrum = found;
                        publish(String.format(Locale.ROOT, "%d eigenvalues in %.1f s", values.size(),
                                (System.nanoTime() - startNanos) / 1e9));
                    }
                });
            } catch (CancellationException e) {
                fxThread.execute(() -> {
                    spectrumRunning.set(false);
                    progress.set(IDLE);
                    status.set("Eigenvalues cancelled");
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(Level.WARNING, "the eigenvalues could not be computed", e);
                String reason = e instanceof OutOfMemoryError ? "not enough memory for the dense matrix of n = "
                        + shown.neuronCount() : Messages.reason(e);
                fxThread.execute(() -> {
                    spectrumRunning.set(false);
                    progress.set(IDLE);
                    status.set("The eigenvalues could not be computed: " + reason);
                });
            }
        }, "weights-eigenvalues");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY); // the live network goes first
        spectrumThread = thread;
        thread.start();
    }

    /** Stops the eigenvalue computation at its next column or eigenvalue. */
    public void cancelSpectrum() {
        spectrumCancelled = true;
    }

    /** What the eigenvalue panel says before it has eigenvalues. */
    static String spectrumNote(int n) {
        return n > MAX_SPECTRUM_NEURONS
                ? String.format(Locale.ROOT, "Eigenvalues are computed for networks of at most %,d neurons (the"
                        + " dense matrix and its decomposition); this one has %,d. Choose a smaller n to see them.",
                        MAX_SPECTRUM_NEURONS, n)
                : "The Eigenvalues button computes all " + n + " of them in the background (about two minutes at"
                        + " n = 2000), and draws them with the circle law's radius g/√p.";
    }

    /** Writes the figure as PNG or SVG, complete or not at all; the outcome goes to the status line. */
    public void saveFigure(Path file, boolean svg) {
        WeightFigure.Content shown = content.get();
        if (shown == null) {
            return;
        }
        runExport(file, () -> AtomicFile.write(file, out -> {
            if (svg) {
                WeightFigure.writeSvg(shown, out);
            } else {
                WeightFigure.writePng(shown, out);
            }
        }));
    }

    /** Writes the weights of the block shown as a rows × columns .npy, complete or not at all. */
    public void saveBlock(Path file) {
        RandomNetwork shown = network;
        WeightBlock.Range wanted = range.get();
        if (shown == null || wanted == null) {
            return;
        }
        if (wanted.size() > WeightBlock.MAX_NPY_VALUES) {
            status.set(String.format(Locale.ROOT, "Not saved: the block holds %,d weights, a .npy at most %,d"
                    + " (2048 × 2048); zoom in or choose a smaller block", wanted.size(), WeightBlock.MAX_NPY_VALUES));
            return;
        }
        runExport(file, () -> WeightBlock.writeNpy(shown.weights(), wanted, file));
    }

    /** A file written in the background. */
    @FunctionalInterface
    private interface Export {
        void write() throws IOException;
    }

    private void runExport(Path file, Export export) {
        status.set("Saving " + file.getFileName() + "…");
        worker.submit(() -> {
            String outcome;
            try {
                export.write();
                outcome = "Saved " + file;
            } catch (IOException | RuntimeException e) { // a full disk, a folder not writable: say why
                LOG.log(Level.DEBUG, "saving " + file + " failed", e);
                outcome = "Not saved: " + Messages.reason(e);
            }
            String said = outcome;
            fxThread.execute(() -> status.set(said));
        });
    }

    /** Stops whatever runs; the window is closing. */
    public void close() {
        latest = ++generation;
        if (pending != null) {
            pending.cancel(true);
        }
        cancelSpectrum();
        progress.set(IDLE);
    }

    /** A new request: older ones become stale and the one still running is interrupted. */
    private long start() {
        latest = ++generation;
        if (pending != null) {
            pending.cancel(true);
        }
        return generation;
    }

    /** Whether the request {@code mine} has been replaced (read from the worker: generation is only written on the FX thread). */
    private boolean stale(long mine) {
        return Thread.currentThread().isInterrupted() || mine != latest;
    }

    private void report(long mine, String what, double fraction) {
        fxThread.execute(() -> {
            if (mine == generation) {
                status.set(String.format(Locale.ROOT, "%s: %.0f %%", what, 100 * fraction));
                progress.set(fraction);
            }
        });
    }

    private void fail(long mine, String reason) {
        fxThread.execute(() -> {
            if (mine == generation) {
                progress.set(IDLE);
                status.set(reason);
            }
        });
    }

    /** Puts what is known together into the figure's content, and says so. */
    private void publish(String message) {
        progress.set(IDLE);
        status.set(message);
        content.set(new WeightFigure.Content(caption(), statistics, block, spectrum,
                spectrumNote(params.n())));
    }

    /** E.g. "Weights of n = 2000, p = 0.1, g = 0.04, seed 0". */
    private String caption() {
        return String.format(Locale.ROOT, "Weights of n = %d, p = %s, g = %s, seed %d", params.n(),
                Parameter.format(params.p()), Parameter.format(params.g()),
                params.seed());
    }
}
