package org.spikefx.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.spikefx.params.Parameter;

/**
 * One axis of a sweep: a parameter and {@code count} values evenly spaced from {@code from} to
 * {@code to}, both ends included. The values are computed in decimal, so that 0 to 0.2 in 21 steps gives
 * 0.03 and not 0.030000000000000002: a cell's value is the number a user would type, and a cell opened
 * in the window or in {@code simulate} runs exactly that value.
 *
 * @param from  the first value (trailing zeros stripped, so that equal axes are equal)
 * @param to    the last value, above {@code from}; equal to it when {@code count} is 1
 * @param count how many values, 1 to {@link #MAX_COUNT}
 */
public record Axis(Parameter parameter, BigDecimal from, BigDecimal to, int count) {
    /** More values than this on one axis would not show as cells on a screen. */
    public static final int MAX_COUNT = 101;
    /** How an axis is written on the command line. */
    public static final String FORMAT = "NAME=FROM:TO:COUNT";

    /** @throws IllegalArgumentException with a one-line reason, if the range or a value is not allowed */
    public Axis {
        from = from.stripTrailingZeros();
        to = to.stripTrailingZeros();
        String range = parameter.key() + "=" + from.toPlainString() + ":" + to.toPlainString() + ":" + count;
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("COUNT = " + count + " is not allowed: COUNT must be a whole number"
                    + " from 1 to " + MAX_COUNT);
        }
        if (count == 1 && from.compareTo(to) != 0) {
            throw new IllegalArgumentException(range + " has one value, so FROM and TO must be equal");
        }
        if (count > 1 && from.compareTo(to) >= 0) {
            throw new IllegalArgumentException(range + ": FROM must be below TO");
        }
        for (int i = 0; i < count; i++) {
            BigDecimal exact = decimalValue(from, to, count, i);
            double value = exact.doubleValue();
            if (!parameter.accepts(value)) {
                String problem = parameter.isInteger() && Double.isFinite(value) && parameter.accepts(Math.rint(value))
                        ? parameter.key() + " takes whole numbers, and " + range + " gives " + parameter.key() + " = "
                        + Parameter.format(value) + "; choose a range whose steps are whole"
                        : parameter.outOfRange(value).getMessage();
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /**
     * Reads {@code NAME=FROM:TO:COUNT}, e.g. {@code g=0:0.2:21}.
     *
     * @throws IllegalArgumentException with a one-line reason naming what is wrong and what is allowed
     */
    public static Axis parse(String text) {
        String[] nameAndRange = text.split("=", 2);
        String[] range = nameAndRange.length == 2 ? nameAndRange[1].split(":", -1) : new String[0];
        if (range.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not " + FORMAT + ", e.g. g=0:0.2:21");
        }
        Parameter parameter = parameter(nameAndRange[0].trim());
        return new Axis(parameter, number(range[0], "FROM"), number(range[1], "TO"), count(range[2]));
    }

    /** The parameter of this name, or a reason that lists the names there are. */
    public static Parameter parameter(String name) {
        for (Parameter parameter : Parameter.values()) {
            if (parameter.key().equals(name)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("there is no parameter '" + name + "': the parameters are "
                + Arrays.stream(Parameter.values()).map(Parameter::key).collect(Collectors.joining(", ")));
    }

    private static BigDecimal number(String text, String what) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0) {
                throw new NumberFormatException("too large for a double");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number");
        }
    }

    private static int count(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("COUNT '" + text + "' is not allowed: COUNT must be a whole number"
                    + " from 1 to " + MAX_COUNT);
        }
    }

    /** The value at index {@code i}, 0 to count - 1: {@code from} at 0, {@code to} at count - 1. */
    public double value(int i) {
        return decimalValue(from, to, count, i).doubleValue();
    }

    /** All the values, in order. */
    public double[] values() {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = value(i);
        }
        return values;
    }

    /** The index of a value of this axis, or -1 if it is none of them. */
    public int indexOf(double value) {
        for (int i = 0; i < count; i++) {
            if (Double.compare(value(i), value) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** As the command line takes it: {@code g=0:0.2:21}. */
    @Override
    public String toString() {
        return parameter.key() + "=" + from.toPlainString() + ":" + to.toPlainString() + ":" + count;
    }

    private static BigDecimal decimalValue(BigDecimal from, BigDecimal to, int count, int i) {
        if (i == 0 || count == 1) {
            return from;
        }
        if (i == count - 1) {
            return to;
        }
        return from.add(to.subtract(from).multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(count - 1),
                MathContext.DECIMAL64));
    }
}
