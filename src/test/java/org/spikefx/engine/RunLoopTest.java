package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class RunLoopTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 100)
            .with(Parameter.T, 0.01);
    private static final RandomNetwork NETWORK = RandomNetwork.build(PARAMS);

    @Test
    void recordersSeeEveryStepInOrderAndTheLoopGoesPastTWhenAsked() throws Exception {
        Simulation model = new Simulation(PARAMS, NETWORK);
        List<Integer> seen = new ArrayList<>();
        List<Integer> seenBySecond = new ArrayList<>();
        RunLoop loop = new RunLoop(model);
        loop.runTo(PARAMS.steps() + 5, m -> seen.add(m.nextStep() - 1), m -> seenBySecond.add(m.nextStep() - 1));
        assertEquals(PARAMS.steps() + 5, seen.size());
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k, seen.get(k));
        }
        assertEquals(seen, seenBySecond);
    }

    @Test
    void aStopConditionEndsTheRunAfterTheStepItNames() throws Exception {
        RunLoop loop = new RunLoop(new Simulation(PARAMS, NETWORK));
        int done = loop.runTo(PARAMS.steps(), List.of(), m -> m.nextStep() == 17);
        assertEquals(17, done);
        assertEquals(PARAMS.steps() - 17, loop.runTo(PARAMS.steps(), List.of(), m -> false));
        assertTrue(loop.model().finished());
    }

    @Test
    void anInterruptStopsBeforeTheNextStepAndIsConsumed() {
        Simulation model = new Simulation(PARAMS, NETWORK);
        assertThrows(CancellationException.class, () -> new RunLoop(model).runTo(PARAMS.steps(), m -> {
            if (m.nextStep() == 10) {
                Thread.currentThread().interrupt();
            }
        }));
        assertEquals(10, model.nextStep());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void theLoopTimeLeavesOutWhatRecordersDo() throws Exception {
        RunLoop loop = new RunLoop(new Simulation(PARAMS, NETWORK));
        long start = System.nanoTime();
        loop.runTo(20, m -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        assertTrue(wall >= 0.1, "the recorders slept 20 x 5 ms");
        assertTrue(loop.loopSeconds() > 0 && loop.loopSeconds() < wall / 2,
                "loop " + loop.loopSeconds() + " s of " + wall + " s wall");
    }
}
