package org.spikefx.ui;

import java.util.Locale;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * {@code --benchmark-ui SECONDS}: the window runs the network continuously at full speed; after a
 * warm-up of two seconds the FX thread's frame times are recorded for SECONDS, printed, and the
 * application exits.
 */
final class UiBenchmark {
    private static final double WARM_UP_SECONDS = 2;
    private static final double WINDOW_SECONDS = 10;

    private UiBenchmark() {
    }

    static void run(MainWindow window, SpikeFxApplication.WindowArguments arguments) {
        // nrec first, so that a small n stays above it.
        NetworkParameters params = arguments.benchmarkNeurons() == null ? NetworkParameters.DEFAULTS
                : NetworkParameters.DEFAULTS.with(Parameter.NREC, Math.min(NetworkParameters.DEFAULTS.nrec(),
                        arguments.benchmarkNeurons())).with(Parameter.N, arguments.benchmarkNeurons());
        window.controls().speedProperty().set(Double.POSITIVE_INFINITY);
        window.controls().continuousProperty().set(true);
        // A wide window, so that at n = 10,000 over a million spikes are on screen by the end.
        window.controls().setWindowSeconds(WINDOW_SECONDS);
        window.show(params);

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
            window.stage().close();
            Platform.exit();
        });
        warmUp.play();
    }
}
