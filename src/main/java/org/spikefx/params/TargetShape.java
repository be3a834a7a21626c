package org.spikefx.params;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The signals a network can be trained to produce; see the engine's target signals for their formulas. */
public enum TargetShape {
    SINE("sine", "A sin(2 pi f t), the paper's task"),
    SINES("sines", "the sum of two sines, f and 2f at half the weight, scaled to peak at A"),
    SAWTOOTH("sawtooth", "a rising ramp from -A to A, f times a second"),
    SQUARE("square", "a square wave between -A and A, f times a second, smoothed by the synaptic filter (tr, td)"),
    VANDERPOL("vanderpol", "the Van der Pol oscillator with mu = 5 (relaxation), as in the paper, f cycles a second,"
            + " scaled to peak A"),
    CSV("csv", "a signal read from a CSV file, one value per row, target-rate rows a second, played in a loop");

    private final String key;
    private final String description;

    TargetShape(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name on the command line: --target KEY (csv as csv:FILE). */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The choices in words: "sine, sines, sawtooth, square, vanderpol or csv:FILE". */
    public static String choices() {
        String named = Arrays.stream(values()).filter(shape -> shape != CSV).map(TargetShape::key)
                .collect(Collectors.joining(", "));
        return named + " or csv:FILE";
    }

    /** The shape of this key; refuses an unknown one. */
    public static TargetShape byKey(String key) {
        for (TargetShape shape : values()) {
            if (shape.key.equals(key)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("target '" + key + "' is not allowed: the target must be " + choices());
    }
}
