package org.spikefx.ui;

import java.util.Arrays;

/**
 * Frame-time statistics of the FX thread: how long the pulse handler took, and the interval between
 * pulses (which also holds layout, CSS and rendering). Kept in a fixed-size array, so measuring costs
 * no allocation.
 */
final class FrameTimes {
    private final long[] handlerNanos;
    private final long[] intervalNanos;
    private int count;
    private long lastPulse = -1;

    FrameTimes(int capacity) {
        handlerNanos = new long[capacity];
        intervalNanos = new long[capacity];
    }

    void record(long pulseNanos, long handlerDuration) {
        if (lastPulse >= 0 && count < handlerNanos.length) {
            handlerNanos[count] = handlerDuration;
            intervalNanos[count] = pulseNanos - lastPulse;
            count++;
        }
        lastPulse = pulseNanos;
    }

    /** Forgets the frames so far (after a warm-up). */
    void clear() {
        count = 0;
        lastPulse = -1;
    }

    int frames() {
        return count;
    }

    /** "p50 a ms, p95 b ms, p99 c ms, max d ms" of the handler durations or of the pulse intervals. */
    String summary(boolean intervals) {
        long[] sorted = Arrays.copyOf(intervals ? intervalNanos : handlerNanos, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return "no frames";
        }
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
