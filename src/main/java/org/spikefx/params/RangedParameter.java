package org.spikefx.params;

/**
 * What a number typed for a parameter is checked against, the same way for the network's parameters
 * and the training's: its name, its own range, and the one-line refusal of a value outside it.
 */
public interface RangedParameter {
    /** The name on the command line (--key) and in config files. */
    String key();

    /** The range in words, for messages: "a whole number from 1 to 1000000". */
    String allowedRange();

    /** Whether the value lies in the parameter's own range. */
    boolean accepts(double value);

    /** The refusal of a value outside the range, naming the parameter, the value and what is allowed. */
    IllegalArgumentException outOfRange(double value);
}
