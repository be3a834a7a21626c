package org.spikefx.params;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one FORCE training run: the {@link TrainingParameter} values, and the target's shape
 * (with its file for a CSV target). Always valid: the constructor refuses anything else with an
 * {@link Invalid} that names the parameter, the value and what is allowed.
 *
 * @param targetFile the CSV file of a {@link TargetShape#CSV} target; null for the other shapes
 */
public record TrainingParameters(double q, double rlsLambda, int rlsStep, double trainStart, double trainStop,
                                 double targetFreq, double targetAmplitude, double targetRate,
                                 TargetShape target, Path targetFile) {

    /** The paper's sine task: Q = 10, lambda = 0.1, RLS every 50 steps, training from 5 s to 10 s, 5 Hz. */
    public static final TrainingParameters DEFAULTS = fromMap(Map.of(), TargetShape.SINE, null);

    /** A training parameter's value out of its range, or breaking a rule between parameters. */
    public static final class Invalid extends IllegalArgumentException {
        private final transient TrainingParameter parameter;

        public Invalid(TrainingParameter parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        /** The parameter at fault. */
        public TrainingParameter parameter() {
            return parameter;
        }
    }

    public TrainingParameters {
        Objects.requireNonNull(target, "target");
        for (TrainingParameter parameter : TrainingParameter.values()) {
            double value = valueOf(parameter, q, rlsLambda, rlsStep, trainStart, trainStop, targetFreq,
                    targetAmplitude, targetRate);
            if (!parameter.accepts(value)) {
                throw parameter.outOfRange(value);
            }
        }
        if (!(trainStop >= trainStart)) {
            throw new Invalid(TrainingParameter.TRAIN_STOP, "train-stop = " + Parameter.format(trainStop)
                    + " is not allowed: train-stop must not be before train-start (" + Parameter.format(trainStart)
                    + ")");
        }
        if ((target == TargetShape.CSV) != (targetFile != null)) {
            throw new IllegalArgumentException(target == TargetShape.CSV ? "a CSV target needs its file"
                    : "only a CSV target has a file");
        }
    }

    public double get(TrainingParameter parameter) {
        return valueOf(parameter, q, rlsLambda, rlsStep, trainStart, trainStop, targetFreq, targetAmplitude,
                targetRate);
    }

    /** All values, in declaration order. */
    public Map<TrainingParameter, Double> toMap() {
        Map<TrainingParameter, Double> values = new EnumMap<>(TrainingParameter.class);
        for (TrainingParameter parameter : TrainingParameter.values()) {
            values.put(parameter, get(parameter));
        }
        return values;
    }

    /** A copy with one value changed; throws {@link Invalid} if the result is invalid. */
    public TrainingParameters with(TrainingParameter parameter, double value) {
        Map<TrainingParameter, Double> values = toMap();
        values.put(parameter, value);
        return fromMap(values, target, targetFile);
    }

    /** A copy with another target. */
    public TrainingParameters withTarget(TargetShape shape, Path file) {
        return fromMap(toMap(), shape, file);
    }

    /** Parameters from the values given (missing ones take their defaults) and a target. */
    public static TrainingParameters fromMap(Map<TrainingParameter, Double> values, TargetShape target,
                                             Path targetFile) {
        double[] all = new double[TrainingParameter.values().length];
        for (TrainingParameter parameter : TrainingParameter.values()) {
            double value = values.getOrDefault(parameter, parameter.defaultValue());
            // Whole-number values are checked before the cast below can hide a fraction.
            if (parameter.isInteger() && !parameter.accepts(value)) {
                throw parameter.outOfRange(value);
            }
            all[parameter.ordinal()] = value;
        }
        return new TrainingParameters(all[0], all[1], (int) all[2], all[3], all[4], all[5], all[6], all[7], target,
                targetFile);
    }

    private static double valueOf(TrainingParameter parameter, double q, double rlsLambda, int rlsStep,
                                  double trainStart, double trainStop, double targetFreq, double targetAmplitude,
                                  double targetRate) {
        return switch (parameter) {
            case Q -> q;
            case RLS_LAMBDA -> rlsLambda;
            case RLS_STEP -> rlsStep;
            case TRAIN_START -> trainStart;
            case TRAIN_STOP -> trainStop;
            case TARGET_FREQ -> targetFreq;
            case TARGET_AMPLITUDE -> targetAmplitude;
            case TARGET_RATE -> targetRate;
        };
    }

    /** The first step after which the decoder may change: round(train-start / dt), as the reference. */
    public int startStep(double dt) {
        return (int) Math.min(Integer.MAX_VALUE, Math.rint(trainStart / dt));
    }

    /** round(train-stop / dt). */
    public int stopStep(double dt) {
        return (int) Math.min(Integer.MAX_VALUE, Math.rint(trainStop / dt));
    }
}
