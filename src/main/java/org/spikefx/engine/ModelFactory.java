package org.spikefx.engine;

import java.util.function.BiFunction;
import java.util.function.DoubleConsumer;

import org.spikefx.params.NetworkParameters;

/**
 * How to make one kind of {@link NetworkModel}: build what the random stream decides (the expensive
 * part, which depends on a few parameters only), and make a model on it. Whoever runs models (the
 * window's runner) keeps the last network and asks {@link #canReuse} before building a new one.
 */
public interface ModelFactory {

    /** Builds the network of these parameters. */
    RandomNetwork buildNetwork(NetworkParameters params, DoubleConsumer progress);

    /** Whether a network built earlier serves these parameters as well. */
    boolean canReuse(RandomNetwork network, NetworkParameters params);

    /** A model at step 0 on this network. */
    NetworkModel create(NetworkParameters params, RandomNetwork network);

    /** The balanced network stepped on the calling thread alone, leaving the other cores to drawing. */
    ModelFactory BALANCED = balanced(Simulation::new);

    /** The balanced network using every core once it is large enough to gain from it; for runs that own the machine. */
    ModelFactory BALANCED_ALL_CORES = balanced(Simulation::usingAllCores);

    /**
     * The balanced network stepped on every core but one once it is large enough to gain from it
     * ({@link Simulation#PARALLEL_FROM_NEURONS}): the window's, whose drawing (the FX thread and the
     * renderer) takes about one core. On two cores that is one thread. When other programs take the
     * cores, the steps fall back to one thread for a while, as every parallel simulation's do.
     */
    ModelFactory BALANCED_BESIDE_DRAWING = balanced((params, network) -> {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return threads > 1 && params.n() >= Simulation.PARALLEL_FROM_NEURONS
                ? Simulation.parallel(params, network, threads) : new Simulation(params, network);
    });

    /**
     * The balanced network stepped on exactly {@code threads} threads (the calling one and workers),
     * whatever its size: for users and tests who choose. The spikes are the same for every count.
     */
    static ModelFactory balancedOn(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a simulation needs at least 1 thread, not " + threads);
        }
        return balanced((params, network) -> threads == 1 ? new Simulation(params, network)
                : Simulation.parallel(params, network, threads));
    }

    /** The balanced network, built and reused alike for every way of stepping it. */
    private static ModelFactory balanced(BiFunction<NetworkParameters, RandomNetwork, NetworkModel> stepping) {
        return new ModelFactory() {
            @Override
            public RandomNetwork buildNetwork(NetworkParameters params, DoubleConsumer progress) {
                return RandomNetwork.build(params, RandomNetwork.Kind.BALANCED, progress);
            }

            @Override
            public boolean canReuse(RandomNetwork network, NetworkParameters params) {
                return network.kind() == RandomNetwork.Kind.BALANCED && network.matches(params);
            }

            @Override
            public NetworkModel create(NetworkParameters params, RandomNetwork network) {
                return stepping.apply(params, network);
            }
        };
    }
}
