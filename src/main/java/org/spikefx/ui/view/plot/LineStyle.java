package org.spikefx.ui.view.plot;

/**
 * How a layer is drawn. The colour and the width come from the stylesheet, so that the light and the
 * dark theme and presentation mode's thicker lines apply to every layer alike: {@code colour} picks the
 * plot's {@code default-color<colour>} (its Okabe-Ito line colours), and the line's width is that of the
 * plot's series lines of that colour.
 *
 * @param colour which of the plot's line colours, from 0
 * @param dashed a dashed line (an overlay, such as an earlier run's rate kept for comparison)
 * @param filled the area between the line and zero filled, in the colour's translucent shade
 */
public record LineStyle(int colour, boolean dashed, boolean filled) {
    public LineStyle {
        if (colour < 0) {
            throw new IllegalArgumentException("a line colour is numbered from 0, not " + colour);
        }
    }

    /** A solid line in the plot's colour {@code colour}. */
    public static LineStyle solid(int colour) {
        return new LineStyle(colour, false, false);
    }

    /** A dashed line in the plot's colour {@code colour}. */
    public static LineStyle dashed(int colour) {
        return new LineStyle(colour, true, false);
    }

    /** A solid line with the area under it filled. */
    public static LineStyle area(int colour) {
        return new LineStyle(colour, false, true);
    }
}
