package org.spikefx.ui.view.plot;

import java.util.Arrays;

/**
 * When a plot's image is drawn again: at most once per frame, and only if what it shows changed since
 * the last draw. Any number of invalidations between two frames ask for one layout (only the first
 * returns true, so the caller asks for it once); the draw happens in that layout, where the axes of the
 * frame are known, and only if the state it would draw (the axes' ranges, the plot's size, the data's
 * change counters) differs from the state last drawn, or a {@link #force} asked for it (a new layer, a
 * new style).
 *
 * <p>Plain logic, without JavaFX, so that it can be tested as such.
 */
public final class RedrawGate {
    private boolean layoutAsked;
    private boolean forced = true;
    private double[] drawnState;
    private long draws;

    /**
     * Notes that the data may have changed. Returns true only for the first call since the last
     * {@link #drawIfDue}: the caller then asks for the layout in which that runs.
     */
    public boolean invalidate() {
        boolean first = !layoutAsked;
        layoutAsked = true;
        return first;
    }

    /** As {@link #invalidate}, and the next {@link #drawIfDue} draws whatever the state. */
    public boolean force() {
        forced = true;
        return invalidate();
    }

    /** Draws if {@code state} is not the state last drawn, or a draw was forced; returns whether it drew. */
    public boolean drawIfDue(double[] state, Runnable draw) {
        layoutAsked = false;
        if (!forced && Arrays.equals(state, drawnState)) {
            return false;
        }
        draw.run();
        forced = false;
        drawnState = state.clone();
        draws++;
        return true;
    }

    /** How many times it drew. */
    public long draws() {
        return draws;
    }
}
