package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's report, not its figures: those depend on the machine and belong in the README. */
class BenchCommandTest {

    @Test
    void reportsTheDefaultRunAndTheLargeRunOnEachThreadCount() {
        Invocation bench = Invocation.of("bench", "--repeats", "1", "--large-n", "1200", "--large-T", "0.05",
                "--skip-force");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("default run (n=2000, T=2 s, 74838 spikes), 1 repeats:"), bench.out());
        assertTrue(bench.out().matches("(?s).*network build  median \\d+\\.\\d{3} s.*"), bench.out());
        assertTrue(bench.out().matches("(?s).*x faster than the NumPy reference's 2\\.4 s.*"), bench.out());
        assertTrue(bench.out().contains("large run (n=1200, T=0.05 s,"), bench.out());
        assertTrue(bench.out().matches("(?s).*real time on 1 thread \\(\\d+ spikes\\).*"), bench.out());
    }

    @Test
    void reportsThePaperTaskAndTheComparisonWithTheTrainingReference() {
        Invocation bench = Invocation.of("bench", "--repeats", "1", "--skip-large", "--force-n", "100");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("FORCE training (n=100, RLS on "), bench.out());
        // Training from 5 to 10 s: RLS at steps 100001, 100051, ... 199951.
        assertTrue(bench.out().matches("(?s).*paper's task \\(T=15 s, training 5-10 s\\)  \\d+\\.\\d\\d s wall: build"
                + " .* spikes, 2000 RLS updates\\).*"), bench.out());
        assertTrue(bench.out().matches("(?s).*T=3 s, training 1-2 s: loop \\d+\\.\\d\\d s = .*x faster than the NumPy"
                + " reference's 21\\.4 s \\(400 RLS updates\\).*"), bench.out());
    }

    @Test
    void refusesZeroRepeats() {
        Invocation bench = Invocation.of("bench", "--repeats", "0");
        assertEquals(2, bench.exitCode());
        assertEquals("spikefx bench: --repeats = 0 is not allowed: --repeats must be a whole number >= 1",
                bench.err().strip());
    }
}
