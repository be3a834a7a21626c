package org.spikefx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class SweepTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 150)
            .with(Parameter.T, 0.3).with(Parameter.NREC, 0);

    private static SweepSpec spec(NetworkParameters base, int seeds) {
        return new SweepSpec(new Axis(Parameter.G, new BigDecimal("0"), new BigDecimal("0.15"), 3),
                new Axis(Parameter.OFFSET, new BigDecimal("-42"), new BigDecimal("-38"), 2), base, seeds);
    }

    @Test
    void everyRunIsReportedOnceAndTheMapDoesNotDependOnTheThreadCount() {
        SweepSpec spec = spec(SMALL, 2);
        List<Integer> counts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SweepMap parallel = Sweep.start(spec, 2, (run, done, total) -> {
            counts.add(done);
            assertEquals(spec.runCount(), total);
            assertTrue(seen.add(run.i() + " " + run.j() + " " + run.k()), "run reported twice: " + run);
        }).await();
        SweepMap alone = Sweep.start(spec, 1, (run, done, total) -> { }).await();

        assertEquals(spec.runCount(), counts.size());
        for (int r = 0; r < counts.size(); r++) {
            assertEquals(r + 1, counts.get(r));
        }
        assertTrue(parallel.isComplete());
        assertEquals(alone, parallel);
        // The runs differ where they should: the seeds build different networks, the values different regimes.
        CellRun quiet = parallel.run(0, 0, 0);
        CellRun driven = parallel.run(2, 1, 0);
        assertEquals(SMALL.seed() + 1, parallel.run(0, 0, 1).seed());
        assertTrue(driven.statistics().meanRateHz() > quiet.statistics().meanRateHz(), quiet + " vs " + driven);
        assertFalse(parallel.run(2, 1, 0).statistics().equals(parallel.run(2, 1, 1).statistics()));
    }

    @Test
    void cancellingStopsEveryThreadOfTheSweep() throws InterruptedException {
        // Runs long enough (n = 400, T = 20 s each) that the sweep is surely running when cancelled.
        SweepSpec spec = spec(SMALL.with(Parameter.N, 400).with(Parameter.T, 20), 1);
        Sweep sweep = Sweep.start(spec, 2, (run, done, total) -> { });
        assertTrue(waitForSweepThreads(true), "the sweep's threads run");
        Thread.sleep(100);

        long start = System.nanoTime();
        sweep.cancel();
        assertThrows(CancellationException.class, sweep::await);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(List.of(), sweepThreads(), "threads left behind");
        assertTrue(seconds < 5, "cancelled in " + seconds + " s");
        assertTrue(sweep.seconds() < 20, "the sweep stopped before a single run could end");
    }

    @Test
    void interruptingTheThreadThatWaitsCancelsTheSweep() throws InterruptedException {
        SweepSpec spec = spec(SMALL.with(Parameter.N, 400).with(Parameter.T, 20), 1);
        List<Throwable> thrown = new ArrayList<>();
        Thread waiter = new Thread(() -> {
            try {
                Sweep.start(spec, 2, (run, done, total) -> { }).await();
            } catch (RuntimeException e) {
                thrown.add(e);
            }
        });
        waiter.start();
        assertTrue(waitForSweepThreads(true));
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(waiter.isAlive());
        assertEquals(1, thrown.size());
        assertTrue(thrown.get(0) instanceof CancellationException, thrown.toString());
        assertEquals(List.of(), sweepThreads(), "threads left behind");
    }

    /** Waits up to 5 s for the sweep's threads to be there (or gone); whether they are. */
    private static boolean waitForSweepThreads(boolean present) throws InterruptedException {
        for (int tries = 0; tries < 500; tries++) {
            if (sweepThreads().isEmpty() != present) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static List<String> sweepThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(Sweep.THREAD_NAME)).toList();
    }
}
