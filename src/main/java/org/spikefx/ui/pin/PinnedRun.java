package org.spikefx.ui.pin;

import java.util.Objects;

import org.spikefx.params.NetworkParameters;
import org.spikefx.ui.model.Histogram;

/**
 * What "Pin this run" keeps of a run, so that later runs can be seen against it: its settings, its
 * summary numbers, the two histograms over neurons as they were shown, its population rate and a
 * thumbnail of its raster. Nothing of it refers back to the live views, which the next run clears.
 *
 * @param params        the settings the run had
 * @param numbers       its summary numbers when it was pinned
 * @param cvHistogram   the CV histogram shown
 * @param rateHistogram the firing-rate histogram shown
 * @param rate          its population rate
 * @param thumbnail     its raster, small
 */
public record PinnedRun(NetworkParameters params, RunNumbers numbers, Histogram cvHistogram,
                        Histogram rateHistogram, RateCurve rate, Thumbnail thumbnail) {

    public PinnedRun {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(numbers, "numbers");
        Objects.requireNonNull(cvHistogram, "cvHistogram");
        Objects.requireNonNull(rateHistogram, "rateHistogram");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(thumbnail, "thumbnail");
    }
}
