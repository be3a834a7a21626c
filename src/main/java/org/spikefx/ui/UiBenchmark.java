package org.spikefx.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.Messages;
import org.spikefx.run.SimulationRunner;
import org.spikefx.ui.training.EigenSpectrum;
import org.spikefx.ui.training.NetworkSnapshot;
import org.spikefx.ui.training.TrainingModel;

/**
 * {@code --benchmark-ui SECONDS}: the window runs the network for T seconds at full speed and, once it
 * has finished, goes through a zoom and pan gesture over it, twice; then it runs continuously at full speed,
 * records the FX thread's frame times for SECONDS after a warm-up of two seconds, goes through the
 * gesture again while the run goes on, prints all of it, and exits.
 */
final class UiBenchmark {
    private static final double WARM_UP_SECONDS = 2;
    private static final double WINDOW_SECONDS = 10;
    /** How many of a gesture's slowest frames it names. */
    private static final int SLOWEST_SHOWN = 4;
    /** Frames of each part of the zoom and pan gesture. */
    private static final int GESTURE_FRAMES = 60;
    /** How far the gesture zooms in: to 1/20 of the window, 0.5 s of the 10 s. */
    private static final double GESTURE_ZOOM = 20;
    /**
     * Warm-up of a training benchmark: the just-in-time compiler works on the RLS update and the views
     * for the first ten seconds or so, with as much CPU as the run itself.
     */
    private static final double TRAINING_WARM_UP_SECONDS = 12;
    /** Simulated seconds a training benchmark's run has beyond what it can reach while measured. */
    private static final double TRAINING_RUN_SECONDS = 60;

    private UiBenchmark() {
    }

    static void run(MainWindow window, SpikeFxApplication.WindowArguments arguments) {
        // nrec first, so that a small n stays above it.
        NetworkParameters params = arguments.benchmarkNeurons() == null ? NetworkParameters.DEFAULTS
                : NetworkParameters.DEFAULTS.with(Parameter.NREC, Math.min(NetworkParameters.DEFAULTS.nrec(),
                        arguments.benchmarkNeurons())).with(Parameter.N, arguments.benchmarkNeurons());
        window.runSettings().speedProperty().set(Double.POSITIVE_INFINITY);
        // A wide window, so that at n = 10,000 over a million spikes are on screen by the end.
        window.runSettings().windowSecondsProperty().set(WINDOW_SECONDS);

        PauseTransition warmUp = new PauseTransition(Duration.seconds(WARM_UP_SECONDS));
        PauseTransition measure = new PauseTransition(Duration.seconds(arguments.benchmarkSeconds()));
        double[] simulatedAtStart = new double[1];
        warmUp.setOnFinished(event -> {
            window.frameTimes().clear();
            simulatedAtStart[0] = window.simulatedSteps() * params.dt();
            measure.play();
        });
        measure.setOnFinished(event -> {
            FrameTimes frames = window.frameTimes();
            double simulated = window.simulatedSteps() * params.dt() - simulatedAtStart[0];
            System.out.printf(Locale.ROOT, "UI benchmark: n = %d, %s s at full speed, %d frames (%.1f per second),"
                    + " %.2f s simulated = %.2fx real time, %,d spikes on screen%n", params.n(),
                    Parameter.format(arguments.benchmarkSeconds()), frames.frames(),
                    frames.frames() / arguments.benchmarkSeconds(), simulated, simulated / arguments.benchmarkSeconds(),
                    window.raster().raster().spikesInView());
            System.out.println("  pulse handler (drain queue, update views):   " + frames.summary(FrameTimes.Kind.HANDLER));
            System.out.println("  FX thread per frame (handler, CSS, layout):  " + frames.summary(FrameTimes.Kind.FX_THREAD));
            System.out.println("  ... of which the FX thread's own CPU time:   " + frames.summary(FrameTimes.Kind.FX_THREAD_CPU));
            System.out.println("  frame interval (FX thread and rendering):    " + frames.summary(FrameTimes.Kind.INTERVAL));
            gestures(window, "the continuous run going on", () -> {
                window.stage().close();
                Platform.exit();
            });
        });
        // First the run of T seconds to its end, and a gesture over it; then the continuous run.
        window.whenRunEnds(failure -> {
            window.whenRunEnds(again -> { });
            PauseTransition settle = new PauseTransition(Duration.seconds(1));
            // Twice: the first gesture after launch also waits for the compiler to turn the zoom's code
            // paths into machine code; the second is what every later gesture costs.
            String finished = "the finished run of " + Parameter.format(params.T()) + " s";
            settle.setOnFinished(event -> gestures(window, finished + " (the first gesture)",
                    () -> gestures(window, finished + " (once more)", () -> {
                        window.runSettings().continuousProperty().set(true);
                        warmUp.play();
                    })));
            settle.play();
        });
        window.show(params);
    }

    /**
     * {@code --benchmark-training SECONDS}: the window in Training mode runs the paper's sine task at full
     * speed, the decoder learning from t = 0 to the end, drawing the training plot and the other views
     * as usual; after a warm-up of twelve seconds it measures for SECONDS how much simulated time passes
     * per wall second, prints that with the RLS updates and the frame times, and exits.
     */
    static void runTraining(MainWindow window, SpikeFxApplication.WindowArguments arguments) {
        int n = arguments.benchmarkNeurons() == null ? NetworkParameters.DEFAULTS.n() : arguments.benchmarkNeurons();
        // Long enough that the run cannot end while it is measured, even far above real time.
        double runSeconds = 10 * (TRAINING_WARM_UP_SECONDS + arguments.benchmarkSeconds()) + TRAINING_RUN_SECONDS;
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.NREC, Math.min(
                NetworkParameters.DEFAULTS.nrec(), n)).with(Parameter.N, n).with(Parameter.T, runSeconds);
        window.runSettings().speedProperty().set(Double.POSITIVE_INFINITY);
        window.show(params);
        TrainingModel training = window.training();
        training.parametersProperty().set(training.parametersProperty().get()
                .with(TrainingParameter.TRAIN_START, 0).with(TrainingParameter.TRAIN_STOP, runSeconds));
        training.modeProperty().set(TrainingModel.Mode.TRAINING); // restarts the run, trained

        PauseTransition warmUp = new PauseTransition(Duration.seconds(TRAINING_WARM_UP_SECONDS));
        PauseTransition measure = new PauseTransition(Duration.seconds(arguments.benchmarkSeconds()));
        double[] atStart = new double[3];
        warmUp.setOnFinished(event -> {
            window.frameTimes().clear();
            atStart[0] = window.simulatedSteps() * params.dt();
            atStart[1] = training.updatesProperty().get();
            atStart[2] = simulationCpuSeconds();
            measure.play();
        });
        measure.setOnFinished(event -> {
            FrameTimes frames = window.frameTimes();
            double simulated = window.simulatedSteps() * params.dt() - atStart[0];
            System.out.printf(Locale.ROOT, "UI training benchmark: n = %d, %s s at full speed, learning all the"
                    + " while, %d frames (%.1f per second), %.2f s simulated = %.2fx real time, %,d RLS updates%n",
                    n, Parameter.format(arguments.benchmarkSeconds()), frames.frames(),
                    frames.frames() / arguments.benchmarkSeconds(), simulated, simulated / arguments.benchmarkSeconds(),
                    (long) (training.updatesProperty().get() - atStart[1]));
            System.out.println("  pulse handler (drain queue, update views):   " + frames.summary(FrameTimes.Kind.HANDLER));
            System.out.println("  FX thread per frame (handler, CSS, layout):  " + frames.summary(FrameTimes.Kind.FX_THREAD));
            System.out.println("  frame interval (FX thread and rendering):    " + frames.summary(FrameTimes.Kind.INTERVAL));
            double cpu = simulationCpuSeconds() - atStart[2];
            // On a machine shared with other work the thread gets less than a core: its own CPU time says how
            // fast it steps when it runs.
            System.out.printf(Locale.ROOT, "  simulation thread: %.1f s of CPU time (%.0f%% of a core), %.2f s"
                    + " simulated per CPU second%n", cpu, 100 * cpu / arguments.benchmarkSeconds(), simulated / cpu);
            if (arguments.benchmarkSpectrum()) {
                // The spectrum after training needs a decoder: wait for the first update if there is none yet.
                Runnable takeSpectrum = () -> {
                    window.runSettings().pausedProperty().set(true);
                    training.commands().snapshot().whenComplete((snapshot, failure) -> spectrum(window, snapshot,
                            failure));
                };
                if (training.updatesProperty().get() > 0) {
                    takeSpectrum.run();
                } else {
                    training.updatesProperty().addListener(new javafx.beans.InvalidationListener() {
                        @Override
                        public void invalidated(javafx.beans.Observable updates) {
                            training.updatesProperty().removeListener(this);
                            takeSpectrum.run();
                        }
                    });
                }
            } else {
                window.stage().close();
                Platform.exit();
            }
        });
        warmUp.play();
    }

    /** CPU time of the runner's simulation thread so far, in seconds (the RLS helpers not counted). */
    private static double simulationCpuSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (SimulationRunner.THREAD_NAME.equals(thread.getName())) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos / 1e9;
    }

    /**
     * Times what Eigenvalues… computes, on this thread (the simulation thread, the run paused): the
     * spectrum of the effective weights before training (phi = 0) and with the decoder learnt. Then exits.
     */
    private static void spectrum(MainWindow window, NetworkSnapshot snapshot, Throwable failure) {
        try {
            if (failure != null) {
                System.out.println("Spectrum benchmark: no snapshot of the network: " + Messages.reason(failure));
                return;
            }
            int n = snapshot.decoder().length;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (boolean trained : new boolean[] {false, true}) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                EigenSpectrum.Eigenvalues found = EigenSpectrum.compute(snapshot.weights(), snapshot.encoder(),
                        trained ? snapshot.decoder() : new double[n], fraction -> { }, () -> false);
                // The CPU time says what the wall time would be on a machine that nothing else shares.
                System.out.printf(Locale.ROOT, "Spectrum benchmark: n = %d, %d eigenvalues %s training in %.1f s"
                        + " (%.1f s of CPU time; largest modulus %.3f)%n", n, found.size(),
                        trained ? "after" : "before", (System.nanoTime() - start) / 1e9,
                        (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9, found.radius());
            }
        } finally {
            Platform.runLater(() -> {
                window.stage().close();
                Platform.exit();
            });
        }
    }

    /**
     * A zoom and pan gesture, one step of it per frame, as a hand on the
     * wheel and the mouse would: {@link #GESTURE_FRAMES} frames zooming in about the middle to 1/20 of
     * the window, as many panning back through it, as many zooming out; then the FX thread's frame
     * times of the gesture are printed and {@code then} runs.
     */
    private static void gestures(MainWindow window, String over, Runnable then) {
        window.frameTimes().clear();
        double zoomPerFrame = Math.pow(GESTURE_ZOOM, 1.0 / GESTURE_FRAMES);
        double panPerFrame = -window.plotArea().window().span() / GESTURE_ZOOM / 8;
        int[] frame = {0};
        AnimationTimer gesture = new AnimationTimer() {
            @Override
            public void handle(long now) {
                int step = frame[0]++;
                // Each step goes in between this pulse and the next, where JavaFX delivers the wheel's and
                // the mouse's events: made here, inside the pulse, it would come after the live pulse had
                // drawn, and a run going on would be drawn twice a frame, once for its own news and once for
                // the gesture's, which a hand on the mouse never causes.
                if (step < GESTURE_FRAMES) {
                    Platform.runLater(() -> window.zoom().zoomAboutMiddle(1 / zoomPerFrame));
                } else if (step < 2 * GESTURE_FRAMES) {
                    Platform.runLater(() -> window.plotArea().window().pan(panPerFrame));
                } else if (step < 3 * GESTURE_FRAMES) {
                    Platform.runLater(() -> window.zoom().zoomAboutMiddle(zoomPerFrame));
                } else {
                    stop();
                    FrameTimes frames = window.frameTimes();
                    System.out.printf(Locale.ROOT, "Zoom and pan gesture over %s: %d frames, zooming to 1/%.0f,"
                            + " panning, zooming out%n", over, frames.frames(), GESTURE_ZOOM);
                    System.out.println("  FX thread per frame (handler, CSS, layout):  " + frames.summary(FrameTimes.Kind.FX_THREAD));
                    System.out.println("  ... of which the FX thread's own CPU time:   " + frames.summary(FrameTimes.Kind.FX_THREAD_CPU));
                    System.out.println("  frame interval (FX thread and rendering):    " + frames.summary(FrameTimes.Kind.INTERVAL));
                    StringBuilder slowest = new StringBuilder("  slowest frames by the FX thread's CPU time: ");
                    for (int k : frames.slowest(FrameTimes.Kind.FX_THREAD_CPU, SLOWEST_SHOWN)) {
                        String part = k < GESTURE_FRAMES ? "zooming in" : k < 2 * GESTURE_FRAMES ? "panning" : "zooming out";
                        slowest.append(String.format(Locale.ROOT, "%.1f ms (frame %d, %s; pulse handler %.1f ms), ",
                                frames.millis(FrameTimes.Kind.FX_THREAD_CPU, k), k + 1, part,
                                frames.millis(FrameTimes.Kind.HANDLER, k)));
                    }
                    System.out.println(slowest.substring(0, slowest.length() - 2));
                    then.run();
                }
            }
        };
        gesture.start();
    }
}
