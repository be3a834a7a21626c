package org.spikefx.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.SimulationRunner;

/**
 * {@code --benchmark-large SECONDS [--n N]}: a large network (n = 20,000 unless --n says otherwise) in
 * the window as a user runs it, continuously at full speed with every view drawing. Prints the time
 * the window took to build the network, how much simulated time passed per wall second over SECONDS
 * after a warm-up, the CPU time of the stepping threads, and how soon a pause (Space) acts: the wall
 * time from the pause to the last frame whose simulated time still moved on, over several pauses.
 * Then exits. {@code simulate --n N --T S} gives the command line's speed on the same machine.
 */
final class LargeBenchmark {
    /** The size the window is asked to run live. */
    static final int DEFAULT_NEURONS = 20_000;
    private static final double WARM_UP_SECONDS = 3;
    private static final double WINDOW_SECONDS = 10;
    /** Pauses measured, each followed by a resume. */
    private static final int PAUSES = 5;
    /** How long a pause is watched for simulated time that still moves on; far longer than any latency allowed. */
    private static final double PAUSE_WATCH_SECONDS = 1.5;
    /** Running time between two pauses. */
    private static final double RESUMED_SECONDS = 1;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** How JavaFX names the thread that renders the scene graph. */
    private static final String RENDERER_THREAD = "QuantumRenderer";

    private final MainWindow window;
    private final NetworkParameters params;
    private final double seconds;
    private final double[] pauseLatencies = new double[PAUSES];

    private LargeBenchmark(MainWindow window, NetworkParameters params, double seconds) {
        this.window = window;
        this.params = params;
        this.seconds = seconds;
    }

    static void run(MainWindow window, SpikeFxApplication.WindowArguments arguments) {
        int n = arguments.benchmarkNeurons() == null ? DEFAULT_NEURONS : arguments.benchmarkNeurons();
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.NREC,
                Math.min(NetworkParameters.DEFAULTS.nrec(), n)).with(Parameter.N, n);
        new LargeBenchmark(window, params, arguments.benchmarkSeconds()).start();
    }

    private void start() {
        window.runSettings().speedProperty().set(Double.POSITIVE_INFINITY);
        window.runSettings().windowSecondsProperty().set(WINDOW_SECONDS);
        window.runSettings().continuousProperty().set(true);
        long launched = System.nanoTime();
        window.whenRunStarts(started -> {
            window.whenRunStarts(again -> { });
            System.out.printf(Locale.ROOT, "Large network benchmark: n = %d, network built in %.2f s (%.2f s from"
                    + " the window's request to the first run)%n", params.n(), started.buildSeconds(),
                    (System.nanoTime() - launched) / 1e9);
            after(WARM_UP_SECONDS, this::measureSpeed);
        });
        window.show(params);
    }

    private void measureSpeed() {
        double simulatedAtStart = simulatedSeconds();
        double cpuAtStart = steppingCpuSeconds();
        double drawingAtStart = drawingCpuSeconds();
        long wallAtStart = System.nanoTime();
        window.frameTimes().clear();
        after(seconds, () -> {
            double wall = (System.nanoTime() - wallAtStart) / 1e9;
            double simulated = simulatedSeconds() - simulatedAtStart;
            double cpu = steppingCpuSeconds() - cpuAtStart;
            double drawing = drawingCpuSeconds() - drawingAtStart;
            FrameTimes frames = window.frameTimes();
            System.out.printf(Locale.ROOT, "  running continuously at full speed: %.2f s simulated in %.2f s = %.2fx"
                    + " real time, %d frames (%.1f per second)%n", simulated, wall, simulated / wall, frames.frames(),
                    frames.frames() / wall);
            System.out.printf(Locale.ROOT, "  stepping threads: %.1f s of CPU time (%.2f cores), %.2f s simulated per"
                    + " CPU second%n", cpu, cpu / wall, simulated / cpu);
            System.out.printf(Locale.ROOT, "  drawing threads (FX thread and renderer): %.1f s of CPU time (%.2f cores)%n",
                    drawing, drawing / wall);
            System.out.println("  pulse handler (drain queue, update views):   " + frames.summary(FrameTimes.Kind.HANDLER));
            System.out.println("  FX thread per frame (handler, CSS, layout):  " + frames.summary(FrameTimes.Kind.FX_THREAD));
            System.out.println("  frame interval (FX thread and rendering):    " + frames.summary(FrameTimes.Kind.INTERVAL));
            pause(0);
        });
    }

    /** Pauses as Space does, then watches every frame for simulated time that still moves on. */
    private void pause(int index) {
        if (index == PAUSES) {
            report();
            return;
        }
        double[] last = {simulatedSeconds()};
        long[] lastMoved = {System.nanoTime()};
        long pausedAt = System.nanoTime();
        window.runSettings().pausedProperty().set(true);
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                double simulated = simulatedSeconds();
                if (simulated != last[0]) {
                    last[0] = simulated;
                    lastMoved[0] = System.nanoTime();
                }
            }
        };
        watch.start();
        after(PAUSE_WATCH_SECONDS, () -> {
            watch.stop();
            pauseLatencies[index] = Math.max(0, (lastMoved[0] - pausedAt) / 1e9);
            window.runSettings().pausedProperty().set(false);
            after(RESUMED_SECONDS, () -> pause(index + 1));
        });
    }

    private void report() {
        double[] sorted = pauseLatencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  pause: the views stood still %.0f ms after Space at the latest (median %.0f ms"
                + " of %d pauses)%n", 1000 * sorted[sorted.length - 1], 1000 * sorted[sorted.length / 2], PAUSES);
        window.stage().close();
        Platform.exit();
    }

    private double simulatedSeconds() {
        return window.simulatedSteps() * params.dt();
    }

    private static void after(double seconds, Runnable action) {
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(event -> action.run());
        wait.play();
    }

    /**
     * CPU time so far of the threads that draw: the FX thread (the caller) and the renderer's. On a machine
     * without a GPU the X server's software rendering comes on top, in a process of its own.
     */
    private static double drawingCpuSeconds() {
        long nanos = THREADS.getCurrentThreadCpuTime();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(RENDERER_THREAD)) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos / 1e9;
    }

    /** CPU time so far of the threads that step the network: the runner's and its part workers. */
    private static double steppingCpuSeconds() {
        long nanos = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(SimulationRunner.THREAD_NAME)) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos / 1e9;
    }
}
