package org.spikefx.params;

import java.math.BigDecimal;

/**
 * The fourteen parameters of the model, under the reference's names, with their units, defaults,
 * allowed ranges and a one-sentence explanation. Command line, parameter panel, config files and
 * README all read this one table.
 */
public enum Parameter implements RangedParameter {
    DT("dt", "s", 5e-5, 0, false, Double.POSITIVE_INFINITY, false, 1e-5, 2e-4, false,
            "Integration time step: the network is advanced in steps of this length."),
    T("T", "s", 2.0, 0, false, Double.POSITIVE_INFINITY, false, 0.1, 10, false,
            "Simulated duration of a run."),
    TREF("tref", "s", 0.002, 0, true, Double.POSITIVE_INFINITY, false, 0, 0.01, false,
            "Refractory period: after a spike a neuron ignores all input for this long."),
    TM("tm", "s", 0.01, 0, false, Double.POSITIVE_INFINITY, false, 0.002, 0.05, false,
            "Membrane time constant: how quickly the voltage leaks back towards its input."),
    VRESET("vreset", "mV", -65.0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, -80, -45, false,
            "Reset voltage: where the voltage is put right after a spike."),
    VPEAK("vpeak", "mV", -40.0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, -60, -20, false,
            "Spike threshold: a neuron fires when its voltage reaches this value."),
    N("n", "neurons", 2000, 1, true, 1_000_000, true, 100, 20_000, true,
            "Number of neurons in the network."),
    TD("td", "s", 0.02, 0, false, Double.POSITIVE_INFINITY, false, 0.002, 0.1, false,
            "Synaptic decay time: how long the current caused by one spike lasts."),
    TR("tr", "s", 0.002, 0, false, Double.POSITIVE_INFINITY, false, 0.0005, 0.01, false,
            "Synaptic rise time: how quickly the current caused by one spike builds up."),
    P("p", "", 0.1, 0, false, 1, true, 0.01, 1, false,
            "Connection probability: the chance that one neuron is wired to another."),
    OFFSET("offset", "mV", -40.0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, -50, -30, false,
            "Constant input: the voltage every neuron is driven towards, the same for all and for all time."),
    G("g", "", 0.04, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, 0, 0.2, false,
            "Coupling strength: scales every synaptic weight, excitatory and inhibitory alike."),
    SEED("seed", "", 100, 0, true, 4294967295.0, true, 0, 4294967295.0, true,
            "Random seed: the same seed always builds the same network and the same spikes."),
    NREC("nrec", "neurons", 10, 0, true, 1_000_000, true, 0, 50, true,
            "Number of recorded neurons: the voltages of neurons 0 to nrec-1 are kept.");

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

    Parameter(String key, String unit, double defaultValue, double min, boolean minInclusive, double max,
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

    /** The name used by the reference model, the command line (--key) and config files. */
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

    public static Parameter byKey(String key) {
        for (Parameter parameter : values()) {
            if (parameter.key.equals(key)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + key + "'");
    }

    /** Whether the value lies in this parameter's own range (rules between parameters are checked elsewhere). */
    public boolean accepts(double value) {
        return Ranges.accepts(value, min, minInclusive, max, maxInclusive, integer);
    }

    /** The error for a value this parameter does not accept. */
    public InvalidParameterException outOfRange(double value) {
        return new InvalidParameterException(this, key + " = " + format(value) + " is not allowed: " + key
                + " must be " + allowedRange());
    }

    /** The allowed range in words, e.g. "a number > 0" or "a whole number from 1 to 1000000". */
    public String allowedRange() {
        return Ranges.describe(min, minInclusive, max, maxInclusive, integer);
    }

    /** Shortest plain decimal that reads back as the same number: 0.00005 rather than 5.0E-5, 2 rather than 2.0. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
