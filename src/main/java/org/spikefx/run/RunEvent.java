package org.spikefx.run;

import org.spikefx.params.NetworkParameters;

/** What the simulation thread reports to the window, in order, through one bounded queue. */
public sealed interface RunEvent permits Batch, RunEvent.NetworkBuilding, RunEvent.RunStarted, RunEvent.RunFinished,
        RunEvent.RunFailed {

    /** The run the event belongs to; events of a run that has been replaced are to be dropped. */
    long runId();

    /** The random network is being built; fraction from 0 to 1. Sent only while a build takes a while. */
    record NetworkBuilding(long runId, double fraction) implements RunEvent {
    }

    /** Where a run's network came from. */
    enum NetworkOrigin {
        /** The run before's, whose network these parameters share. */
        REUSED,
        /** Built for this run (perhaps ahead of it, while the window started). */
        BUILT,
        /** Read from a {@link NetworkStore}, where an earlier launch left it. */
        READ
    }

    /**
     * The network is ready and stepping begins.
     *
     * @param buildSeconds how long the network took to build or to read; for a reused one, how long the check took
     */
    record RunStarted(long runId, NetworkParameters params, NetworkOrigin network, double buildSeconds)
            implements RunEvent {
        /** Whether this run's network is new to it: built or read, not the run before's. */
        public boolean networkNew() {
            return network != NetworkOrigin.REUSED;
        }
    }

    /** All round(T/dt) steps are done (never sent in continuous mode). */
    record RunFinished(long runId, int steps) implements RunEvent {
    }

    /** The run could not go on; the message says why in one line. */
    record RunFailed(long runId, String message) implements RunEvent {
    }
}
