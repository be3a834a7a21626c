package org.spikefx.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import java.util.function.IntFunction;

import org.spikefx.params.NetworkParameters;

/**
 * Everything the random stream decides: the weight matrix and the uniform draws behind the initial
 * voltages. Depends on n, p, g and seed only, so other parameter changes can reuse it.
 *
 * <p>The reference draws {@code randn(n, n)}, then {@code rand(n, n)} (connected where u < p), then
 * {@code rand(n)}. Building the same matrix without n² memory takes three passes over the stream:
 * <ol>
 *   <li>skip the n² gaussians (rejection test only, no logarithm) to find where the uniforms start,
 *       keeping a copy of the stream where each band of rows begins;</li>
 *   <li>draw the uniforms: record the connected columns of each row and count synapses per column;</li>
 *   <li>walk the gaussians again, computing only the pairs that hold a connected entry, scale them,
 *       remove each row's mean and write the row into its columns.</li>
 * </ol>
 * Passes 2 and 3 split the rows into bands that are built in parallel: a band's uniforms start at a
 * known offset of the stream, its gaussians at the copy kept in pass 1. Memory is O(synapses): one
 * int per synapse during the build, plus the final matrix.
 *
 * <p>The network of a trained model ({@link Kind#TRAINED}) differs in two ways, as its reference
 * does: each row's mean is a plain left-to-right sum, and between the matrix and the initial voltages
 * come n more uniforms, for the feedback encoder.
 */
public final class RandomNetwork {

    /** Which reference the network follows: how rows are centred and what is drawn after the matrix. */
    public enum Kind {
        /** The balanced network: NumPy's pairwise row mean; then rand(n) for the voltages. */
        BALANCED,
        /** The network FORCE trains: Python's plain sum for the row mean; rand(n) for the encoder, then rand(n) for the voltages. */
        TRAINED
    }

    /** Below this size a band of rows is not worth a thread of its own. */
    private static final int ROWS_PER_BAND_MIN = 1000;
    /** Largest number of synapses an int index reaches (the largest safe Java array). */
    static final long MAX_SYNAPSES = Integer.MAX_VALUE - 8;
    /** Target (2 or 4) and weight (8) of the matrix, plus the mask's column (4) while building: at most 16. */
    private static final int BYTES_PER_SYNAPSE_DURING_BUILD = 16;

    private final int n;
    private final double p;
    private final double g;
    private final long seed;
    private final Kind kind;
    private final SynapticWeights weights;
    private final double[] encoderDraws;
    private final double[] initialDraws;
    /** The mean each row had before it was removed: what a view of the weights before centring adds back. */
    private final double[] rowMeans;

    private RandomNetwork(NetworkParameters params, Kind kind, SynapticWeights weights, double[] encoderDraws,
                          double[] initialDraws, double[] rowMeans) {
        this(params.p(), params.g(), params.seed(), kind, weights, encoderDraws, initialDraws, rowMeans);
    }

    /** A network from its parts, as {@link NetworkFile} reads them; n is the matrix's. */
    RandomNetwork(double p, double g, long seed, Kind kind, SynapticWeights weights, double[] encoderDraws,
                  double[] initialDraws, double[] rowMeans) {
        this.n = weights.neuronCount();
        this.p = p;
        this.g = g;
        this.seed = seed;
        this.kind = kind;
        this.weights = weights;
        this.encoderDraws = encoderDraws;
        this.initialDraws = initialDraws;
        this.rowMeans = rowMeans;
    }

    public static RandomNetwork build(NetworkParameters params) {
        return build(params, fraction -> { });
    }

    /**
     * Builds the network of these parameters (only n, p, g and seed matter).
     *
     * @param progress receives the fraction done, from 0 to 1, a few hundred times, from any of the build's threads
     * @throws CancellationException if the calling thread is interrupted during the build
     */
    public static RandomNetwork build(NetworkParameters params, DoubleConsumer progress) {
        return build(params, Kind.BALANCED, progress);
    }

    /**
     * Builds the network of this kind for these parameters (only n, p, g and seed matter).
     *
     * @throws CancellationException if the calling thread is interrupted during the build
     */
    public static RandomNetwork build(NetworkParameters params, Kind kind, DoubleConsumer progress) {
        int bands = Math.min(Runtime.getRuntime().availableProcessors(), params.n() / ROWS_PER_BAND_MIN);
        return build(params, kind, progress, Math.max(1, bands),
                params.n() <= SynapticWeights.NARROW_TARGETS_MAX_NEURONS);
    }

    /** Builds with the rows split into this many bands; the result does not depend on it. */
    static RandomNetwork build(NetworkParameters params, DoubleConsumer progress, int bands) {
        return build(params, progress, bands, params.n() <= SynapticWeights.NARROW_TARGETS_MAX_NEURONS);
    }

    /** ... and with the targets stored in 16 bits or in 32 (which only the size of the network decides otherwise). */
    static RandomNetwork build(NetworkParameters params, DoubleConsumer progress, int bands, boolean narrowTargets) {
        return build(params, Kind.BALANCED, progress, bands, narrowTargets);
    }

    private static RandomNetwork build(NetworkParameters params, Kind kind, DoubleConsumer progress, int bands,
                                       boolean narrowTargets) {
        int n = params.n();
        checkSize(params);
        int[] bandStart = new int[bands + 1];
        for (int b = 0; b <= bands; b++) {
            bandStart[b] = (int) ((long) n * b / bands);
        }
        BuildProgress work = new BuildProgress(progress, 3L * n);

        // Pass 1. n² gaussians come in ceil(n²/2) pairs; a band's first entry lies in pair floor(row * n / 2).
        LegacyRandom stream = new LegacyRandom(params.seed());
        LegacyRandom[] bandGaussians = new LegacyRandom[bands];
        long pairsDone = 0;
        for (int row = 0, band = 0; row <= n; row++) {
            long firstPair = (long) row * n / 2;
            stream.skipGaussianPairs(firstPair - pairsDone);
            pairsDone = firstPair;
            if (band < bands && row == bandStart[band]) {
                bandGaussians[band++] = stream.copy();
            }
            work.advance(row < n ? 1 : 0);
        }
        stream.skipGaussianPairs(((long) n * n + 1) / 2 - pairsDone);
        LegacyRandom uniformsStart = stream;

        try (Bands parallel = new Bands(bands, work)) {
            ConnectionMask[] masks = parallel.run(b -> {
                LegacyRandom uniforms = uniformsStart.copy();
                uniforms.skipOutputs(2L * n * bandStart[b]); // rand() takes two outputs
                return ConnectionMask.draw(uniforms, n, params.p(), bandStart[b], bandStart[b + 1], work);
            }, ConnectionMask[]::new);

            LegacyRandom afterUniforms = uniformsStart.copy();
            afterUniforms.skipOutputs(2L * n * n);
            double[] encoderDraws = new double[kind == Kind.TRAINED ? n : 0];
            for (int i = 0; i < encoderDraws.length; i++) {
                encoderDraws[i] = afterUniforms.rand();
            }
            double[] initialDraws = new double[n];
            for (int i = 0; i < n; i++) {
                initialDraws[i] = afterUniforms.rand();
            }

            SynapticWeights.Builder matrix = new SynapticWeights.Builder(n, masks, narrowTargets);
            double[] rowMeans = new double[n];
            parallel.run(b -> {
                writeWeights(bandGaussians[b], masks[b], params, kind, matrix.bandWriter(b), rowMeans, work);
                return null;
            }, Object[]::new);
            progress.accept(1.0);
            return new RandomNetwork(params, kind, matrix.build(), encoderDraws, initialDraws, rowMeans);
        }
    }

    /**
     * Refuses, before any work, a network whose synapses cannot be indexed or cannot fit in the heap;
     * public so that a command can refuse such values as it reads them.
     *
     * @throws IllegalArgumentException naming n and p and what to do
     */
    public static void checkSize(NetworkParameters params) {
        double expected = (double) params.n() * params.n() * params.p();
        String network = "n = " + params.n() + " and p = " + params.p();
        if (expected > MAX_SYNAPSES) {
            throw new IllegalArgumentException(network + " give about " + String.format("%.3g", expected)
                    + " synapses, more than the " + MAX_SYNAPSES + " that fit; choose a smaller n or p");
        }
        double bytes = expected * BYTES_PER_SYNAPSE_DURING_BUILD;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException(String.format("%s need about %s of memory, more than the %s"
                    + " this program may use; choose a smaller n or p, or start Java with a larger -Xmx",
                    network, amount(bytes), amount(heap)));
        }
    }

    /** An amount of memory as people write it: "1.3 GB", "640 MB"; every refusal for memory says it so. */
    public static String amount(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / 1e6));
    }

    /**
     * Pass 3 for one band: the gaussians of the connected entries, scaled, row means removed, by column;
     * each row's mean is kept in {@code rowMeans} (a band writes only its own rows).
     */
    private static void writeWeights(LegacyRandom gaussians, ConnectionMask mask, NetworkParameters params, Kind kind,
                                     SynapticWeights.Builder.BandWriter matrix, double[] rowMeans,
                                     BuildProgress work) {
        int n = params.n();
        double g = params.g();
        double sqrtNTimesP = Math.sqrt(n) * params.p();
        double[] rowValues = new double[n];
        int[] rowColumns = new int[n];
        LegacyRandom.GaussianPair pair = new LegacyRandom.GaussianPair();
        long nextPair = (long) mask.firstRow() * n / 2; // the pair the stream delivers next
        for (int i = mask.firstRow(); i < mask.endRow(); i++) {
            int count = 0;
            for (int s = mask.rowStart(i), end = mask.rowStart(i + 1); s < end; s++) {
                int j = mask.column(s);
                long flat = (long) i * n + j;
                long pairIndex = flat >>> 1;
                if (pairIndex >= nextPair) {
                    gaussians.skipGaussianPairs(pairIndex - nextPair);
                    gaussians.nextGaussianPair(pair);
                    nextPair = pairIndex + 1;
                }
                double gaussian = (flat & 1) == 0 ? pair.first() : pair.second();
                // As the reference writes it: ((g * G) * mask) / (sqrt(n) * p).
                double w = (g * gaussian) / sqrtNTimesP;
                if (w != 0) {
                    rowColumns[count] = j;
                    rowValues[count] = w;
                    count++;
                }
            }
            double mean = kind == Kind.BALANCED ? RowMean.ofNonzeros(rowValues, rowColumns, count)
                    : RowMean.plainSum(rowValues, count) / count;
            rowMeans[i] = count == 0 ? 0 : mean;
            for (int k = 0; k < count; k++) {
                matrix.put(i, rowColumns[k], rowValues[k] - mean);
            }
            work.advance(1);
        }
    }

    public int neuronCount() {
        return n;
    }

    public SynapticWeights weights() {
        return weights;
    }

    /**
     * The mean of row i's nonzero weights before it was subtracted (0 for a row without synapses): the
     * weights before centring are {@code weight + rowMean(i)}, to within a rounding of the stored weight.
     */
    public double rowMean(int i) {
        return rowMeans[i];
    }

    /** Initial membrane voltages for this reset voltage: v = vreset + u * (30 - vreset), as the reference. */
    public double[] initialVoltages(double vreset) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = vreset + initialDraws[i] * (NetworkModel.SPIKE_PEAK_MV - vreset);
        }
        return v;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The feedback encoder of a trained network for feedback scale Q: eta = (2 * u - 1) * Q, as the
     * reference writes it.
     *
     * @throws IllegalStateException for a balanced network, which draws no encoder
     */
    public double[] encoder(double q) {
        if (kind != Kind.TRAINED) {
            throw new IllegalStateException("a balanced network has no feedback encoder");
        }
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = (2 * encoderDraws[i] - 1) * q;
        }
        return eta;
    }

    // The parts as they are, for NetworkFile to write; not to be changed.

    double connectionProbability() {
        return p;
    }

    double gain() {
        return g;
    }

    long seed() {
        return seed;
    }

    double[] encoderDraws() {
        return encoderDraws;
    }

    double[] initialDraws() {
        return initialDraws;
    }

    double[] rowMeans() {
        return rowMeans;
    }

    /** Whether this network is the one these parameters describe (of either kind). */
    public boolean matches(NetworkParameters params) {
        return params.n() == n && params.p() == p && params.g() == g && params.seed() == seed;
    }

    /** Runs one task per band of rows: band 0 on the calling thread, the others on threads of their own. */
    private static final class Bands implements AutoCloseable {
        private final int count;
        private final BuildProgress work;
        private final ExecutorService threads;

        Bands(int count, BuildProgress work) {
            this.count = count;
            this.work = work;
            this.threads = count == 1 ? null : Executors.newFixedThreadPool(count - 1, task -> {
                Thread thread = new Thread(task, "network-build");
                thread.setDaemon(true);
                return thread;
            });
        }

        <T> T[] run(IntFunction<T> task, IntFunction<T[]> newArray) {
            T[] results = newArray.apply(count);
            List<Future<T>> others = new ArrayList<>();
            for (int b = 1; b < count; b++) {
                int band = b;
                others.add(threads.submit(() -> task.apply(band)));
            }
            try {
                results[0] = task.apply(0);
                for (int b = 1; b < count; b++) {
                    results[b] = others.get(b - 1).get();
                }
                return results;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stop(others, new CancellationException("network build cancelled"));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    stop(others, null);
                    throw error;
                }
                throw stop(others, e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException(e.getCause()));
            } catch (RuntimeException e) {
                throw stop(others, e);
            }
        }

        private RuntimeException stop(List<? extends Future<?>> others, RuntimeException cause) {
            work.cancel();
            others.forEach(future -> future.cancel(true));
            return cause;
        }

        @Override
        public void close() {
            if (threads != null) {
                threads.shutdownNow();
            }
        }
    }
}
