package org.spikefx.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

/**
 * Counts the work units of a network build, done on several threads, and reports the fraction done
 * a few hundred times in all. Stops the build when it is cancelled or its threads are interrupted.
 */
final class BuildProgress {
    private static final int REPORTS = 300;

    private final DoubleConsumer listener;
    private final long total;
    private final long reportEvery;
    private final AtomicLong done = new AtomicLong();
    private volatile boolean cancelled;
    /** Threads may finish their reports out of order; the listener only ever sees progress rise. */
    private double reported;

    BuildProgress(DoubleConsumer listener, long total) {
        this.listener = listener;
        this.total = Math.max(1, total);
        this.reportEvery = Math.max(1, total / REPORTS);
    }

    /** Records {@code units} more units of work; may report progress and may throw CancellationException. */
    void advance(long units) {
        long before = done.getAndAdd(units);
        if (before / reportEvery != (before + units) / reportEvery) {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                cancelled = true;
                throw new CancellationException("network build cancelled");
            }
            report(Math.min(1.0, (double) (before + units) / total));
        }
    }

    private synchronized void report(double fraction) {
        if (fraction > reported) {
            reported = fraction;
            listener.accept(fraction);
        }
    }

    /** Makes every thread of the build stop at its next report. */
    void cancel() {
        cancelled = true;
    }
}
