package org.spikefx.params;

/** The one definition of what a numeric value's allowed range means, and how it reads in words. */
final class Ranges {
    private Ranges() {
    }

    /** Whether the value is finite, whole if it must be, and between the bounds. */
    static boolean accepts(double value, double min, boolean minInclusive, double max, boolean maxInclusive,
                           boolean integer) {
        if (!Double.isFinite(value)) {
            return false;
        }
        if (integer && value != Math.rint(value)) {
            return false;
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** The range in words, e.g. "a finite number > 0" or "a whole number from 1 to 1000000". */
    static String describe(double min, boolean minInclusive, double max, boolean maxInclusive, boolean integer) {
        String kind = integer ? "a whole number" : "a finite number";
        boolean lower = min != Double.NEGATIVE_INFINITY;
        boolean upper = max != Double.POSITIVE_INFINITY;
        if (lower && upper && minInclusive && maxInclusive) {
            return kind + " from " + Parameter.format(min) + " to " + Parameter.format(max);
        }
        StringBuilder range = new StringBuilder(kind);
        if (lower) {
            range.append(minInclusive ? " >= " : " > ").append(Parameter.format(min));
        }
        if (upper) {
            range.append(lower ? " and" : "").append(maxInclusive ? " <= " : " < ").append(Parameter.format(max));
        }
        return range.toString();
    }
}
