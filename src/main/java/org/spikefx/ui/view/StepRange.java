package org.spikefx.ui.view;

import org.spikefx.ui.model.TimeWindow;

/** The steps a time plot draws: those of the window shown that the run has reached. */
final class StepRange {
    private StepRange() {
    }

    /**
     * {from, to}: the steps from the one at or before the window's start (so the line enters from the
     * left edge) to the last one at or before its end that the run has reached.
     */
    static int[] of(TimeWindow window, double dt) {
        long from = (long) Math.floor(window.start() / dt + 1e-9);
        long to = Math.min((long) Math.floor(window.end() / dt + 1e-9) + 1, Math.round(window.newest() / dt));
        int first = (int) Math.max(0, Math.min(Integer.MAX_VALUE, from));
        return new int[] {first, (int) Math.max(first, Math.min(Integer.MAX_VALUE, to))};
    }
}
