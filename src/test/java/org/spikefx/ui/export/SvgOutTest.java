package org.spikefx.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgOutTest {

    @ParameterizedTest
    @CsvSource({"12, 12", "12.5, 12.5", "-0.25, -0.25", "0.004, 0", "-0.004, 0", "3.14159, 3.14", "2.999, 3",
        "1280, 1280", "0.05, 0.05", "-1e6, -1000000"})
    void numbersAreWrittenToHundredthsWithoutTrailingZeros(double value, String written) {
        assertEquals(written, SvgOut.number(value));
    }
}
