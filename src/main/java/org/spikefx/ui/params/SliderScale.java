package org.spikefx.ui.params;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.spikefx.analysis.TickSpacing;
import org.spikefx.params.Parameter;

/**
 * Maps a parameter's values to slider positions and back. A slider range that spans a decade or
 * more is logarithmic, so that each decade gets the same length; the others are linear. Values read
 * off a slider snap to what a person would type: two significant digits on a logarithmic slider
 * (1500, 0.0021), on a linear one a multiple of a round step that divides the range into about
 * {@value #LINEAR_STEPS} (g in steps of 0.005, offset of 0.5 mV), and whole numbers for parameters
 * that take only those. Near an end a slider gives the end value itself.
 */
final class SliderScale {
    /** A linear slider has about this many stops: one every pixel or two of a slider in the panel. */
    static final int LINEAR_STEPS = 50;
    private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.HALF_EVEN);
    private static final MathContext ONE_DIGIT = new MathContext(1, RoundingMode.HALF_EVEN);

    private final ParameterRow.Spec parameter;
    private final boolean logarithmic;
    /** The stop spacing of a linear slider, or null for a logarithmic one or one of whole numbers. */
    private final BigDecimal step;

    private SliderScale(ParameterRow.Spec parameter, boolean logarithmic) {
        this.parameter = parameter;
        this.logarithmic = logarithmic;
        this.step = logarithmic || parameter.integer() ? null : new BigDecimal(
                TickSpacing.step(parameter.sliderMax() - parameter.sliderMin(), LINEAR_STEPS)).round(ONE_DIGIT);
    }

    static SliderScale of(Parameter parameter) {
        return of(ParameterRow.Spec.of(parameter));
    }

    static SliderScale of(ParameterRow.Spec parameter) {
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

    /** How far the arrow keys move the slider: one stop of a linear slider, a fiftieth of any other. */
    double blockIncrement() {
        return step != null ? step.doubleValue() : (maxPosition() - minPosition()) / LINEAR_STEPS;
    }

    /** Where the value sits on the slider; values outside the slider range lie beyond its ends. */
    double toPosition(double value) {
        return logarithmic ? Math.log10(value) : value;
    }

    /** The readable value nearest to a slider position, within the slider's range. */
    double toValue(double position) {
        double value;
        if (logarithmic) {
            double rounded = new BigDecimal(Math.pow(10, position)).round(TWO_DIGITS).doubleValue();
            value = parameter.integer() ? Math.rint(rounded) : rounded;
        } else if (step == null) {
            value = Math.rint(position);
        } else {
            BigDecimal stops = new BigDecimal(position).divide(step, 0, RoundingMode.HALF_EVEN);
            value = stops.multiply(step).doubleValue();
        }
        return Math.max(parameter.sliderMin(), Math.min(parameter.sliderMax(), value));
    }
}
