package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DivisorTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.02, 0.003, 0.0123456, 4e-5, 1.0 / 3, 7.0, 0.05})
    void dividesExactlyAsTheDivisionOperator(double d) {
        Divisor divisor = new Divisor(d);
        SplittableRandom random = new SplittableRandom(Double.doubleToLongBits(d));
        for (int k = 0; k < 2_000_000; k++) {
            double x = (2 * random.nextDouble() - 1) * Math.scalb(1.0, random.nextInt(-30, 30));
            if (divisor.divide(x) != x / d) {
                throw new AssertionError(x + " / " + d + ": " + divisor.divide(x) + " instead of " + x / d);
            }
        }
        assertEquals(0.0, divisor.divide(0.0));
    }
}
