package org.spikefx.ui.params;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.spikefx.params.Parameter;

/**
 * Maps a parameter's values to slider positions and back. A slider range that spans a decade or
 * more is logarithmic, so that each decade gets the same length; the others are linear. Values read
 * off a slider are rounded to what a person would type: three significant digits on a logarithmic
 * slider, a power of ten no larger than a thousandth of the range on a linear one, and whole numbers
 * for parameters that take only those.
 */
final class SliderScale {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private final Parameter parameter;
    private final boolean logarithmic;

    private SliderScale(Parameter parameter, boolean logarithmic) {
        this.parameter = parameter;
        this.logarithmic = logarithmic;
    }

    static SliderScale of(Parameter parameter) {
        return new SliderScale(parameter,
                parameter.sliderMin() > 0 && parameter.sliderMax() / parameter.sliderMin() >= 10);
    }

    boolean isLogarithmic() {
        return logarithmic;
    }

    double minPosition() {
        return toPosition(parameter.sliderMin());
    }

    double maxPosition() {
        return toPosition(parameter.sliderMax());
    }

    /** Where the value sits on the slider; values outside the slider range lie beyond its ends. */
    double toPosition(double value) {
        return logarithmic ? Math.log10(value) : value;
    }

    /** The readable value nearest to a slider position. */
    double toValue(double position) {
        if (logarithmic) {
            double rounded = new BigDecimal(Math.pow(10, position)).round(THREE_DIGITS).doubleValue();
            return parameter.isInteger() ? Math.rint(rounded) : rounded;
        }
        return parameter.isInteger() ? Math.rint(position)
                : new BigDecimal(position).setScale(linearDecimals(), RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Decimal places of the largest power of ten that is at most a thousandth of the slider range. */
    private int linearDecimals() {
        double range = parameter.sliderMax() - parameter.sliderMin();
        return -(int) Math.floor(Math.log10(range / 1000));
    }
}
