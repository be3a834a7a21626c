package org.spikefx.ui.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretch of simulated time that every time plot shows, so that all of them share one x range:
 * [{@link #start()}, {@link #end()}). Views advance {@link #newest()} with each batch and read the
 * range when they redraw.
 *
 * <p>The range either follows the newest simulated time (its right edge stays at the newest time,
 * {@link #span()} wide) or is held where the user put it. A new run sets it with
 * {@link #showWholeRun(double)} (a run of fixed length: 0 to T, held) or {@link #follow(double)} (a run
 * that goes on: a following window of fixed width). Zoom, pan and {@link #showSpan} move it without
 * starting a new run; each such change raises {@link #revision()} and tells the listeners, so that a
 * paused or finished run is redrawn too.
 *
 * <p>The range never starts before 0 and is never narrower than {@link #MIN_SPAN_SECONDS}.
 */
public final class TimeWindow {
    /**
     * The narrowest range: 1 ms, twenty steps of the default dt. Narrower shows no more: the traces are
     * already drawn step by step.
     */
    public static final double MIN_SPAN_SECONDS = 0.001;

    private final List<Runnable> listeners = new ArrayList<>();
    private boolean following;
    private double span;
    /** Start of a held range. */
    private double heldStart;
    /** T of a run of fixed length; infinite for a run that goes on. */
    private double runLength;
    private double newest;
    private long revision;

    private TimeWindow(boolean following, double span, double runLength) {
        newRun(following, span, runLength);
    }

    /** The held range 0 to {@code duration} seconds, for a run of that length. */
    public static TimeWindow wholeRun(double duration) {
        return new TimeWindow(false, duration, duration);
    }

    /** A range {@code width} seconds wide whose right edge follows the newest time, for a run that goes on. */
    public static TimeWindow following(double width) {
        return new TimeWindow(true, width, Double.POSITIVE_INFINITY);
    }

    /** A new run of {@code duration} seconds, starting at time 0: shows 0 to {@code duration}. */
    public void showWholeRun(double duration) {
        newRun(false, duration, duration);
    }

    /** A new run that goes on, starting at time 0: follows the newest time with a range {@code width} seconds wide. */
    public void follow(double width) {
        newRun(true, width, Double.POSITIVE_INFINITY);
    }

    private void newRun(boolean follow, double seconds, double length) {
        requireSpan(seconds);
        following = follow;
        span = seconds;
        heldStart = 0;
        runLength = length;
        newest = 0;
        changed();
    }

    /** Notes that the run has reached {@code time}; the newest time never moves back. */
    public void advanceTo(double time) {
        newest = Math.max(newest, time);
    }

    /**
     * Holds the fixed range [{@code from}, {@code to}) seconds, which need not have been simulated yet;
     * the range stops following. {@code render --from --to} draws such a range.
     */
    public void showSpan(double from, double to) {
        if (!(Double.isFinite(from) && Double.isFinite(to) && from >= 0 && to - from >= MIN_SPAN_SECONDS)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the time range must run from a time >= 0 s to one at least %s s later, not from %s s to %s s",
                    MIN_SPAN_SECONDS, from, to));
        }
        following = false;
        span = to - from;
        heldStart = from;
        changed();
    }

    /**
     * Shows the whole run: 0 to T for a run of fixed length (or to the newest time, if it ran past T), 0
     * to the newest time for a run that goes on. A run that goes on keeps following at that width.
     */
    public void showWholeRun() {
        double whole = Math.max(MIN_SPAN_SECONDS, wholeEnd());
        span = whole;
        heldStart = 0;
        if (Double.isFinite(runLength)) {
            following = false;
        }
        changed();
    }

    /**
     * Makes the range {@code factor} times as wide (below 1 zooms in), keeping the time {@code about} at
     * the same place on screen; the range stops following. The width stays between
     * {@link #MIN_SPAN_SECONDS} and the whole run (or the present width, if that is wider).
     */
    public void zoom(double factor, double about) {
        if (!(factor > 0 && Double.isFinite(factor) && Double.isFinite(about))) {
            throw new IllegalArgumentException("a zoom needs a finite factor > 0 and a finite time, not "
                    + factor + " about " + about + " s");
        }
        double start = start();
        double widest = Math.max(span, wholeEnd());
        double newSpan = Math.max(MIN_SPAN_SECONDS, Math.min(widest, span * factor));
        double fraction = Math.max(0, Math.min(1, (about - start) / span));
        following = false;
        heldStart = about - fraction * newSpan;
        span = newSpan;
        clampHeldStart();
        changed();
    }

    /** Moves the range by {@code seconds} (later if positive); the range stops following and stays within the run. */
    public void pan(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("a pan needs a finite number of seconds, not " + seconds);
        }
        heldStart = start() + seconds;
        following = false;
        clampHeldStart();
        changed();
    }

    /**
     * Follows the newest time (true: the right edge stays at the newest time, at the present width) or
     * holds the range where it is now (false).
     */
    public void setFollowing(boolean follow) {
        if (follow == following) {
            return;
        }
        heldStart = start();
        following = follow;
        changed();
    }

    private void clampHeldStart() {
        double last = Math.max(wholeEnd(), span);
        heldStart = Math.max(0, Math.min(heldStart, last - span));
    }

    /** Where the run ends, as far as is known: T for a run of fixed length (or later if it ran past), the newest time otherwise. */
    private double wholeEnd() {
        return Double.isFinite(runLength) ? Math.max(runLength, newest) : newest;
    }

    private static void requireSpan(double seconds) {
        if (!(seconds > 0 && Double.isFinite(seconds))) {
            throw new IllegalArgumentException("the time window must be a finite number of seconds > 0, not " + seconds);
        }
    }

    private void changed() {
        revision++;
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every change of the range other than the newest time advancing. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Counts the changes of the range other than the newest time advancing: compare to see whether to redraw. */
    public long revision() {
        return revision;
    }

    public double start() {
        return following ? Math.max(0, newest - span) : heldStart;
    }

    public double end() {
        return start() + span;
    }

    /** Width of the range in seconds. */
    public double span() {
        return span;
    }

    /** The newest simulated time seen since the run started. */
    public double newest() {
        return newest;
    }

    /** Whether the range follows the newest time; false while it is held. */
    public boolean isFollowing() {
        return following;
    }

    /** Whether the run goes on past any fixed length (as opposed to a run of T seconds). */
    public boolean isEndless() {
        return !Double.isFinite(runLength);
    }
}
