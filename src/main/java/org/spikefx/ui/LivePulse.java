package org.spikefx.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;

import org.spikefx.run.Batch;
import org.spikefx.run.RunEvent;
import org.spikefx.run.SimulationRunner;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.RunView;

/**
 * The one place where simulation results reach the screen: once per JavaFX pulse it drains the
 * runner's queue, hands the current run's batches to every view, and has each view redraw once.
 * Events of replaced runs are dropped here, so a restart never draws a stale batch. Nothing here
 * computes the simulation; it only copies what the simulation thread already packed. A run that falls
 * behind its speed is drawn in fewer frames ({@link FramePacing}), so that the drawing leaves more of
 * the cores to the simulation; a pause or a gesture is drawn in the next frame all the same.
 */
final class LivePulse extends AnimationTimer {
    /**
     * What the window shows about the run besides the views: status line, progress, title. Each event is
     * ignored unless a listener hears it (a figure drawn headless only waits for the end).
     */
    interface RunListener {
        default void networkBuilding(double fraction) {
        }

        default void started(RunEvent.RunStarted started) {
        }

        default void advanced(double simulatedSeconds, double realTimeFactor) {
        }

        default void finished(RunEvent.RunFinished finished) {
        }

        default void failed(RunEvent.RunFailed failed) {
        }
    }

    private final SimulationRunner runner;
    private final List<RunView> views;
    private final RunListener listener;
    private final List<RunEvent> drained = new ArrayList<>();
    private final RealTimeFactor realTimeFactor = new RealTimeFactor();
    private final FramePacing pacing = new FramePacing();
    private final FrameTimes frameTimes;
    private final List<Runnable> afterEachPulse = new ArrayList<>();
    private TimeWindow window;
    private long drawnRevision = -1;
    private boolean redrawRequested;

    /** The views move their shared time window themselves, each with the batches it accepts. */
    LivePulse(SimulationRunner runner, List<RunView> views, RunListener listener, FrameTimes frameTimes) {
        this.runner = runner;
        this.views = new ArrayList<>(views);
        this.listener = listener;
        this.frameTimes = frameTimes;
    }

    /** Hands the run to one more view as well, after the window's own (a view that records what it is given, say). */
    void addView(RunView view) {
        views.add(view);
    }

    /**
     * Redraws the views in the next pulse in which the window's range changed (a zoom, a pan), also
     * while no batch comes: paused, or after the run. Several changes within one frame cost one redraw.
     */
    void watch(TimeWindow shared) {
        window = shared;
    }

    /** Has every view redraw in the next pulse (new data for them that came other than in batches). */
    void requestRedraw() {
        redrawRequested = true;
    }

    /** Runs {@code task} at the end of every pulse, after the views have redrawn. */
    void afterEachPulse(Runnable task) {
        afterEachPulse.add(task);
    }

    /** Forgets the old run at once (the views go blank) so that the new one starts from an empty screen. */
    void newRun(int neuronCount, double dt) {
        drained.clear();
        realTimeFactor.reset();
        views.forEach(view -> view.reset(neuronCount, dt));
    }

    @Override
    public void handle(long now) {
        boolean moved = window != null && window.revision() != drawnRevision;
        boolean asked = moved || redrawRequested || views.stream().anyMatch(RunView::wantsRedraw);
        if (!asked && !runner.isPaused() && !pacing.due(now, realTimeFactor.factor, runner.speed())) {
            // Behind its pace: the batches wait in the queue for a later frame, and the core goes to the steps.
            afterEachPulse.forEach(Runnable::run);
            return;
        }
        pacing.drawn(now);
        frameTimes.handlerStarted(now);
        runner.events().drainTo(drained);
        long active = runner.activeRunId();
        double newestTime = -1;
        RunEvent outcome = null;
        for (RunEvent event : drained) {
            if (event.runId() != active) {
                continue;
            }
            if (event instanceof Batch batch) {
                forEachView(view -> view.accept(batch));
                newestTime = batch.endTime();
            } else if (event instanceof RunEvent.NetworkBuilding building) {
                listener.networkBuilding(building.fraction());
            } else if (event instanceof RunEvent.RunStarted started) {
                listener.started(started);
            } else {
                outcome = event; // finished or failed: reported after this pulse's progress
            }
        }
        drained.clear();
        moved = window != null && window.revision() != drawnRevision;
        if (newestTime >= 0 || moved || asked) {
            redrawRequested = false;
            drawnRevision = window == null ? -1 : window.revision();
            forEachView(RunView::redraw);
        }
        if (newestTime >= 0) {
            listener.advanced(newestTime, realTimeFactor.update(newestTime, now));
        }
        afterEachPulse.forEach(Runnable::run);
        if (outcome instanceof RunEvent.RunFinished finished) {
            listener.finished(finished);
        } else if (outcome instanceof RunEvent.RunFailed failed) {
            listener.failed(failed);
        }
        frameTimes.handlerDone();
    }

    private void forEachView(Consumer<RunView> action) {
        views.forEach(action);
    }

    /** Simulated seconds per wall second, over the last second or so of wall time. */
    private static final class RealTimeFactor {
        private static final long WINDOW_NANOS = 1_000_000_000L;
        private double startSimulated = -1;
        private long startWall;
        private double factor = Double.NaN;

        void reset() {
            startSimulated = -1;
            factor = Double.NaN;
        }

        double update(double simulated, long wallNanos) {
            if (startSimulated < 0 || simulated < startSimulated) {
                startSimulated = simulated;
                startWall = wallNanos;
            } else if (wallNanos - startWall >= WINDOW_NANOS / 4) {
                factor = (simulated - startSimulated) / ((wallNanos - startWall) / 1e9);
                if (wallNanos - startWall >= WINDOW_NANOS) {
                    startSimulated = simulated;
                    startWall = wallNanos;
                }
            }
            return factor;
        }
    }
}
