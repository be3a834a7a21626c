package org.spikefx.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import org.spikefx.Main;
import org.spikefx.params.NetworkParameters;
import org.spikefx.run.RunEvent;

/**
 * {@code --benchmark-start}: opens the window with the defaults as a user would, and prints how long
 * after the JVM started the first spikes were on screen, with the marks on the way there; then exits.
 * The time of a launch a user sees, so it is counted from the JVM's own start time (which the
 * launcher's and the JVM's set-up precede only by a few milliseconds), not from main.
 *
 * <p>"On screen" is the end of the pulse after the one in which the raster first held spikes: before
 * it hands its own frame to the renderer, a pulse waits until the frame before has been painted, so
 * by then the frame with the spikes has been (the time is an upper bound, by that pulse's own work).
 */
final class StartBenchmark {
    static final String FX_STARTED = "JavaFX started (Application.start)";
    static final String WINDOW_BUILT = "window built (its views and panels)";
    static final String WINDOW_SHOWN = "window shown (stage.show returned)";
    static final String NETWORK_READY = "network %s, first batch on its way";
    static final String SPIKES_DRAWN = "first pulse whose views hold spikes";
    static final String ON_SCREEN = "that frame painted: first spikes on screen";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> NANOS = new ArrayList<>();
    /** The marking thread's CPU time at each mark (every mark but main's is made on the FX thread). */
    private static final List<Long> CPU_NANOS = new ArrayList<>();

    private StartBenchmark() {
    }

    /** Notes that the start has reached this point (on the FX thread, or before it exists). */
    static synchronized void mark(String what) {
        NAMES.add(what);
        NANOS.add(System.nanoTime());
        CPU_NANOS.add(THREADS.getCurrentThreadCpuTime());
    }

    static void run(MainWindow window) {
        mark(WINDOW_BUILT);
        boolean[] spikesShown = {false};
        window.whenRunStarts(started -> mark(String.format(Locale.ROOT, NETWORK_READY,
                started.network() == RunEvent.NetworkOrigin.READ ? "read, not built" : "built")));
        window.pulse().afterEachPulse(() -> {
            if (!spikesShown[0] && window.raster().raster().spikesInView() > 0) {
                spikesShown[0] = true;
                mark(SPIKES_DRAWN);
            }
        });
        // Started before the live pulse, so it runs first in every pulse: it sees the spikes one pulse later,
        // and what it runs later runs once that pulse is over.
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!spikesShown[0]) {
                    return;
                }
                stop();
                Platform.runLater(() -> {
                    mark(ON_SCREEN);
                    report();
                    window.stage().close();
                    Platform.exit();
                });
            }
        }.start();
        window.showPlotsFirst(); // as a launch shows it
        window.show(NetworkParameters.DEFAULTS);
        mark(WINDOW_SHOWN);
    }

    /** Prints every mark in milliseconds after the JVM's start. */
    private static synchronized void report() {
        long nowNanos = System.nanoTime();
        long sinceJvmStartMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        List<String> names = new ArrayList<>(NAMES);
        List<Long> nanos = new ArrayList<>(NANOS);
        List<Long> cpu = new ArrayList<>(CPU_NANOS);
        if (Main.mainEnteredNanos() != 0) {
            names.add(0, "main entered (JVM started, Main loaded)");
            nanos.add(0, Main.mainEnteredNanos());
            cpu.add(0, -1L);
        }
        double firstSpikes = sinceJvmStartMillis - (nowNanos - nanos.get(nanos.size() - 1)) / 1e6;
        System.out.printf(Locale.ROOT, "Start benchmark: first spikes on screen %.0f ms after the JVM started%n",
                firstSpikes);
        // CPU times depend less on what else the machine runs than the wall time does.
        System.out.printf(Locale.ROOT, "  CPU time of the FX thread by then: %.0f ms%n", THREADS.getCurrentThreadCpuTime() / 1e6);
        double previous = 0;
        for (int k = 0; k < names.size(); k++) {
            double at = sinceJvmStartMillis - (nowNanos - nanos.get(k)) / 1e6;
            String fxCpu = cpu.get(k) < 0 ? "" : String.format(Locale.ROOT, " [FX thread's CPU %4.0f ms]", cpu.get(k) / 1e6);
            System.out.printf(Locale.ROOT, "  %6.0f ms (+%4.0f)  %s%s%n", at, at - previous, names.get(k), fxCpu);
            previous = at;
        }
    }
}
