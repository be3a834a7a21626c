package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

class PartWorkersTest {

    @Test
    void workersRunTheirPartOfEveryStep() {
        AtomicInteger lastStep = new AtomicInteger(-1);
        try (PartWorkers workers = new PartWorkers(1, (part, step) -> lastStep.set(part * 1000 + step))) {
            for (int step = 0; step < 100; step++) {
                workers.start(step);
                workers.awaitAll();
                assertEquals(1000 + step, lastStep.get());
            }
        }
    }

    @Test
    void workersThatKeepTheCallerWaitingAreLeftAloneForAWhile() {
        // A worker that needs a millisecond per step behaves like one that keeps losing its core.
        try (PartWorkers workers = new PartWorkers(1, (part, step) -> LockSupport.parkNanos(1_000_000))) {
            for (int handoff = 0; handoff < PartWorkers.HANDOFF_WINDOW; handoff++) {
                assertTrue(workers.worthHandingOver(), "no back-off before the window is full");
                workers.start(handoff);
                workers.awaitAll();
            }
            for (int step = 0; step < PartWorkers.BACK_OFF_STEPS; step++) {
                assertFalse(workers.worthHandingOver(), "backing off at step " + step);
            }
            assertTrue(workers.worthHandingOver(), "trying again after the back-off");
        }
    }
}
