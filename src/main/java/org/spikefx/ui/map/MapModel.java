package org.spikefx.ui.map;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.spikefx.Messages;
import org.spikefx.analysis.MapFigure;
import org.spikefx.analysis.MapFiles;
import org.spikefx.analysis.Sweep;
import org.spikefx.analysis.SweepMap;
import org.spikefx.analysis.SweepSpec;
import org.spikefx.export.AtomicFiles;

/**
 * What the Map window shows, apart from its nodes: the map (running, finished, cancelled or opened
 * from a file), how far its sweep has got, and a one-line status. Lives on the FX thread: the sweep
 * runs on threads of its own, and every run it finishes is handed over through {@code fxThread}, so
 * the map fills in cell by cell while the window stays responsive. A new sweep or an opened map makes
 * whatever an older sweep still hands over stale, and it is dropped.
 */
public final class MapModel {
    /** Where the map stands. */
    public enum State { EMPTY, RUNNING, FINISHED, CANCELLED, FAILED }

    private static final System.Logger LOG = System.getLogger(MapModel.class.getName());
    /** Name of the thread that waits for a sweep to end, to report how it ended. */
    static final String WAITER_NAME = "map-sweep-waiter";

    private final Executor fxThread;
    private final ObjectProperty<SweepMap> map = new SimpleObjectProperty<>();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.EMPTY);
    private final LongProperty changes = new SimpleLongProperty();
    private final StringProperty status = new SimpleStringProperty("Choose two parameters and their ranges, then Run.");
    private Sweep sweep;
    private int generation;
    private double seconds;
    private int threads;

    /** @param fxThread runs a task on the FX thread (Platform::runLater), or at once in tests without one */
    public MapModel(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /** The map shown, or null before the first. */
    public ReadOnlyObjectProperty<SweepMap> mapProperty() {
        return map;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    /** Counts every change to the map's cells: views redraw when it changes. */
    public ReadOnlyLongProperty changesProperty() {
        return changes;
    }

    /** One line on the sweep: its progress, how long it took, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Starts a sweep, cancelling one that is running; the map starts empty and fills in as runs finish. */
    public void start(SweepSpec spec) {
        cancel();
        int mine = ++generation;
        SweepMap shown = new SweepMap(spec);
        map.set(shown);
        state.set(State.RUNNING);
        status.set("Running " + spec.runCount() + " runs…");
        Sweep started = Sweep.start(spec, (run, done, total) -> fxThread.execute(() -> {
            if (mine == generation) {
                shown.put(run);
                status.set(done + " of " + total + " runs");
                changes.set(changes.get() + 1);
            }
        }));
        sweep = started;
        Thread waiter = new Thread(() -> awaitEnd(started, mine), WAITER_NAME);
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Runs on the waiter thread: reports, on the FX thread, how the sweep ended. */
    private void awaitEnd(Sweep started, int mine) {
        State end;
        String reason = null;
        try {
            started.await();
            end = State.FINISHED;
        } catch (CancellationException e) {
            end = State.CANCELLED;
        } catch (RuntimeException | Error e) { // whatever failed a run ends the sweep; the user is told why
            LOG.log(Level.WARNING, "a sweep failed", e);
            end = State.FAILED;
            reason = Messages.reason(e);
        }
        State ended = end;
        String why = reason;
        fxThread.execute(() -> {
            if (mine != generation) {
                return;
            }
            seconds = started.seconds();
            threads = started.threadCount();
            state.set(ended);
            SweepMap shown = map.get();
            status.set(switch (ended) {
                case FINISHED -> String.format(Locale.ROOT, "%d runs in %.1f s on %d threads", shown.runsDone(),
                        seconds, threads);
                case CANCELLED -> "Cancelled after " + shown.runsDone() + " of " + shown.spec().runCount() + " runs";
                default -> "The sweep failed: " + why;
            });
            sweep = null;
        });
    }

    /** Asks a running sweep to stop; returns at once (its threads end within a step). */
    public void cancel() {
        if (sweep != null) {
            sweep.cancel();
        }
    }

    /** Shows a map read from its files, cancelling a sweep that is running. */
    public void show(MapFiles.Loaded loaded, Path csv) {
        cancel();
        generation++;
        sweep = null;
        seconds = loaded.sweepSeconds();
        threads = 0;
        map.set(loaded.map());
        state.set(State.FINISHED);
        status.set("Opened " + csv.getFileName() + ": " + loaded.map().runsDone() + " of "
                + loaded.map().spec().runCount() + " runs");
        changes.set(changes.get() + 1);
    }

    /**
     * Saves the map as CSV with its JSON sidecar, and as a PNG and an SVG beside them (map.csv,
     * map.json, map.png, map.svg), all four appearing together.
     */
    public void save(Path csv) throws IOException {
        SweepMap shown = map.get();
        if (shown == null) {
            throw new IllegalStateException("there is no map to save");
        }
        Path png = besideCsv(csv, ".png");
        Path svg = besideCsv(csv, ".svg");
        try (AtomicFiles files = new AtomicFiles()) {
            MapFiles.write(shown, seconds, threads, csv, files);
            try (OutputStream out = files.open(png)) {
                MapFigure.writePng(shown, out);
            }
            try (OutputStream out = files.open(svg)) {
                MapFigure.writeSvg(shown, out);
            }
            files.commit();
        }
        status.set("Saved " + csv.getFileName() + " with " + MapFiles.sidecarOf(csv).getFileName() + ", "
                + png.getFileName() + " and " + svg.getFileName());
    }

    /** The file beside a map's CSV with another ending: map.csv → map.png. */
    private static Path besideCsv(Path csv, String suffix) {
        String sidecar = MapFiles.sidecarOf(csv).getFileName().toString();
        return csv.resolveSibling(sidecar.substring(0, sidecar.length() - ".json".length()) + suffix);
    }
}
