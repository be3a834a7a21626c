package org.spikefx.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import org.spikefx.params.RangedParameter;

/**
 * Reads a number for a parameter and checks it against the parameter's own range; picocli names the
 * option in the message. One converter for the network's parameters and the training's.
 */
record ParameterValue(RangedParameter parameter) implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number: " + parameter.key() + " must be "
                    + parameter.allowedRange());
        }
        if (Double.isInfinite(value) && !text.strip().matches("[+-]?Infinity")) {
            // Digits beyond a double's range: quoted as typed, not as the infinity they read as.
            throw new TypeConversionException("'" + text + "' is not allowed: " + parameter.key() + " must be "
                    + parameter.allowedRange());
        }
        if (!parameter.accepts(value)) {
            throw new TypeConversionException(parameter.outOfRange(value).getMessage());
        }
        return value;
    }
}
