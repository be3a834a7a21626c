package org.spikefx.ui.export;

import java.util.List;

import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * How a shape is painted: its outline (colour, width, dashes, ends and corners) and its fill; a null
 * colour paints nothing.
 *
 * @param stroke      colour of the outline, or null
 * @param strokeWidth width of the outline in figure pixels
 * @param dashes      lengths of dashes and gaps of the outline; empty for a solid line
 * @param cap         how the outline's open ends are drawn
 * @param join        how the outline turns a corner
 * @param fill        colour of the inside, or null
 */
record Ink(Color stroke, double strokeWidth, List<Double> dashes, StrokeLineCap cap, StrokeLineJoin join,
           Color fill) {

    /** A solid line of this colour and width, with plain ends and corners. */
    static Ink line(Color color, double width) {
        return new Ink(color, width, List.of(), StrokeLineCap.BUTT, StrokeLineJoin.MITER, null);
    }

    /** How a shape is painted, as the stylesheet left it. */
    static Ink of(Shape shape) {
        return new Ink(colorOf(shape.getStroke()), shape.getStrokeWidth(), List.copyOf(shape.getStrokeDashArray()),
                shape.getStrokeLineCap(), shape.getStrokeLineJoin(), colorOf(shape.getFill()));
    }

    /** Only the outline of this ink, without a fill. */
    Ink strokeOnly() {
        return new Ink(stroke, strokeWidth, dashes, cap, join, null);
    }

    /** Only the fill of this ink, without an outline. */
    Ink fillOnly() {
        return new Ink(null, 0, List.of(), cap, join, fill);
    }

    boolean isInvisible() {
        return (stroke == null || strokeWidth <= 0) && fill == null;
    }

    /**
     * A plain colour for a paint: the colour itself, or for a gradient the mean of its stops (gradients
     * here are the faint shading of control surfaces); null for no paint or a fully transparent one.
     */
    static Color colorOf(Paint paint) {
        Color color = null;
        if (paint instanceof Color plain) {
            color = plain;
        } else if (paint instanceof LinearGradient linear) {
            color = mean(linear.getStops());
        } else if (paint instanceof RadialGradient radial) {
            color = mean(radial.getStops());
        }
        return color == null || color.getOpacity() == 0 ? null : color;
    }

    private static Color mean(List<Stop> stops) {
        double red = 0;
        double green = 0;
        double blue = 0;
        double opacity = 0;
        for (Stop stop : stops) {
            red += stop.getColor().getRed();
            green += stop.getColor().getGreen();
            blue += stop.getColor().getBlue();
            opacity += stop.getColor().getOpacity();
        }
        int count = stops.size();
        return count == 0 ? null : new Color(red / count, green / count, blue / count, opacity / count);
    }
}
