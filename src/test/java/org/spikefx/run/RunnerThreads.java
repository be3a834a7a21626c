package org.spikefx.run;

/** Lets tests of the window ask a runner how many threads it has started. */
public final class RunnerThreads {
    private RunnerThreads() {
    }

    public static long started(SimulationRunner runner) {
        return runner.threadsStarted();
    }
}
