package org.spikefx.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.spikefx.params.Parameter;

class AxisTest {
    @Test
    void valuesAreEvenlySpacedDecimalsWithBothEndsIncluded() {
        Axis g = Axis.parse("g=0:0.2:21");
        assertEquals(Parameter.G, g.parameter());
        assertEquals(21, g.values().length);
        assertEquals(0.0, g.value(0));
        assertEquals(0.03, g.value(3), 0.0, "the value typed, not 3 * 0.01 in binary");
        assertEquals(0.2, g.value(20));
        assertArrayEquals(new double[] {-50, -45, -40, -35, -30}, Axis.parse("offset=-50:-30:5").values());
        assertEquals(7, Axis.parse("offset=-50:-30:5").indexOf(-40) + 5);
        assertEquals(-1, Axis.parse("offset=-50:-30:5").indexOf(-41));
        assertEquals("g=0:0.2:21", g.toString());
        assertEquals(Axis.parse("g=0.0:0.20:21"), g);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "g0:0.2:21 | 'g0:0.2:21' is not NAME=FROM:TO:COUNT, e.g. g=0:0.2:21",
        "g=0:0.2 | 'g=0:0.2' is not NAME=FROM:TO:COUNT",
        "gain=0:0.2:21 | there is no parameter 'gain': the parameters are dt, T, tref",
        "g=0:x:21 | TO 'x' is not a number",
        "g=0:0.2:0 | COUNT = 0 is not allowed: COUNT must be a whole number from 1 to 101",
        "g=0:0.2:102 | COUNT = 102 is not allowed",
        "g=0:0.2:2.5 | COUNT '2.5' is not allowed",
        "g=0.2:0:21 | g=0.2:0:21: FROM must be below TO",
        "g=0:0.2:1 | g=0:0.2:1 has one value, so FROM and TO must be equal",
        "p=0:1:11 | p = 0 is not allowed: p must be a finite number > 0 and <= 1",
        "n=100:1000:4 | ",
        "n=100:1000:8 | n takes whole numbers, and n=100:1000:8 gives n = 228.57",
    })
    void badAxesAreRefusedWithWhatIsAllowed(String text, String expected) {
        if (expected == null) {
            assertArrayEquals(new double[] {100, 400, 700, 1000}, Axis.parse(text).values());
            return;
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Axis.parse(text));
        assertEquals(true, refused.getMessage().startsWith(expected), refused.getMessage());
    }
}
