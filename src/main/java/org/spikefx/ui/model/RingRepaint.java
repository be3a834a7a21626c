package org.spikefx.ui.model;

/**
 * Where a repaint of a raster from its ring of spikes stands, so that it can go on over several frames:
 * a repaint of more spikes than a frame paints goes in passes over the whole view, every k-th spike in
 * each, and then takes the spikes that came since in a row. Spikes are named by their number as the
 * ring counts them, which stays with a spike while older ones are pushed out.
 */
final class RingRepaint {
    /** Number of the next spike to give; -1 when no repaint is in progress. */
    private long next = -1;
    /** The repaint gives the spikes before this step. */
    private int endStep;
    /**
     * While the repaint goes in passes: every {@code stride}-th spike of the numbers [passStart, passEnd)
     * in pass {@code pass}, starting at passStart + pass; 1 once the passes are done.
     */
    private int stride = 1;
    private int pass;
    private long passStart;
    private long passEnd;

    /**
     * Starts a repaint of the ring's spikes from step {@code fromStep} to before {@code endStep}, in passes
     * of at most {@code perPass} spikes.
     */
    void start(SpikeRing ring, int fromStep, int endStep, int perPass) {
        next = ring.firstNumber() + ring.firstIndexAtOrAfter(fromStep);
        this.endStep = endStep;
        long spikes = ring.firstNumber() + ring.firstIndexAtOrAfter(endStep) - next;
        stride = (int) Math.max(1, (spikes + perPass - 1) / perPass);
        pass = 0;
        passStart = next;
        passEnd = next + spikes;
    }

    /** Forgets a repaint in progress. */
    void stop() {
        next = -1;
    }

    boolean inProgress() {
        return next >= 0;
    }

    /** Gives up to {@code budget} more spikes of the repaint in progress: its passes, then the spikes in a row. */
    void continueWith(SpikeRing ring, int budget, SpikeRaster.SpikeConsumer consumer) {
        if (next < 0) {
            return;
        }
        int left = budget;
        while (stride > 1 && left > 0) {
            long oldest = ring.firstNumber();
            if (next < oldest) {
                // Pushed out of the ring meanwhile: on to the pass's first spike still kept.
                next += (oldest - next + stride - 1) / stride * stride;
            }
            if (next >= passEnd) {
                pass++;
                next = pass < stride ? passStart + pass : passEnd;
                if (pass == stride) {
                    stride = 1;
                }
                continue;
            }
            int given = ring.forEachEvery((int) (next - oldest), stride, (int) (passEnd - oldest), left, consumer);
            // None given: the pass has no spike left (the ring holds fewer than it did); on to the next.
            next = given == 0 ? passEnd : next + (long) given * stride;
            left -= given;
        }
        if (stride > 1 || left == 0) {
            return;
        }
        int from = (int) Math.max(0, next - ring.firstNumber());
        int i = ring.forEach(from, left, endStep, consumer);
        next = i < ring.size() && i - from == left && ring.step(i) < endStep ? ring.firstNumber() + i : -1;
    }
}
