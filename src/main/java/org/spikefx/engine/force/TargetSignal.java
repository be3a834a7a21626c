package org.spikefx.engine.force;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.spikefx.engine.SynapticFilter;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameters;

/**
 * The signal a network is trained to produce, step by step. Some signals have a state (a filter, an
 * oscillator), so steps must be asked for in order, each once or more; a model asks for each of its
 * steps once, in order.
 */
public abstract class TargetSignal {

    /** The target at step i (time dt * i); i never decreases from one call to the next. */
    public abstract double at(int step);

    /** Seconds after which the signal repeats: 1 / f, or a CSV file's rows over its sample rate. */
    public abstract double periodSeconds();

    /**
     * A signal that goes on from where this one stands, independently of it: to look ahead without
     * moving this one on. A signal without a state is its own copy.
     */
    public abstract TargetSignal copy();

    /**
     * The target of these settings for steps of {@code params.dt()}.
     *
     * @throws IOException if a CSV target cannot be read, with a one-line message naming the file
     */
    public static TargetSignal of(TrainingParameters training, NetworkParameters params) throws IOException {
        return of(training, params, training.target() == TargetShape.CSV ? readCsv(training.targetFile()) : null);
    }

    /** The target of these settings, with the samples of a CSV target already read ({@link #readCsv}). */
    public static TargetSignal of(TrainingParameters training, NetworkParameters params, double[] csvSamples) {
        double dt = params.dt();
        double f = training.targetFreq();
        double a = training.targetAmplitude();
        return switch (training.target()) {
            case SINE -> new Sine(dt, f, a);
            case SINES -> new Sines(dt, f, a);
            case SAWTOOTH -> new Sawtooth(dt, f, a);
            case SQUARE -> new SmoothedSquare(SynapticFilter.of(dt, params.tr(), params.td()), f, a);
            case VANDERPOL -> new VanDerPol(dt, f, a);
            case CSV -> new Sampled(java.util.Objects.requireNonNull(csvSamples, "samples"), training.targetRate(), dt,
                    a);
        };
    }

    /** The paper's target, as the reference writes it: sin(2 pi i dt f), evaluated as (((2 pi) i) dt) f, times A. */
    static final class Sine extends TargetSignal {
        private final double dt;
        private final double frequency;
        private final double amplitude;

        Sine(double dt, double frequency, double amplitude) {
            this.dt = dt;
            this.frequency = frequency;
            this.amplitude = amplitude;
        }

        @Override
        public double periodSeconds() {
            return 1 / frequency;
        }

        @Override
        public TargetSignal copy() {
            return this;
        }

        @Override
        public double at(int step) {
            double value = CorrectlyRoundedSine.sin(2 * Math.PI * step * dt * frequency);
            return amplitude == 1 ? value : amplitude * value;
        }
    }

    /**
     * Two sines, the fundamental f and its octave 2f at half its weight, scaled to peak at A:
     * A (sin(2 pi f t) + sin(4 pi f t) / 2) / (3 sqrt(3) / 4). With the octave as strong as the
     * fundamental the trained network tends to lock onto the octave alone once training stops.
     */
    static final class Sines extends TargetSignal {
        /** The peak of sin(x) + sin(2x) / 2, at x = pi / 3. */
        static final double PEAK = 3 * Math.sqrt(3) / 4;

        private final double dt;
        private final double frequency;
        private final double amplitude;

        Sines(double dt, double frequency, double amplitude) {
            this.dt = dt;
            this.frequency = frequency;
            this.amplitude = amplitude;
        }

        @Override
        public double periodSeconds() {
            return 1 / frequency;
        }

        @Override
        public TargetSignal copy() {
            return this;
        }

        @Override
        public double at(int step) {
            double phase = 2 * Math.PI * step * dt * frequency;
            return amplitude * (CorrectlyRoundedSine.sin(phase) + CorrectlyRoundedSine.sin(2 * phase) / 2) / PEAK;
        }
    }

    /** A ramp from -A up to A, f times a second, starting at -A. */
    static final class Sawtooth extends TargetSignal {
        private final double dt;
        private final double frequency;
        private final double amplitude;

        Sawtooth(double dt, double frequency, double amplitude) {
            this.dt = dt;
            this.frequency = frequency;
            this.amplitude = amplitude;
        }

        @Override
        public double periodSeconds() {
            return 1 / frequency;
        }

        @Override
        public TargetSignal copy() {
            return this;
        }

        @Override
        public double at(int step) {
            double cycles = step * dt * frequency;
            return amplitude * (2 * (cycles - Math.floor(cycles)) - 1);
        }
    }

    /**
     * A square wave, A for the first half of each period and -A for the second, passed through the
     * synaptic filter (rise tr, decay td) that shapes the network's own signals, and scaled by the
     * filter's gain so that a long plateau reaches A. Starts from rest at 0.
     */
    static final class SmoothedSquare extends TargetSignal {
        private final SynapticFilter filter;
        private final double frequency;
        private final double amplitude;
        private final double gain;
        private int nextStep;
        private double current;
        private double rising;
        private double value;

        SmoothedSquare(SynapticFilter filter, double frequency, double amplitude) {
            this.filter = filter;
            this.frequency = frequency;
            this.amplitude = amplitude;
            // A constant input x gives, at rest, rising = x / ((1 - e^(-dt/td)) tr td), current = rising dt / (1 - e^(-dt/tr)).
            this.gain = filter.dt() / ((1 - filter.riseDecay()) * (1 - filter.fallDecay()) * filter.riseTimesDecayTime());
        }

        @Override
        public double periodSeconds() {
            return 1 / frequency;
        }

        @Override
        public TargetSignal copy() {
            SmoothedSquare copy = new SmoothedSquare(filter, frequency, amplitude);
            copy.nextStep = nextStep;
            copy.current = current;
            copy.rising = rising;
            copy.value = value;
            return copy;
        }

        @Override
        public double at(int step) {
            if (step < nextStep - 1) {
                throw new IllegalArgumentException("step " + step + " comes after step " + (nextStep - 1));
            }
            while (nextStep <= step) {
                double cycles = nextStep * filter.dt() * frequency;
                double square = cycles - Math.floor(cycles) < 0.5 ? amplitude : -amplitude;
                double rose = filter.current(current, rising);
                rising = filter.rising(rising, square);
                current = rose;
                value = current / gain;
                nextStep++;
            }
            return value;
        }
    }

    /**
     * The Van der Pol oscillator x'' = mu (1 - x^2) x' - x with mu = 5, the relaxation oscillator of the
     * paper, in a time scaled so that it makes f cycles a second, and scaled to peak at A. Integrated
     * with the classical Runge-Kutta method, one step per network step, from a point of its limit cycle
     * where x crosses 0 upwards.
     */
    static final class VanDerPol extends TargetSignal {
        static final double MU = 5;
        /** Runge-Kutta step (in the oscillator's own time) used to find its period and peak. */
        private static final double SURVEY_STEP = 1e-3;

        private final double h;
        private final double scale;
        private final double frequency;
        private final double[] state = new double[2];
        private int nextStep;
        private double value;

        VanDerPol(double dt, double frequency, double amplitude) {
            // Settle onto the limit cycle, then measure one period between upward zero crossings, and the peak.
            double[] survey = {2, 0};
            for (int k = 0; k < 100_000; k++) {
                rungeKutta(survey, SURVEY_STEP);
            }
            double[] crossing = upwardCrossing(survey);
            double period = 0;
            double peak = 0;
            double[] around = crossing.clone();
            do {
                double before = around[0];
                rungeKutta(around, SURVEY_STEP);
                period += SURVEY_STEP;
                peak = Math.max(peak, Math.abs(around[0]));
                if (before < 0 && around[0] >= 0 && period > 1) {
                    break;
                }
            } while (true);
            this.h = dt * frequency * period;
            this.scale = amplitude / peak;
            this.frequency = frequency;
            state[0] = crossing[0];
            state[1] = crossing[1];
        }

        /** The same oscillator at the same point, without the survey. */
        private VanDerPol(VanDerPol from) {
            this.h = from.h;
            this.scale = from.scale;
            this.frequency = from.frequency;
            this.state[0] = from.state[0];
            this.state[1] = from.state[1];
            this.nextStep = from.nextStep;
            this.value = from.value;
        }

        @Override
        public double periodSeconds() {
            return 1 / frequency;
        }

        @Override
        public TargetSignal copy() {
            return new VanDerPol(this);
        }

        /** Runs the survey on until x crosses 0 upwards; returns that point. */
        private static double[] upwardCrossing(double[] survey) {
            while (true) {
                double before = survey[0];
                rungeKutta(survey, SURVEY_STEP);
                if (before < 0 && survey[0] >= 0) {
                    return survey.clone();
                }
            }
        }

        private static void rungeKutta(double[] s, double h) {
            double x = s[0];
            double v = s[1];
            double k1x = v;
            double k1v = MU * (1 - x * x) * v - x;
            double x2 = x + h / 2 * k1x;
            double v2 = v + h / 2 * k1v;
            double k2x = v2;
            double k2v = MU * (1 - x2 * x2) * v2 - x2;
            double x3 = x + h / 2 * k2x;
            double v3 = v + h / 2 * k2v;
            double k3x = v3;
            double k3v = MU * (1 - x3 * x3) * v3 - x3;
            double x4 = x + h * k3x;
            double v4 = v + h * k3v;
            double k4x = v4;
            double k4v = MU * (1 - x4 * x4) * v4 - x4;
            s[0] = x + h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
            s[1] = v + h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
        }

        @Override
        public double at(int step) {
            if (step < nextStep - 1) {
                throw new IllegalArgumentException("step " + step + " comes after step " + (nextStep - 1));
            }
            while (nextStep <= step) {
                if (nextStep > 0) {
                    rungeKutta(state, h);
                }
                value = scale * state[0];
                nextStep++;
            }
            return value;
        }
    }

    /** A recorded signal, {@code rate} samples a second, linearly interpolated between samples and played in a loop. */
    static final class Sampled extends TargetSignal {
        private final double[] samples;
        private final double rate;
        private final double dt;
        private final double amplitude;

        Sampled(double[] samples, double rate, double dt, double amplitude) {
            this.samples = samples;
            this.rate = rate;
            this.dt = dt;
            this.amplitude = amplitude;
        }

        @Override
        public double periodSeconds() {
            return samples.length / rate;
        }

        @Override
        public TargetSignal copy() {
            return this;
        }

        @Override
        public double at(int step) {
            double position = step * dt * rate;
            double whole = Math.floor(position);
            double fraction = position - whole;
            int k = (int) (((long) whole) % samples.length);
            double here = samples[k];
            double next = samples[(k + 1) % samples.length];
            return amplitude * (here + fraction * (next - here));
        }
    }

    /**
     * The values of a CSV file with one number per row; a first row that is not a number is a header.
     * Blank rows are skipped.
     *
     * @throws IOException with one line naming the file, and the row at fault
     */
    public static double[] readCsv(Path file) throws IOException {
        double[] values = new double[1024];
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                row++;
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    if (row == 1) {
                        continue; // a header
                    }
                    throw new IOException(file + ": row " + row + " is '" + abbreviate(text)
                            + "', not a number: a target file holds one number per row");
                }
                if (!Double.isFinite(value)) {
                    throw new IOException(file + ": row " + row + " is " + text + ": every value must be finite");
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, 2 * count);
                }
                values[count++] = value;
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a text file (UTF-8)");
        }
        if (count == 0) {
            throw new IOException(file + ": no values: a target file holds one number per row");
        }
        return Arrays.copyOf(values, count);
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
