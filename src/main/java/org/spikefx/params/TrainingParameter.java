package org.spikefx.params;

/**
 * The parameters of FORCE training (Nicola & Clopath 2017), beside the fourteen of the network: the
 * feedback scale, the recursive least squares (RLS) settings, the training window and the target
 * signal's frequency and amplitude. As for {@link Parameter}, this one table gives the command line's
 * options, their ranges, explanations and defaults; the defaults are the paper's sine task.
 */
public enum TrainingParameter implements RangedParameter {
    Q("Q", "", 10.0, 0, true, Double.POSITIVE_INFINITY, false, 0, 30, false,
            "Feedback scale: the readout z is fed back into neuron i with weight eta_i, drawn from -Q to Q."),
    RLS_LAMBDA("rls-lambda", "", 0.1, 0, false, Double.POSITIVE_INFINITY, false, 0.001, 10, false,
            "RLS regulariser: P, the running inverse correlation matrix, starts as dt * lambda * I; a larger"
                    + " value lets the decoder move faster at first."),
    RLS_STEP("rls-step", "steps", 50, 2, true, 1_000_000, true, 2, 500, true,
            "RLS interval: the decoder is updated at every step i with i mod rls-step = 1, inside the"
                    + " training window."),
    TRAIN_START("train-start", "s", 5.0, 0, true, Double.POSITIVE_INFINITY, false, 0, 30, false,
            "Start of the training window: the decoder is updated only after this time."),
    TRAIN_STOP("train-stop", "s", 10.0, 0, true, Double.POSITIVE_INFINITY, false, 0, 30, false,
            "End of the training window: after it the network runs on its own, with the decoder it learnt."),
    TARGET_FREQ("target-freq", "Hz", 5.0, 0, false, Double.POSITIVE_INFINITY, false, 0.5, 20, false,
            "Frequency of the target signal (for a CSV target: how often it repeats is set by its sample rate)."),
    TARGET_AMPLITUDE("target-amplitude", "", 1.0, 0, false, Double.POSITIVE_INFINITY, false, 0.1, 5, false,
            "Amplitude of the target signal: its peak value (a CSV target is scaled by it)."),
    TARGET_RATE("target-rate", "Hz", 20000, 0, false, Double.POSITIVE_INFINITY, false, 100, 100_000, false,
            "Sample rate of a CSV target: rows per second of the signal (20000 is one row per step at dt = 0.05 ms).");

    private final String key;
    private final String unit;
    private final double defaultValue;
    private final double min;
    private final boolean minInclusive;
    private final double max;
    private final boolean maxInclusive;
    private final double sliderMin;
    private final double sliderMax;
    private final boolean integer;
    private final String description;

    TrainingParameter(String key, String unit, double defaultValue, double min, boolean minInclusive, double max,
                      boolean maxInclusive, double sliderMin, double sliderMax, boolean integer, String description) {
        this.key = key;
        this.unit = unit;
        this.defaultValue = defaultValue;
        this.min = min;
        this.minInclusive = minInclusive;
        this.max = max;
        this.maxInclusive = maxInclusive;
        this.sliderMin = sliderMin;
        this.sliderMax = sliderMax;
        this.integer = integer;
        this.description = description;
    }

    /** The name on the command line (--key) and in config files. */
    public String key() { return key; }

    public String unit() { return unit; }

    public double defaultValue() { return defaultValue; }

    public boolean isInteger() { return integer; }

    public String description() { return description; }

    /** A range that shows the interesting regimes; a slider covers it, the numeric field allows more. */
    public double sliderMin() { return sliderMin; }

    public double sliderMax() { return sliderMax; }

    public double min() { return min; }

    public double max() { return max; }

    /** Whether the value lies in this parameter's own range (rules between parameters are checked elsewhere). */
    public boolean accepts(double value) {
        return Ranges.accepts(value, min, minInclusive, max, maxInclusive, integer);
    }

    /** The allowed range in words. */
    public String allowedRange() {
        return Ranges.describe(min, minInclusive, max, maxInclusive, integer);
    }

    /** The error for a value this parameter does not accept. */
    public TrainingParameters.Invalid outOfRange(double value) {
        return new TrainingParameters.Invalid(this, key + " = " + Parameter.format(value) + " is not allowed: " + key
                + " must be " + allowedRange());
    }
}
