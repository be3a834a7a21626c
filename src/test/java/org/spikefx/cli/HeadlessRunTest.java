package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.PopulationSynchrony;
import org.spikefx.engine.RunStatistics;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class HeadlessRunTest {
    private final NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 100)
            .with(Parameter.T, 0.01);

    @Test
    void listenersSeeEveryStepAndProgressEndsAtOne() throws Exception {
        HeadlessRun run = new HeadlessRun(params);
        List<Integer> stepsSeen = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        run.stepToEnd(List.of(simulation -> stepsSeen.add(simulation.nextStep() - 1)), progress::add);

        assertEquals(params.steps(), stepsSeen.size());
        assertEquals(params.steps() - 1, stepsSeen.get(stepsSeen.size() - 1));
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @Test
    void anInterruptStopsTheLoopBeforeTheNextStep() {
        HeadlessRun run = new HeadlessRun(params);
        assertThrows(CancellationException.class, () -> run.stepToEnd(List.of(simulation -> {
            if (simulation.nextStep() == 10) {
                Thread.currentThread().interrupt();
            }
        }), fraction -> { }));
        assertEquals(10, run.simulation().nextStep());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void statisticsGatheredStepByStepAreThoseOfEverySpikeKept() throws Exception {
        // Long enough for CVs (spikes after 0.2 s) and several 100 ms bins, with silent neurons.
        NetworkParameters longer = NetworkParameters.DEFAULTS.with(Parameter.N, 150).with(Parameter.T, 0.75)
                .with(Parameter.OFFSET, -40.5).with(Parameter.NREC, 0);
        try (HeadlessRun run = new HeadlessRun(longer)) {
            SpikeRecord every = new SpikeRecord();
            run.stepToEnd(List.of(every::addStep), fraction -> { });
            RunStatistics expected = RunStatistics.of(every, longer);
            RunStatistics streamed = run.statistics();

            assertTrue(expected.neuronsWithCv() > 10 && expected.totalSpikes() > 1000, expected.toString());
            assertEquals(expected.totalSpikes(), streamed.totalSpikes());
            assertEquals(expected.meanRateHz(), streamed.meanRateHz());
            assertEquals(expected.fractionSilent(), streamed.fractionSilent());
            assertEquals(expected.neuronsWithCv(), streamed.neuronsWithCv());
            assertEquals(expected.meanCv(), streamed.meanCv(), 1e-13 * expected.meanCv());
            assertArrayEquals(expected.spikesPerBin(), streamed.spikesPerBin());
            double synchrony = PopulationSynchrony.of(every, longer);
            assertTrue(synchrony > 0, "synchrony " + synchrony);
            assertEquals(synchrony, run.synchrony());
        }
    }

    @Test
    void theBuildReportsItsProgressUpToTheEnd() {
        List<Double> built = new ArrayList<>();
        NetworkParameters larger = params.with(Parameter.N, 1000);
        try (HeadlessRun run = new HeadlessRun(larger, ModelFactory.BALANCED, built::add)) {
            assertTrue(built.size() > 10, built.toString());
            assertEquals(1.0, built.get(built.size() - 1));
        }
    }
}
