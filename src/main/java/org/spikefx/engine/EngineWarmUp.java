package org.spikefx.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * Builds and steps a small network of its own on a background thread, while the command line reads its
 * options, so that the just-in-time compiler has compiled the build's and the step's loops by the time
 * the command's own network is built. A run at the defaults spends most of its wall time in those loops
 * running before they are compiled (its build takes 0.3–0.45 s cold, 0.12 s once compiled); with this,
 * {@code simulate} at the defaults takes about 0.15 s less wall time on two cores. Only on a machine with a
 * core to spare: on one core it would slow the command down. Nothing it makes is kept or shown.
 */
public final class EngineWarmUp {
    /** Small enough to cost a tenth of a second, large enough that each loop runs long enough to be compiled. */
    static final int NEURONS = 300;
    static final int ROUNDS = 3;
    static final int STEPS = 4000;
    private static final System.Logger LOG = System.getLogger(EngineWarmUp.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private EngineWarmUp() {
    }

    /** Starts the warm-up once in this program, if the machine has more than one core; later calls do nothing. */
    public static void startOnce() {
        if (Runtime.getRuntime().availableProcessors() < 2 || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException | Error e) {
                // Only a warm-up: the command runs the same without it, a little later.
                LOG.log(System.Logger.Level.DEBUG, "the engine's warm-up stopped", e);
            }
        }, "engine-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** One warm-up: {@link #ROUNDS} small networks built and stepped; returns their spikes, counted. */
    static long run() {
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, NEURONS);
        long spikes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            RandomNetwork network = ModelFactory.BALANCED.buildNetwork(params, fraction -> { });
            NetworkModel model = ModelFactory.BALANCED.create(params, network);
            long[] counted = {0};
            new RunLoop(model).runToUnchecked(STEPS, List.of(), stepped -> {
                counted[0] += stepped.spikeCount();
                return false;
            });
            spikes += counted[0];
        }
        return spikes;
    }
}
