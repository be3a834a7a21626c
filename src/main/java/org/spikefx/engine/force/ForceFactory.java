package org.spikefx.engine.force;

import java.io.IOException;
import java.util.function.DoubleConsumer;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameters;

/**
 * Makes {@link ForceNetwork}s of one set of training parameters: the network of kind
 * {@link RandomNetwork.Kind#TRAINED}, which any training settings can reuse, and a fresh target
 * signal for each model. A CSV target is read once, here.
 */
public final class ForceFactory implements ModelFactory {
    /** Bytes per synapse while the network is built (see RandomNetwork), for the memory check. */
    private static final long BYTES_PER_SYNAPSE_DURING_BUILD = 16;

    private final TrainingParameters training;
    private final double[] csvSamples;
    private final int rlsThreads;

    /**
     * @param rlsThreads threads that share each RLS update (the window leaves cores to drawing)
     * @throws IOException if a CSV target cannot be read, with a one-line message naming the file
     */
    public ForceFactory(TrainingParameters training, int rlsThreads) throws IOException {
        this.training = training;
        this.csvSamples = training.target() == TargetShape.CSV ? TargetSignal.readCsv(training.targetFile()) : null;
        this.rlsThreads = rlsThreads;
    }

    public TrainingParameters training() {
        return training;
    }

    /**
     * Refuses, before any work, a network whose RLS matrix P and weights do not fit in the heap: P alone
     * takes one triangle of n x n doubles (n^2 * 4 bytes; 16 MB at n = 2000, 1.6 GB at n = 20,000), and
     * RLS keeps up to 64 MB of pending changes beside it (32 MB at n = 2000).
     *
     * @throws IllegalArgumentException with one line naming n, the memory needed and the memory there is
     */
    public static void requireFits(NetworkParameters params, long maxHeapBytes) {
        int n = params.n();
        long rls = ForceNetwork.rlsBytes(n);
        double synapses = (double) n * n * params.p();
        double needed = rls + ForceNetwork.rlsPendingBytes(n) + synapses * BYTES_PER_SYNAPSE_DURING_BUILD;
        if (needed > maxHeapBytes || rls > 8L * (Integer.MAX_VALUE - 8)) {
            throw new IllegalArgumentException("training n = " + n + " needs about " + RandomNetwork.amount(needed)
                    + " (the RLS matrix P alone " + RandomNetwork.amount(rls) + "), more than the "
                    + RandomNetwork.amount(maxHeapBytes) + " this program may use; choose a smaller n, or start Java"
                    + " with a larger -Xmx");
        }
    }

    @Override
    public RandomNetwork buildNetwork(NetworkParameters params, DoubleConsumer progress) {
        requireFits(params, Runtime.getRuntime().maxMemory());
        return RandomNetwork.build(params, RandomNetwork.Kind.TRAINED, progress);
    }

    @Override
    public boolean canReuse(RandomNetwork network, NetworkParameters params) {
        return network.kind() == RandomNetwork.Kind.TRAINED && network.matches(params);
    }

    @Override
    public ForceNetwork create(NetworkParameters params, RandomNetwork network) {
        requireFits(params, Runtime.getRuntime().maxMemory());
        return new ForceNetwork(params, training, network, TargetSignal.of(training, params, csvSamples), rlsThreads);
    }
}
