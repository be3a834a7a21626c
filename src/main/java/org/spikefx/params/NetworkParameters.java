package org.spikefx.params;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fourteen parameters of one run, under the reference model's names. Times are in seconds,
 * voltages in mV. An instance is always valid: the constructor refuses anything else with an
 * {@link InvalidParameterException} that names the parameter, the value and what is allowed.
 */
public record NetworkParameters(double dt, double T, double tref, double tm, double vreset, double vpeak, int n,
                                double td, double tr, double p, double offset, double g, long seed, int nrec) {

    public static final NetworkParameters DEFAULTS = fromValues(defaultValues());

    public NetworkParameters {
        for (Parameter parameter : Parameter.values()) {
            double value = valueOf(parameter, dt, T, tref, tm, vreset, vpeak, n, td, tr, p, offset, g, seed, nrec);
            if (!parameter.accepts(value)) {
                throw parameter.outOfRange(value);
            }
        }
        if (!(vpeak > vreset)) {
            throw new InvalidParameterException(Parameter.VPEAK, "vpeak = " + Parameter.format(vpeak)
                    + " is not allowed: vpeak must be above vreset (" + Parameter.format(vreset) + ")");
        }
        if (nrec > n) {
            throw new InvalidParameterException(Parameter.NREC, "nrec = " + nrec
                    + " is not allowed: nrec must be a whole number from 0 to n (" + n + ")");
        }
        double steps = Math.rint(T / dt);
        if (!(steps >= 1 && steps <= Integer.MAX_VALUE)) {
            throw new InvalidParameterException(Parameter.T, "T = " + Parameter.format(T)
                    + " is not allowed: T/dt must round to a step count from 1 to " + Integer.MAX_VALUE
                    + " (dt = " + Parameter.format(dt) + ")");
        }
    }

    /** Number of integration steps, round(T/dt) with ties to even, as Python's round. */
    public int steps() {
        return (int) Math.rint(T / dt);
    }

    /** Whether a change from these parameters to {@code other} needs a new random network (n, p, g, seed). */
    public boolean sameNetworkAs(NetworkParameters other) {
        return n == other.n && p == other.p && g == other.g && seed == other.seed;
    }

    public double get(Parameter parameter) {
        return valueOf(parameter, dt, T, tref, tm, vreset, vpeak, n, td, tr, p, offset, g, seed, nrec);
    }

    /**
     * A copy with one parameter changed; throws {@link InvalidParameterException} if the result is
     * invalid. The exception names the parameter changed, also when the value breaks a rule between
     * two parameters (vreset = -30 with vpeak = -40 is refused as vreset, the value just typed).
     */
    public NetworkParameters with(Parameter parameter, double value) {
        Map<Parameter, Double> values = toMap();
        values.put(parameter, value);
        try {
            return fromMap(values);
        } catch (InvalidParameterException broken) {
            if (broken.parameter() == parameter || !parameter.accepts(value)) {
                throw broken;
            }
            throw new InvalidParameterException(parameter, Parameter.format(value).transform(shown ->
                    parameter.key() + " = " + shown + " is not allowed: " + ruleFor(parameter, broken)));
        }
    }

    /** The rule between parameters that a valid value of {@code changed} broke, from its own side. */
    private String ruleFor(Parameter changed, InvalidParameterException broken) {
        return switch (changed) {
            case VRESET -> "vreset must be below vpeak (" + Parameter.format(vpeak) + ")";
            case N -> "n must be at least nrec (" + nrec + ")";
            case DT -> "T/dt must round to a step count from 1 to " + Integer.MAX_VALUE + " (T = "
                    + Parameter.format(T) + ")";
            default -> throw broken;
        };
    }

    /** All fourteen values, in declaration order. */
    public Map<Parameter, Double> toMap() {
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (Parameter parameter : Parameter.values()) {
            values.put(parameter, get(parameter));
        }
        return values;
    }

    /** Parameters from a map that names every one of the fourteen (missing ones take their defaults). */
    public static NetworkParameters fromMap(Map<Parameter, Double> values) {
        double[] all = defaultValues();
        values.forEach((parameter, value) -> all[parameter.ordinal()] = value);
        return fromValues(all);
    }

    private static double[] defaultValues() {
        double[] all = new double[Parameter.values().length];
        for (Parameter parameter : Parameter.values()) {
            all[parameter.ordinal()] = parameter.defaultValue();
        }
        return all;
    }

    private static NetworkParameters fromValues(double[] v) {
        for (Parameter parameter : Parameter.values()) {
            // Whole-number parameters are checked before the narrowing casts below can hide a fraction.
            double value = v[parameter.ordinal()];
            if (parameter.isInteger() && !parameter.accepts(value)) {
                throw parameter.outOfRange(value);
            }
        }
        return new NetworkParameters(v[0], v[1], v[2], v[3], v[4], v[5], (int) v[6], v[7], v[8], v[9], v[10],
                v[11], (long) v[12], (int) v[13]);
    }

    private static double valueOf(Parameter parameter, double dt, double T, double tref, double tm, double vreset,
                                  double vpeak, int n, double td, double tr, double p, double offset, double g,
                                  long seed, int nrec) {
        return switch (parameter) {
            case DT -> dt;
            case T -> T;
            case TREF -> tref;
            case TM -> tm;
            case VRESET -> vreset;
            case VPEAK -> vpeak;
            case N -> n;
            case TD -> td;
            case TR -> tr;
            case P -> p;
            case OFFSET -> offset;
            case G -> g;
            case SEED -> seed;
            case NREC -> nrec;
        };
    }
}
