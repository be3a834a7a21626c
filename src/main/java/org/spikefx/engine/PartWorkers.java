package org.spikefx.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Threads that each run one part of a phase when told to, many thousand times a second. Handing
 * over a phase takes a volatile write; the threads spin briefly for the next phase (a step takes
 * microseconds) and then park, so a paused or paced simulation leaves the cores to others.
 */
final class PartWorkers implements AutoCloseable {
    /** Spin iterations before parking: a few tens of microseconds. */
    private static final int SPINS = 20_000;

    /** Runs part {@code part} (1 .. count) of phase {@code phase}. */
    @FunctionalInterface
    interface PhaseTask {
        void run(int part, int phase);
    }

    private final Worker[] workers;
    private volatile Thread waitingOwner;

    PartWorkers(int count, PhaseTask task) {
        workers = new Worker[count];
        for (int w = 0; w < count; w++) {
            workers[w] = new Worker(w + 1, task);
            workers[w].thread.start();
        }
    }

    /** Tells every worker to run its part of this phase. */
    void start(int phase) {
        for (Worker worker : workers) {
            worker.phase = phase;
            worker.requested++;
            if (worker.parked) {
                LockSupport.unpark(worker.thread);
            }
        }
    }

    /** Waits until every worker has finished the phase last started; rethrows what a worker threw. */
    void awaitAll() {
        for (Worker worker : workers) {
            for (int spins = 0; worker.completed != worker.requested; spins++) {
                if (spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    waitingOwner = Thread.currentThread();
                    if (worker.completed != worker.requested) {
                        LockSupport.parkNanos(this, 100_000);
                    }
                    waitingOwner = null;
                }
            }
            if (worker.failure != null) {
                throw new IllegalStateException("a simulation thread failed", worker.failure);
            }
        }
    }

    @Override
    public void close() {
        for (Worker worker : workers) {
            worker.closed = true;
            LockSupport.unpark(worker.thread);
        }
    }

    private final class Worker implements Runnable {
        private final int part;
        private final PhaseTask task;
        private final Thread thread;
        private volatile long requested;
        private volatile long completed;
        private volatile int phase;
        private volatile boolean parked;
        private volatile boolean closed;
        private volatile Throwable failure;

        Worker(int part, PhaseTask task) {
            this.part = part;
            this.task = task;
            this.thread = new Thread(this, "simulation-part-" + part);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long done = 0;
            while (!closed) {
                for (int spins = 0; requested == done && !closed; spins++) {
                    if (spins < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (requested == done && !closed) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                if (closed) {
                    return;
                }
                try {
                    task.run(part, phase);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                done = requested;
                completed = done;
                Thread waiting = waitingOwner;
                if (waiting != null) {
                    LockSupport.unpark(waiting);
                }
            }
        }
    }
}
