package org.spikefx.engine;

import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

import org.spikefx.params.NetworkParameters;

/**
 * Everything the random stream decides: the weight matrix and the uniform draws behind the initial
 * voltages. Depends on n, p, g and seed only, so other parameter changes can reuse it.
 *
 * <p>The reference draws {@code randn(n, n)}, then {@code rand(n, n)} (connected where u < p), then
 * {@code rand(n)}. Building the same matrix without n² memory takes three passes over the stream:
 * <ol>
 *   <li>skip the n² gaussians (rejection test only, no logarithm) to find where the uniforms start;</li>
 *   <li>draw the uniforms: record the connected columns of each row and count synapses per column;</li>
 *   <li>walk the gaussians again, computing only the pairs that hold a connected entry, scale them,
 *       remove each row's mean and scatter the row into its columns.</li>
 * </ol>
 * Memory is O(synapses): one int per synapse during the build, plus the final matrix.
 */
public final class RandomNetwork {
    private final int n;
    private final double p;
    private final double g;
    private final long seed;
    private final SynapticWeights weights;
    private final double[] initialDraws;

    private RandomNetwork(int n, double p, double g, long seed, SynapticWeights weights, double[] initialDraws) {
        this.n = n;
        this.p = p;
        this.g = g;
        this.seed = seed;
        this.weights = weights;
        this.initialDraws = initialDraws;
    }

    public static RandomNetwork build(NetworkParameters params) {
        return build(params, fraction -> { });
    }

    /**
     * Builds the network of these parameters (only n, p, g and seed matter).
     *
     * @param progress receives the fraction done, from 0 to 1, a few hundred times during the build
     * @throws CancellationException if the building thread is interrupted
     */
    public static RandomNetwork build(NetworkParameters params, DoubleConsumer progress) {
        int n = params.n();
        double p = params.p();
        double g = params.g();
        long entries = (long) n * n;
        ProgressTicker ticker = new ProgressTicker(progress, 3L * n);

        LegacyRandom gaussianStream = new LegacyRandom(params.seed());
        LegacyRandom uniformStream = gaussianStream.copy();
        // n² is even when n is even; when n is odd the last gaussian is cached and never used.
        for (long pair = 0, pairs = (entries + 1) / 2; pair < pairs; pair++) {
            uniformStream.skipGaussianPair();
            if ((pair & 0xfffff) == 0) {
                ticker.advanceTo(n * pair / pairs);
            }
        }
        ticker.advanceTo(n);

        ConnectionMask mask = ConnectionMask.draw(uniformStream, n, p, ticker);
        double[] initialDraws = new double[n];
        for (int i = 0; i < n; i++) {
            initialDraws[i] = uniformStream.rand();
        }

        SynapticWeights weights = scaleAndCentre(gaussianStream, mask, g, n, p, ticker);
        progress.accept(1.0);
        return new RandomNetwork(n, p, g, params.seed(), weights, initialDraws);
    }

    /** Pass 3: the gaussians of the connected entries, scaled, row means removed, stored by column. */
    private static SynapticWeights scaleAndCentre(LegacyRandom gaussianStream, ConnectionMask mask, double g, int n,
                                                  double p, ProgressTicker ticker) {
        int synapses = mask.size();
        int[] columnStart = new int[n + 1];
        for (int j = 0; j < n; j++) {
            columnStart[j + 1] = columnStart[j] + mask.columnCount(j);
        }
        int[] fill = columnStart.clone();
        int[] targets = new int[synapses];
        double[] weights = new double[synapses];

        double sqrtNTimesP = Math.sqrt(n) * p;
        double[] rowValues = new double[n];
        int[] rowColumns = new int[n];
        LegacyRandom.GaussianPair pair = new LegacyRandom.GaussianPair();
        long nextPair = 0; // index of the next gaussian pair the stream will deliver
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int s = mask.rowStart(i), end = mask.rowStart(i + 1); s < end; s++) {
                int j = mask.column(s);
                long flat = (long) i * n + j;
                long pairIndex = flat >>> 1;
                if (pairIndex >= nextPair) {
                    for (; nextPair < pairIndex; nextPair++) {
                        gaussianStream.skipGaussianPair();
                    }
                    gaussianStream.nextGaussianPair(pair);
                    nextPair++;
                }
                double gaussian = (flat & 1) == 0 ? pair.first() : pair.second();
                // Evaluated as the reference writes it: ((g * G) * mask) / (sqrt(n) * p).
                double w = (g * gaussian) / sqrtNTimesP;
                if (w != 0) {
                    rowColumns[count] = j;
                    rowValues[count] = w;
                    count++;
                }
            }
            double mean = RowMean.ofNonzeros(rowValues, rowColumns, count);
            for (int k = 0; k < count; k++) {
                int j = rowColumns[k];
                int slot = fill[j]++;
                targets[slot] = i;
                weights[slot] = rowValues[k] - mean;
            }
            ticker.advanceTo(2L * n + i);
        }
        return new SynapticWeights(n, columnStart, targets, weights);
    }

    public int neuronCount() {
        return n;
    }

    public SynapticWeights weights() {
        return weights;
    }

    /** Initial membrane voltages for this reset voltage: v = vreset + u * (30 - vreset), as the reference. */
    public double[] initialVoltages(double vreset) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = vreset + initialDraws[i] * (30 - vreset);
        }
        return v;
    }

    /** Whether this network is the one these parameters describe. */
    public boolean matches(NetworkParameters params) {
        return params.n() == n && params.p() == p && params.g() == g && params.seed() == seed;
    }

    /** Reports progress in whole steps and stops the build when its thread is interrupted. */
    static final class ProgressTicker {
        private final DoubleConsumer progress;
        private final double total;
        private long lastReported = -1;
        private final long reportEvery;

        ProgressTicker(DoubleConsumer progress, long total) {
            this.progress = progress;
            this.total = total;
            this.reportEvery = Math.max(1, total / 300);
        }

        void advanceTo(long done) {
            if (done - lastReported >= reportEvery) {
                lastReported = done;
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("network build cancelled");
                }
                progress.accept(done / total);
            }
        }
    }
}
