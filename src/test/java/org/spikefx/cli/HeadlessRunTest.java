package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

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
}
