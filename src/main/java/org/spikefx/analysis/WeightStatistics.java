package org.spikefx.analysis;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.IntToDoubleFunction;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.SynapticWeights;

/**
 * What the weight matrix of a network is made of, before and after each row's mean is removed: the
 * distribution of the nonzero weights, every neuron's row sum (random before, zero after: the balance
 * the model rests on), its in- and out-degree, and its excitatory and inhibitory input (the sums of the
 * positive and of the negative weights in its row), which cancel once the row mean is gone.
 *
 * <p>The engine keeps only the centred weights and each row's mean; a weight before centring is the
 * stored weight plus its row's mean, which gives back the drawn weight to within a rounding. The whole
 * matrix is read column by column in two passes (the sums and ranges, then the histograms), so a network
 * of n = 20,000 takes well under a second, on the caller's thread, and can be cancelled between columns.
 */
public final class WeightStatistics {
    /** Bins of the weight histograms: odd, so that zero lies in the middle of a bin. */
    public static final int WEIGHT_BINS = 81;
    /** Progress and a cancel are checked every this many columns. */
    private static final int COLUMNS_PER_CHECK = 256;

    /** Counts of values in equal bins from {@code from}, each {@code binWidth} wide. */
    public record Histogram(double from, double binWidth, long[] counts) {
        public double to() {
            return from + binWidth * counts.length;
        }

        public long total() {
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            return total;
        }

        public long max() {
            long max = 0;
            for (long count : counts) {
                max = Math.max(max, count);
            }
            return max;
        }

        /** The bin a value falls in; the upper end of the range counts in the last bin. */
        int bin(double value) {
            return Math.max(0, Math.min(counts.length - 1, (int) Math.floor((value - from) / binWidth)));
        }
    }

    private final int n;
    private final long synapses;
    private final int[] inDegree;
    private final int[] outDegree;
    private final double[] rowSumBefore;
    private final double[] rowSumAfter;
    private final double[] excitatoryBefore;
    private final double[] inhibitoryBefore;
    private final double[] excitatory;
    private final double[] inhibitory;
    private final Histogram weightsBefore;
    private final Histogram weightsAfter;

    private WeightStatistics(int n, long synapses, int[] inDegree, int[] outDegree, double[][] sums,
                             Histogram weightsBefore, Histogram weightsAfter) {
        this.n = n;
        this.synapses = synapses;
        this.inDegree = inDegree;
        this.outDegree = outDegree;
        this.rowSumBefore = sums[0];
        this.rowSumAfter = sums[1];
        this.excitatoryBefore = sums[2];
        this.inhibitoryBefore = sums[3];
        this.excitatory = sums[4];
        this.inhibitory = sums[5];
        this.weightsBefore = weightsBefore;
        this.weightsAfter = weightsAfter;
    }

    /** The statistics of a built network. */
    public static WeightStatistics of(RandomNetwork network) {
        return of(network.weights(), network::rowMean, fraction -> { }, () -> false);
    }

    /** ... reporting progress (0 to 1) and stopping when {@code cancelled} says so. */
    public static WeightStatistics of(RandomNetwork network, DoubleConsumer progress, BooleanSupplier cancelled) {
        return of(network.weights(), network::rowMean, progress, cancelled);
    }

    /**
     * @param rowMean the mean removed from each row (adding it back gives the weights before centring)
     * @throws CancellationException when {@code cancelled} answers true
     */
    static WeightStatistics of(SynapticWeights weights, IntToDoubleFunction rowMean, DoubleConsumer progress,
                               BooleanSupplier cancelled) {
        int n = weights.neuronCount();
        double[] means = new double[n];
        for (int i = 0; i < n; i++) {
            means[i] = rowMean.applyAsDouble(i);
        }
        int[] inDegree = new int[n];
        int[] outDegree = new int[n];
        // Row sums, compensated (Neumaier) so that a sum of zero is not hidden under rounding: before, after,
        // and the positive and negative parts of each.
        CompensatedSums sums = new CompensatedSums(6, n);
        double[] largest = new double[1];
        for (int first = 0; first < n; first += COLUMNS_PER_CHECK) {
            check(cancelled);
            progress.accept(0.5 * first / n);
            for (int j = first; j < Math.min(n, first + COLUMNS_PER_CHECK); j++) {
                int column = j;
                weights.forEachInColumn(j, 0, n, (i, w) -> {
                    double before = w + means[i];
                    inDegree[i]++;
                    outDegree[column]++;
                    sums.add(0, i, before);
                    sums.add(1, i, w);
                    sums.add(before > 0 ? 2 : 3, i, before);
                    sums.add(w > 0 ? 4 : 5, i, w);
                    largest[0] = Math.max(largest[0], Math.max(Math.abs(before), Math.abs(w)));
                });
            }
        }
        double reach = largest[0] > 0 ? largest[0] : 1;
        double width = 2 * reach / WEIGHT_BINS;
        Histogram before = new Histogram(-reach, width, new long[WEIGHT_BINS]);
        Histogram after = new Histogram(-reach, width, new long[WEIGHT_BINS]);
        for (int first = 0; first < n; first += COLUMNS_PER_CHECK) {
            check(cancelled);
            progress.accept(0.5 + 0.5 * first / n);
            for (int j = first; j < Math.min(n, first + COLUMNS_PER_CHECK); j++) {
                weights.forEachInColumn(j, 0, n, (i, w) -> {
                    double drawn = w + means[i];
                    if (drawn != 0) {
                        before.counts()[before.bin(drawn)]++;
                    }
                    if (w != 0) {
                        after.counts()[after.bin(w)]++;
                    }
                });
            }
        }
        progress.accept(1);
        return new WeightStatistics(n, weights.synapseCount(), inDegree, outDegree, sums.totals(), before, after);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the weight statistics were cancelled");
        }
    }

    /** Several sums per neuron, each with its Neumaier compensation. */
    private static final class CompensatedSums {
        private final double[][] sum;
        private final double[][] compensation;

        CompensatedSums(int kinds, int n) {
            sum = new double[kinds][n];
            compensation = new double[kinds][n];
        }

        void add(int kind, int i, double value) {
            double s = sum[kind][i];
            double t = s + value;
            compensation[kind][i] += Math.abs(s) >= Math.abs(value) ? (s - t) + value : (value - t) + s;
            sum[kind][i] = t;
        }

        double[][] totals() {
            double[][] totals = new double[sum.length][];
            for (int k = 0; k < sum.length; k++) {
                totals[k] = new double[sum[k].length];
                for (int i = 0; i < totals[k].length; i++) {
                    totals[k][i] = sum[k][i] + compensation[k][i];
                }
            }
            return totals;
        }
    }

    /** Counts of the values, one bin per whole number from the smallest value to the largest. */
    public static Histogram distribution(int[] values) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            return new Histogram(0, 1, new long[1]);
        }
        long[] counts = new long[max - min + 1];
        for (int v : values) {
            counts[v - min]++;
        }
        return new Histogram(min, 1, counts);
    }

    public int neuronCount() {
        return n;
    }

    /** Stored synapses: the connections drawn (u < p). */
    public long synapseCount() {
        return synapses;
    }

    /** Histogram of the nonzero weights as drawn, before the row means are removed; same bins as {@link #weightsAfter}. */
    public Histogram weightsBefore() {
        return weightsBefore;
    }

    /** Histogram of the nonzero weights the network runs on, after the row means are removed. */
    public Histogram weightsAfter() {
        return weightsAfter;
    }

    /** Synapses onto each neuron: the connections in its row. A copy. */
    public int[] inDegrees() {
        return inDegree.clone();
    }

    /** Synapses from each neuron: the connections in its column. A copy. */
    public int[] outDegrees() {
        return outDegree.clone();
    }

    /** How many neurons have each in-degree. */
    public Histogram inDegreeDistribution() {
        return distribution(inDegree);
    }

    /** How many neurons have each out-degree. */
    public Histogram outDegreeDistribution() {
        return distribution(outDegree);
    }

    /** Sum of row i's weights before centring. */
    public double rowSumBefore(int i) {
        return rowSumBefore[i];
    }

    /** Sum of row i's weights after centring: zero up to rounding. */
    public double rowSumAfter(int i) {
        return rowSumAfter[i];
    }

    /** Neuron i's excitatory input after centring: the sum of the positive weights in its row. */
    public double excitatory(int i) {
        return excitatory[i];
    }

    /** Neuron i's inhibitory input after centring: the sum of the negative weights in its row (at most 0). */
    public double inhibitory(int i) {
        return inhibitory[i];
    }

    /** The same before centring. */
    public double excitatoryBefore(int i) {
        return excitatoryBefore[i];
    }

    /** The same before centring. */
    public double inhibitoryBefore(int i) {
        return inhibitoryBefore[i];
    }

    /** The largest |row sum| before (false) or after (true) centring. */
    public double largestRowSum(boolean centred) {
        double[] sums = centred ? rowSumAfter : rowSumBefore;
        double largest = 0;
        for (double s : sums) {
            largest = Math.max(largest, Math.abs(s));
        }
        return largest;
    }

    /** The mean over neurons of an input: excitatory or inhibitory, before or after centring. */
    public double meanInput(boolean excitatoryInput, boolean centred) {
        double[] values = excitatoryInput ? (centred ? excitatory : excitatoryBefore)
                : (centred ? inhibitory : inhibitoryBefore);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The mean over neurons of the row sums before or after centring. */
    public double meanRowSum(boolean centred) {
        double[] sums = centred ? rowSumAfter : rowSumBefore;
        double sum = 0;
        for (double s : sums) {
            sum += s;
        }
        return n == 0 ? 0 : sum / n;
    }
}
