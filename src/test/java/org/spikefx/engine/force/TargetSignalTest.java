package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

class TargetSignalTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS;
    private static final MathContext EXACT = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal PI = new BigDecimal("3.141592653589793238462643383279502884197169399375105820974944");

    @TempDir
    Path folder;

    private static TargetSignal target(TargetShape shape, double frequency, double amplitude) throws IOException {
        TrainingParameters training = TrainingParameters.DEFAULTS.with(TrainingParameter.TARGET_FREQ, frequency)
                .with(TrainingParameter.TARGET_AMPLITUDE, amplitude).withTarget(shape, null);
        return TargetSignal.of(training, PARAMS);
    }

    /** sin(x) to 60 digits, by its Taylor series after reducing x modulo 2 pi. */
    private static double exactSine(double x) {
        BigDecimal twoPi = PI.multiply(BigDecimal.valueOf(2));
        BigDecimal reduced = new BigDecimal(x).remainder(twoPi, EXACT);
        if (reduced.compareTo(PI) > 0) {
            reduced = reduced.subtract(twoPi, EXACT);
        }
        BigDecimal square = reduced.multiply(reduced, EXACT);
        BigDecimal term = reduced;
        BigDecimal sum = reduced;
        for (int k = 1; k < 45; k++) {
            term = term.multiply(square, EXACT).divide(BigDecimal.valueOf((2L * k) * (2L * k + 1)), EXACT).negate();
            sum = sum.add(term, EXACT);
        }
        return sum.doubleValue(); // rounds to the nearest double
    }

    @Test
    void theSineIsCorrectlyRoundedAtEveryStepChecked() {
        // The paper's 5 Hz and a frequency with no round period: every step of the first 75 ms, then every 301st of 15 s.
        for (double frequency : new double[] {5.0, 3.7}) {
            for (int step = 0; step < 300_000; step += step < 1500 ? 1 : 301) {
                double x = 2 * Math.PI * step * PARAMS.dt() * frequency;
                double expected = exactSine(x);
                assertEquals(expected, CorrectlyRoundedSine.sin(x), 0.0, "sin(" + x + ") at step " + step);
            }
        }
        // Where the C library's sine is one ulp off the nearest double (found at step 1707 of the paper's task).
        assertEquals(0.4441661246757785, CorrectlyRoundedSine.sin(2.6813493298388886), 0.0);
        assertEquals(Math.sin(1e7), CorrectlyRoundedSine.sin(1e7), Math.ulp(1.0), "beyond the reduction, within an ulp");
    }

    @Test
    void theSineHasTheFrequencyAndAmplitudeAsked() throws IOException {
        TargetSignal sine = target(TargetShape.SINE, 4, 1.5);
        // A quarter period of 4 Hz is 62.5 ms = 1250 steps.
        assertEquals(0.0, sine.at(0), 0.0);
        assertEquals(1.5, sine.at(1250), 1e-12);
        assertEquals(-1.5, sine.at(3750), 1e-12);
        TargetSignal paper = target(TargetShape.SINE, 5, 1);
        assertEquals(CorrectlyRoundedSine.sin(2 * Math.PI * 1234 * PARAMS.dt() * 5), paper.at(1234), 0.0,
                "amplitude 1 is the reference's sine to the bit");
    }

    @Test
    void sinesSawtoothSquareAndVanDerPolHaveTheirShapes() throws IOException {
        TargetSignal sines = target(TargetShape.SINES, 5, 2);
        double t = 1234 * PARAMS.dt();
        assertEquals(2 * (Math.sin(2 * Math.PI * 5 * t) + Math.sin(4 * Math.PI * 5 * t) / 2) / (3 * Math.sqrt(3) / 4),
                sines.at(1234), 1e-12);
        // The peak is at a sixth of the period (x = pi / 3): 0.2 s / 6 = 666.67 steps.
        assertEquals(2, Math.max(sines.at(666), sines.at(667)), 1e-5);

        TargetSignal saw = target(TargetShape.SAWTOOTH, 5, 1);
        assertEquals(-1, saw.at(0), 1e-12);
        assertEquals(0, saw.at(2000), 1e-12, "half way through the 0.2 s period");
        assertEquals(1 - 2.0 / 4000, saw.at(3999), 1e-9, "just before the drop");
        assertEquals(-1, saw.at(4000), 1e-9);

        // 1 Hz: plateaus of 0.5 s, long beside the filter's 20 ms; the value reaches A and then -A.
        TargetSignal square = target(TargetShape.SQUARE, 1, 2);
        double top = 0;
        double bottom = 0;
        double previous = 0;
        double largestJump = 0;
        for (int step = 0; step < 40_000; step++) {
            double value = square.at(step);
            top = Math.max(top, value);
            bottom = Math.min(bottom, value);
            largestJump = Math.max(largestJump, Math.abs(value - previous));
            previous = value;
        }
        assertEquals(2, top, 1e-3);
        assertEquals(-2, bottom, 1e-3);
        assertTrue(largestJump < 0.01, "smoothed: no step jumps, largest " + largestJump);

        // Van der Pol at 2 Hz: starts at 0 going up, peaks at A, and crosses 0 upwards again after 0.5 s.
        TargetSignal vdp = target(TargetShape.VANDERPOL, 2, 1);
        double peak = 0;
        int upwardCrossing = -1;
        double before = vdp.at(0);
        assertEquals(0, before, 1e-2);
        for (int step = 1; step < 15_000; step++) {
            double value = vdp.at(step);
            peak = Math.max(peak, Math.abs(value));
            if (step > 1000 && before < 0 && value >= 0 && upwardCrossing < 0) {
                upwardCrossing = step;
            }
            before = value;
        }
        assertEquals(1, peak, 1e-3);
        assertEquals(10_000, upwardCrossing, 20, "one period of 0.5 s");
    }

    @Test
    void aCsvTargetIsInterpolatedAndPlayedInALoop() throws IOException {
        Path file = folder.resolve("ramp.csv");
        Files.writeString(file, "value\n0\n1\n\n2\n3\n");
        TrainingParameters training = TrainingParameters.DEFAULTS.with(TrainingParameter.TARGET_RATE, 1000)
                .with(TrainingParameter.TARGET_AMPLITUDE, 2).withTarget(TargetShape.CSV, file);
        TargetSignal csv = TargetSignal.of(training, PARAMS);
        // 1000 samples a second: a sample every 20 steps of 0.05 ms.
        assertEquals(0, csv.at(0), 0.0);
        assertEquals(2 * 0.5, csv.at(10), 1e-12);
        assertEquals(2 * 3, csv.at(60), 1e-12);
        assertEquals(2 * 1.5, csv.at(70), 1e-12, "from the last sample back to the first");
        assertEquals(2 * 1, csv.at(100), 1e-12, "the second time round");
    }

    @Test
    void aBadCsvIsRefusedWithOneLine() throws IOException {
        Path text = folder.resolve("text.csv");
        Files.writeString(text, "value\n1\nabc\n");
        assertEquals(text + ": row 3 is 'abc', not a number: a target file holds one number per row",
                assertThrows(IOException.class, () -> TargetSignal.readCsv(text)).getMessage());
        Path empty = folder.resolve("empty.csv");
        Files.writeString(empty, "value\n");
        assertEquals(empty + ": no values: a target file holds one number per row",
                assertThrows(IOException.class, () -> TargetSignal.readCsv(empty)).getMessage());
        Path infinite = folder.resolve("inf.csv");
        Files.writeString(infinite, "1\nInfinity\n");
        assertEquals(infinite + ": row 2 is Infinity: every value must be finite",
                assertThrows(IOException.class, () -> TargetSignal.readCsv(infinite)).getMessage());
        Path missing = folder.resolve("missing.csv");
        assertEquals(missing + ": no such file", assertThrows(IOException.class,
                () -> TargetSignal.readCsv(missing)).getMessage());
    }

    /** A copy goes on as the signal itself would, and stepping it leaves the signal where it was. */
    @Test
    void aCopyLooksAheadWithoutMovingTheSignalOn() throws IOException {
        for (TargetShape shape : new TargetShape[] {TargetShape.SINE, TargetShape.SQUARE, TargetShape.VANDERPOL}) {
            TargetSignal signal = target(shape, 5, 1);
            TargetSignal reference = target(shape, 5, 1);
            for (int step = 0; step <= 1000; step++) {
                signal.at(step);
                reference.at(step);
            }
            TargetSignal ahead = signal.copy();
            for (int step = 1001; step <= 5000; step++) {
                assertEquals(reference.at(step), ahead.at(step), 0.0, shape + " ahead at step " + step);
            }
            TargetSignal again = target(shape, 5, 1);
            for (int step = 0; step <= 1000; step++) {
                again.at(step);
            }
            for (int step = 1001; step <= 2000; step++) {
                assertEquals(again.at(step), signal.at(step), 0.0, shape + " itself at step " + step);
            }
            assertEquals(0.2, signal.periodSeconds(), 1e-15, shape.key());
        }
    }
}
