package org.spikefx.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Threads that each run one part of a simulation step when told to, many thousand times a second.
 * Handing over a step takes a volatile write; the threads spin briefly for the next step (a step
 * takes microseconds) and then park, so a paused or paced simulation leaves the cores to others.
 */
final class PartWorkers implements AutoCloseable {
    /** Spin iterations before parking: a few tens of microseconds. */
    private static final int SPINS = 20_000;

    /** Runs part {@code part} (1 .. count) of step {@code step}. */
    @FunctionalInterface
    interface PartTask {
        void run(int part, int step);
    }

    /**
     * A handoff after which the caller waited longer than twice its own part took, and longer than
     * this, was a stall: a worker had no core to run on (equal parts take about equally long).
     */
    private static final long STALL_NANOS_MIN = 100_000;
    /**
     * When most handoffs of a window stall, the other cores are busy elsewhere (a few stall anyway
     * while a new run warms up)...
     */
    static final int HANDOFF_WINDOW = 256;
    private static final int STALLS_TOLERATED = HANDOFF_WINDOW / 2;
    /** ... and the caller then runs every part itself for this many steps before trying again, twice as long each time in a row. */
    static final int BACK_OFF_STEPS = 8192;
    private static final int BACK_OFF_STEPS_MAX = 1 << 20;

    private final Worker[] workers;
    private volatile Thread waitingOwner;
    private int handoffs;
    private int stalls;
    private long startedAt;
    private int backOffLeft;
    private int nextBackOff = BACK_OFF_STEPS;

    PartWorkers(int count, PartTask task) {
        workers = new Worker[count];
        for (int w = 0; w < count; w++) {
            workers[w] = new Worker(w + 1, task);
            workers[w].thread.start();
        }
    }

    /**
     * Whether handing the next step to the workers pays: not for a while after they kept the caller
     * waiting again and again, as they do when other programs occupy the cores (a step needs every
     * part, so one descheduled worker stalls them all, and the caller is faster alone).
     */
    boolean worthHandingOver() {
        if (backOffLeft > 0) {
            backOffLeft--;
            return false;
        }
        return true;
    }

    /** Tells every worker to run its part of this step. */
    void start(int step) {
        startedAt = System.nanoTime();
        for (Worker worker : workers) {
            worker.step = step;
            worker.requested++;
            if (worker.parked) {
                LockSupport.unpark(worker.thread);
            }
        }
    }

    /** Waits until every worker has finished the step last started; rethrows what a worker threw. */
    void awaitAll() {
        long start = System.nanoTime();
        long ownPart = start - startedAt;
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
        long waited = System.nanoTime() - start;
        if (waited > STALL_NANOS_MIN && waited > 2 * ownPart) {
            stalls++;
        }
        if (++handoffs == HANDOFF_WINDOW) {
            if (stalls > STALLS_TOLERATED) {
                backOffLeft = nextBackOff;
                nextBackOff = Math.min(2 * nextBackOff, BACK_OFF_STEPS_MAX);
            } else {
                nextBackOff = BACK_OFF_STEPS;
            }
            handoffs = 0;
            stalls = 0;
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
        private final PartTask task;
        private final Thread thread;
        private volatile long requested;
        private volatile long completed;
        private volatile int step;
        private volatile boolean parked;
        private volatile boolean closed;
        private volatile Throwable failure;

        Worker(int part, PartTask task) {
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
                    task.run(part, step);
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
