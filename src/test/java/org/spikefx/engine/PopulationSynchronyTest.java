package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class PopulationSynchronyTest {

    @Test
    void fanoFactorIsVarianceOverMean() {
        assertEquals(0.0, PopulationSynchrony.fanoFactor(new int[] {3, 3, 3}));
        // mean 1, variance 1
        assertEquals(1.0, PopulationSynchrony.fanoFactor(new int[] {0, 2, 0, 2}));
        // mean 5, variance 25: all spikes in every other bin
        assertEquals(5.0, PopulationSynchrony.fanoFactor(new int[] {0, 10, 0, 10}));
    }

    @Test
    void fanoFactorOfNoSpikesIsUndefined() {
        assertEquals(Double.NaN, PopulationSynchrony.fanoFactor(new int[] {0, 0}));
        assertEquals(Double.NaN, PopulationSynchrony.fanoFactor(new int[0]));
    }

    @Test
    void countsStartAfterTheSettlingTimeInFiveMillisecondBins() {
        // dt = 1 ms: bins of 5 steps from step 200 (0.2 s); T = 0.3 s gives 20 whole bins.
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.DT, 0.001).with(Parameter.T, 0.3);
        SpikeRecord spikes = new SpikeRecord();
        spikes.add(0, new int[] {1, 2, 3}, 3);
        spikes.add(199, new int[] {4}, 1);
        spikes.add(200, new int[] {5, 6}, 2);
        spikes.add(204, new int[] {7}, 1);
        spikes.add(205, new int[] {8}, 1);
        spikes.add(299, new int[] {9}, 1);

        int[] expected = new int[20];
        expected[0] = 3;
        expected[1] = 1;
        expected[19] = 1;
        assertArrayEquals(expected, PopulationSynchrony.populationCounts(spikes, params));
    }

    @Test
    void aBinTheRunDoesNotFillIsLeftOut() {
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.DT, 0.001).with(Parameter.T, 0.213);
        SpikeRecord spikes = new SpikeRecord();
        spikes.add(209, new int[] {0}, 1);
        spikes.add(212, new int[] {0}, 1);

        assertArrayEquals(new int[] {0, 1}, PopulationSynchrony.populationCounts(spikes, params));
    }
}
