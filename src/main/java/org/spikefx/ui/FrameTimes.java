package org.spikefx.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import javafx.scene.Scene;

/**
 * Frame times of the FX thread, per pulse: the live pulse handler (drain the queue, update the
 * views); the FX thread's whole share of the frame (handler plus CSS and layout, which is where
 * the charts turn their data into shapes), as wall time and as CPU time (wall time also counts the
 * moments the thread waited for a core, which on two cores it shares with the simulation and the
 * renderer); and the interval between pulses (which also holds the render thread's painting).
 * Kept in fixed-size arrays, so measuring costs no allocation.
 */
final class FrameTimes {
    /** Which of the times to summarise. */
    enum Kind { HANDLER, FX_THREAD, FX_THREAD_CPU, INTERVAL }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[][] nanos;
    private int count;
    private long lastPulse = -1;
    private long handlerStart;
    private long handlerNanos;
    private long layoutStart;
    private long cpuStart;

    FrameTimes(int capacity) {
        nanos = new long[Kind.values().length][capacity];
    }

    /** Times the scene's CSS and layout pass, which follows the pulse handler in every pulse. */
    void watch(Scene scene) {
        scene.addPreLayoutPulseListener(() -> layoutStart = System.nanoTime());
        scene.addPostLayoutPulseListener(this::frameDone);
    }

    void handlerStarted(long pulseNanos) {
        if (lastPulse >= 0 && count < nanos[0].length) {
            nanos[Kind.INTERVAL.ordinal()][count] = pulseNanos - lastPulse;
        }
        lastPulse = pulseNanos;
        handlerStart = System.nanoTime();
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    void handlerDone() {
        handlerNanos = System.nanoTime() - handlerStart;
    }

    private void frameDone() {
        if (handlerStart > 0 && lastPulse >= 0 && count < nanos[0].length && nanos[Kind.INTERVAL.ordinal()][count] > 0) {
            nanos[Kind.HANDLER.ordinal()][count] = handlerNanos;
            nanos[Kind.FX_THREAD.ordinal()][count] = handlerNanos + System.nanoTime() - layoutStart;
            nanos[Kind.FX_THREAD_CPU.ordinal()][count] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            count++;
        }
        handlerStart = 0;
    }

    /** Forgets the frames so far (after a warm-up). */
    void clear() {
        count = 0;
        lastPulse = -1;
        handlerStart = 0;
        for (long[] times : nanos) {
            Arrays.fill(times, 0);
        }
    }

    int frames() {
        return count;
    }

    /** "p50 a ms, p95 b ms, p99 c ms, max d ms" of one kind of time. */
    String summary(Kind kind) {
        long[] sorted = Arrays.copyOf(nanos[kind.ordinal()], count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return "no frames";
        }
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /**
     * The indices (in order of the frames) of the {@code count} frames that took longest by this kind of
     * time, the longest first: which moment of a gesture is slowest says where to look.
     */
    int[] slowest(Kind kind, int count) {
        long[] times = nanos[kind.ordinal()];
        Integer[] order = new Integer[this.count];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times[b], times[a]));
        return Arrays.stream(order).limit(count).mapToInt(Integer::intValue).toArray();
    }

    /** One frame's time of this kind, in ms. */
    double millis(Kind kind, int frame) {
        return nanos[kind.ordinal()][frame] / 1e6;
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
