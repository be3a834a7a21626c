package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.spikefx.engine.RunStatistics;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.ui.TestBatches;

class SpikeStatisticsTest {

    @Test
    void aRealRunGivesTheNumbersOfRunStatistics() {
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 200).with(Parameter.T, 0.5);
        List<Batch> batches = TestBatches.simulate(params, 300);
        SpikeStatistics statistics = new SpikeStatistics();
        statistics.reset(params.n(), params.dt());
        SpikeRecord record = new SpikeRecord();
        for (Batch batch : batches) {
            statistics.accept(batch);
            for (int i = 0; i < batch.spikeCount(); i++) {
                record.add(batch.spikeSteps()[i], new int[] {batch.spikeNeurons()[i]}, 1);
            }
        }
        RunStatistics expected = RunStatistics.of(record, params);

        assertTrue(expected.neuronsWithCv() > 50, "the run must give many neurons a CV to compare");
        assertEquals(expected.totalSpikes(), statistics.totalSpikes());
        assertEquals(expected.meanRateHz(), statistics.meanRateHz(), 1e-12 * expected.meanRateHz());
        assertEquals(expected.neuronsWithCv(), statistics.coefficientsOfVariation().length);
        assertEquals(expected.meanCv(), statistics.meanCv(), 1e-12 * expected.meanCv());
        assertEquals(params.steps(), statistics.elapsedSteps());
    }

    @Test
    void countsEverySpikeForTheRateButOnlySettledIntervalsForTheCv() {
        double dt = 1e-3;
        SpikeStatistics statistics = new SpikeStatistics();
        statistics.reset(3, dt);
        // Neuron 0: one spike before 0.2 s, then four; neuron 1: only two spikes after 0.2 s.
        statistics.accept(TestBatches.withSpikes(0, 300, dt, 3, 100, 0, 250, 1));
        statistics.accept(TestBatches.withSpikes(300, 200, dt, 3, 300, 0, 310, 0, 330, 0, 360, 0, 400, 1));

        double[] intervals = {310 * dt - 300 * dt, 330 * dt - 310 * dt, 360 * dt - 330 * dt};
        double mean = (intervals[0] + intervals[1] + intervals[2]) / 3;
        double squares = 0;
        for (double interval : intervals) {
            squares += (interval - mean) * (interval - mean);
        }
        double cv = Math.sqrt(squares / 3) / mean;

        assertArrayEquals(new double[] {cv}, statistics.coefficientsOfVariation(), 1e-12);
        assertEquals(cv, statistics.meanCv(), 1e-12);
        assertArrayEquals(new double[] {5 / 0.5, 2 / 0.5, 0}, statistics.ratesHz(), 1e-12);
        assertEquals(7 / (3 * 0.5), statistics.meanRateHz(), 1e-12);
        assertEquals(7, statistics.totalSpikes());
        assertEquals(0.5, statistics.elapsedSeconds(), 1e-15);
    }

    @Test
    void beforeAnyIntervalThereIsNoCv() {
        SpikeStatistics statistics = new SpikeStatistics();
        statistics.reset(5, 1e-4);
        assertTrue(Double.isNaN(statistics.meanCv()));
        assertEquals(0, statistics.meanRateHz());
    }
}
