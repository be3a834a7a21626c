package org.spikefx.ui.model;

/**
 * The stretch of simulated time that every time plot shows, so that all of them share one x range.
 * Either the whole run, 0 to T, a fixed stretch of it, or a window of fixed width that follows the newest simulated time
 * (for runs that go on and on). Views advance it with each batch and read it when they redraw.
 */
public final class TimeWindow {
    private boolean following;
    private double origin;
    private double span;
    private double newest;

    private TimeWindow(boolean following, double span) {
        set(following, span);
    }

    /** The fixed window 0 to {@code duration} seconds. */
    public static TimeWindow wholeRun(double duration) {
        return new TimeWindow(false, duration);
    }

    /** A window {@code width} seconds wide whose right edge follows the newest simulated time. */
    public static TimeWindow following(double width) {
        return new TimeWindow(true, width);
    }

    /** Shows 0 to {@code duration} from now on; a new run starts at time 0. */
    public void showWholeRun(double duration) {
        set(false, duration);
    }

    /**
     * Shows the fixed stretch [{@code from}, {@code to}) from now on, whatever the newest time: a closer
     * look at part of a run, or the window a figure is drawn of.
     */
    public void showSpan(double from, double to) {
        if (!(Double.isFinite(from) && Double.isFinite(to) && from >= 0 && to > from)) {
            throw new IllegalArgumentException("a time window needs finite times 0 <= from < to, not from " + from
                    + " s to " + to + " s");
        }
        following = false;
        origin = from;
        span = to - from;
    }

    /** Follows the newest time with a window {@code width} seconds wide; a new run starts at time 0. */
    public void follow(double width) {
        set(true, width);
    }

    private void set(boolean follow, double seconds) {
        if (!(seconds > 0 && Double.isFinite(seconds))) {
            throw new IllegalArgumentException("the time window must be a finite number of seconds > 0, not " + seconds);
        }
        following = follow;
        origin = 0;
        span = seconds;
        newest = 0;
    }

    /** Notes that the run has reached {@code time}; the window never moves back. */
    public void advanceTo(double time) {
        newest = Math.max(newest, time);
    }

    public double start() {
        return following ? Math.max(0, newest - span) : origin;
    }

    public double end() {
        return start() + span;
    }

    /** Width of the window in seconds. */
    public double span() {
        return span;
    }

    /** The newest simulated time seen since the window was set. */
    public double newest() {
        return newest;
    }

    public boolean isFollowing() {
        return following;
    }
}
