package org.spikefx.ui;

/**
 * How often the window draws a run that streams. While the simulation keeps the pace asked of it, every
 * display frame shows what came. When it falls behind (a large network stepping slower than real time),
 * the simulation is what the user waits for, and the drawing competes with it for the cores: the views
 * then draw only once the run has moved on by {@link #SIMULATED_SECONDS_PER_FRAME}, but at least
 * {@link #FEWEST_FRAMES_PER_SECOND} times a second, and whatever came in between is drawn at once in the
 * next frame. At n = 20,000 on two cores that is 15 frames a second instead of 25, and the core the
 * drawing gives back goes to the steps.
 *
 * <p>Only the drawing of new data is paced: a pause, a gesture or a view that asks to redraw is drawn in
 * the next frame, whatever the pace. Wall times are given in nanoseconds by the caller, so the policy is
 * the same in a test as on screen.
 */
final class FramePacing {
    /**
     * Simulated time a frame shows at least while the run is behind: a 10 s window over a thousand pixels
     * then moves by three or four pixels a frame.
     */
    static final double SIMULATED_SECONDS_PER_FRAME = 1.0 / 30;
    /** The fewest frames a second while a run streams: fewer no longer read as motion. */
    static final double FEWEST_FRAMES_PER_SECOND = 15;
    /** The longest wall time between two drawn frames. */
    static final long LONGEST_INTERVAL_NANOS = Math.round(1e9 / FEWEST_FRAMES_PER_SECOND);
    /** A run is behind when it achieves less than this share of the speed asked for. */
    static final double BEHIND = 0.9;
    /**
     * How much sooner than its interval a frame may come: pulses come every 16.7 ms, give or take a
     * millisecond or two, and a frame that waits for exactly 66.7 ms would often wait a pulse longer.
     */
    static final long PULSE_SLACK_NANOS = 4_000_000;

    private long lastDrawn;
    private boolean drawnYet;

    /**
     * The least wall time between two frames of a run that achieves {@code achieved} simulated seconds per
     * wall second where {@code asked} was asked ({@code Double.POSITIVE_INFINITY}: as fast as it can): 0
     * while it keeps pace or its speed is not known yet (NaN), otherwise enough for
     * {@link #SIMULATED_SECONDS_PER_FRAME} of simulated time, up to {@link #LONGEST_INTERVAL_NANOS}.
     */
    static long intervalNanos(double achieved, double asked) {
        if (!(achieved > 0) || achieved >= BEHIND * asked) {
            return 0;
        }
        return Math.min(LONGEST_INTERVAL_NANOS, Math.round(SIMULATED_SECONDS_PER_FRAME / achieved * 1e9));
    }

    /**
     * Whether the pulse at {@code now} should draw the data that came since the last frame drawn, or
     * leave it queued for a later pulse. The first pulse always draws.
     */
    boolean due(long now, double achieved, double asked) {
        return !drawnYet || now - lastDrawn >= intervalNanos(achieved, asked) - PULSE_SLACK_NANOS;
    }

    /** Notes that the pulse at {@code now} drew: the next interval counts from here. */
    void drawn(long now) {
        lastDrawn = now;
        drawnYet = true;
    }
}
