package org.spikefx.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.spikefx.engine.LegacyRandom;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** The weight statistics against counts made independently from the matrix, entry by entry. */
class WeightStatisticsTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 240)
            .with(Parameter.SEED, 7);
    private static RandomNetwork network;
    private static WeightStatistics stats;
    private static double[][] dense;

    @BeforeAll
    static void build() {
        network = RandomNetwork.build(SMALL);
        stats = WeightStatistics.of(network);
        int n = SMALL.n();
        dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dense[i][j] = network.weights().weight(i, j);
            }
        }
    }

    @Test
    void everyRowSumsToZeroAfterCentringButNotBefore() {
        double largestBefore = 0;
        for (int i = 0; i < SMALL.n(); i++) {
            assertEquals(0, stats.rowSumAfter(i), 1e-12, "row " + i + " after centring");
            largestBefore = Math.max(largestBefore, Math.abs(stats.rowSumBefore(i)));
        }
        assertEquals(largestBefore, stats.largestRowSum(false));
        assertTrue(stats.largestRowSum(true) <= 1e-12);
        // Before centring a row sums about sqrt(n p) gaussians of size g / (sqrt(n) p): 0.13 for these
        // parameters; the largest of 240 lies well above a tenth of that.
        assertTrue(largestBefore > 0.05, "row sums before centring are random, the largest is " + largestBefore);
    }

    @Test
    void theWeightsBeforeCentringAreTheScaledGaussiansTheReferenceDraws() {
        // Row 0 of randn(n, n) is the stream's first n gaussians; its mask is the first n of rand(n, n), drawn
        // after all n² gaussians.
        int n = SMALL.n();
        LegacyRandom gaussians = new LegacyRandom(SMALL.seed());
        LegacyRandom uniforms = new LegacyRandom(SMALL.seed());
        uniforms.skipGaussianPairs((long) n * n / 2);
        double scale = SMALL.g() / (Math.sqrt(n) * SMALL.p());
        int connected = 0;
        for (int j = 0; j < n; j++) {
            double drawn = SMALL.g() * gaussians.randn() / (Math.sqrt(n) * SMALL.p());
            boolean synapse = uniforms.rand() < SMALL.p();
            double before = dense[0][j] == 0 && !synapse ? 0 : dense[0][j] + network.rowMean(0);
            assertEquals(synapse ? drawn : 0, before, 1e-15 * scale, "w[0][" + j + "] before centring");
            connected += synapse ? 1 : 0;
        }
        assertEquals(connected, stats.inDegrees()[0]);
    }

    @Test
    void degreesAreTheConnectionsOfEachRowAndColumn() {
        int n = SMALL.n();
        int[] in = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (dense[i][j] != 0) {
                    in[i]++;
                    out[j]++;
                }
            }
        }
        assertArrayEquals(in, stats.inDegrees());
        assertArrayEquals(out, stats.outDegrees());
        WeightStatistics.Histogram inDistribution = stats.inDegreeDistribution();
        for (int d = 0; d < inDistribution.counts().length; d++) {
            int degree = (int) inDistribution.from() + d;
            long neurons = java.util.Arrays.stream(in).filter(k -> k == degree).count();
            assertEquals(neurons, inDistribution.counts()[d], "neurons with in-degree " + degree);
        }
        assertEquals(n, inDistribution.total());
        assertEquals(n, stats.outDegreeDistribution().total());
        assertEquals(network.weights().synapseCount(), java.util.Arrays.stream(in).sum());
    }

    @Test
    void theHistogramsCountEveryNonzeroWeightBeforeAndAfterCentring() {
        WeightStatistics.Histogram after = stats.weightsAfter();
        WeightStatistics.Histogram before = stats.weightsBefore();
        long[] expectedAfter = new long[after.counts().length];
        long[] expectedBefore = new long[before.counts().length];
        for (int i = 0; i < SMALL.n(); i++) {
            for (int j = 0; j < SMALL.n(); j++) {
                double w = dense[i][j];
                if (w != 0) {
                    expectedAfter[binOf(w, after)]++;
                    expectedBefore[binOf(w + network.rowMean(i), before)]++;
                }
            }
        }
        assertArrayEquals(expectedAfter, after.counts());
        assertArrayEquals(expectedBefore, before.counts());
        assertEquals(network.weights().nonzeroCount(), after.total());
        assertEquals(WeightStatistics.WEIGHT_BINS, after.counts().length);
        assertEquals(-after.from(), after.to(), 1e-15, "the bins are symmetric about zero");
    }

    private static int binOf(double w, WeightStatistics.Histogram histogram) {
        int bin = (int) Math.floor((w - histogram.from()) / histogram.binWidth());
        return Math.max(0, Math.min(histogram.counts().length - 1, bin));
    }

    @Test
    void excitationAndInhibitionOfEachNeuronCancelAfterCentring() {
        for (int i = 0; i < SMALL.n(); i++) {
            double positive = 0;
            double negative = 0;
            for (double w : dense[i]) {
                if (w > 0) {
                    positive += w;
                } else {
                    negative += w;
                }
            }
            assertEquals(positive, stats.excitatory(i), 1e-12);
            assertEquals(negative, stats.inhibitory(i), 1e-12);
            assertEquals(0, stats.excitatory(i) + stats.inhibitory(i), 1e-12, "neuron " + i);
        }
        assertTrue(stats.meanInput(true, true) > 0.1, "both inputs are large...");
        assertEquals(-stats.meanInput(false, true), stats.meanInput(true, true), 1e-12, "...and cancel");
        assertEquals(stats.meanRowSum(false), stats.meanInput(true, false) + stats.meanInput(false, false), 1e-12);
    }

    @Test
    void aCancelStopsTheCount() {
        assertThrows(CancellationException.class, () -> WeightStatistics.of(network, fraction -> { }, () -> true));
    }
}
