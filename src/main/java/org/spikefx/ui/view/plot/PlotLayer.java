package org.spikefx.ui.view.plot;

import java.util.Objects;

import org.spikefx.ui.model.MinMaxDecimator;

/**
 * One series of a time plot: the thinned points of a model, drawn with a style. A plot draws its layers
 * in order, the first at the bottom; adding a layer is all it takes to draw another series in the same
 * axes (an earlier run's rate, dashed, over the current one).
 *
 * @param name   the legend's name for it
 * @param source the points drawn (time in seconds, value); the view keeps them thinned for the window
 * @param offset added to every value, to draw several series apart from each other
 * @param style  colour, dashes and fill
 */
public record PlotLayer(String name, MinMaxDecimator source, double offset, LineStyle style) {
    public PlotLayer {
        Objects.requireNonNull(name, "a layer needs a name");
        Objects.requireNonNull(source, "a layer needs the points it draws");
        Objects.requireNonNull(style, "a layer needs a style");
    }
}
