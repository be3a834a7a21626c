package org.spikefx.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkParametersTest {

    @Test
    void defaultsAreTheReferenceModelsValues() {
        NetworkParameters d = NetworkParameters.DEFAULTS;
        assertEquals(Map.ofEntries(Map.entry(Parameter.DT, 5e-5), Map.entry(Parameter.T, 2.0),
                Map.entry(Parameter.TREF, 0.002), Map.entry(Parameter.TM, 0.01), Map.entry(Parameter.VRESET, -65.0),
                Map.entry(Parameter.VPEAK, -40.0), Map.entry(Parameter.N, 2000.0), Map.entry(Parameter.TD, 0.02),
                Map.entry(Parameter.TR, 0.002), Map.entry(Parameter.P, 0.1), Map.entry(Parameter.OFFSET, -40.0),
                Map.entry(Parameter.G, 0.04), Map.entry(Parameter.SEED, 100.0), Map.entry(Parameter.NREC, 10.0)),
                d.toMap());
        assertEquals(40000, d.steps());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "N      | 0       | n = 0 is not allowed: n must be a whole number from 1 to 1000000",
        "N      | 2.5     | n = 2.5 is not allowed: n must be a whole number from 1 to 1000000",
        "P      | 0       | p = 0 is not allowed: p must be a finite number > 0 and <= 1",
        "P      | 1.5     | p = 1.5 is not allowed: p must be a finite number > 0 and <= 1",
        "DT     | -1e-5   | dt = -0.00001 is not allowed: dt must be a finite number > 0",
        "T      | 0       | T = 0 is not allowed: T must be a finite number > 0",
        "TM     | 0       | tm = 0 is not allowed: tm must be a finite number > 0",
        "TD     | -0.02   | td = -0.02 is not allowed: td must be a finite number > 0",
        "TR     | 0       | tr = 0 is not allowed: tr must be a finite number > 0",
        "TREF   | -0.001  | tref = -0.001 is not allowed: tref must be a finite number >= 0",
        "SEED   | -1      | seed = -1 is not allowed: seed must be a whole number from 0 to 4294967295",
        "SEED   | 4294967296 | seed = 4294967296 is not allowed: seed must be a whole number from 0 to 4294967295",
        "NREC   | -1      | nrec = -1 is not allowed: nrec must be a whole number from 0 to 1000000",
        "G      | NaN     | g = NaN is not allowed: g must be a finite number",
        "OFFSET | Infinity | offset = Infinity is not allowed: offset must be a finite number",
        "VPEAK  | -70     | vpeak = -70 is not allowed: vpeak must be above vreset (-65)",
        "NREC   | 2001    | nrec = 2001 is not allowed: nrec must be a whole number from 0 to n (2000)",
        "T      | 1e-6    | T = 0.000001 is not allowed: T/dt must round to a step count from 1 to 2147483647 (dt = 0.00005)",
        // A rule between two parameters, broken by the one changed: that one is named, from its side.
        "VRESET | -30     | vreset = -30 is not allowed: vreset must be below vpeak (-40)",
        "N      | 5       | n = 5 is not allowed: n must be at least nrec (10)",
        "DT     | 5       | dt = 5 is not allowed: T/dt must round to a step count from 1 to 2147483647 (T = 2)",
    })
    void aRefusedValueNamesTheParameterTheValueAndTheAllowedRange(Parameter parameter, double value, String message) {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> NetworkParameters.DEFAULTS.with(parameter, value));
        assertEquals(message, refused.getMessage());
        assertEquals(parameter, refused.parameter());
    }

    @Test
    void stepsRoundHalfToEvenAsPython() {
        // T/dt = 2.5 and 3.5 steps: Python's round gives 2 and 4.
        assertEquals(2, NetworkParameters.DEFAULTS.with(Parameter.DT, 0.25).with(Parameter.T, 0.625).steps());
        assertEquals(4, NetworkParameters.DEFAULTS.with(Parameter.DT, 0.25).with(Parameter.T, 0.875).steps());
    }

    @Test
    void onlyNPGAndSeedMakeAnotherNetwork() {
        NetworkParameters d = NetworkParameters.DEFAULTS;
        for (Parameter parameter : Parameter.values()) {
            double changed = parameter == Parameter.P ? 0.2 : parameter == Parameter.N ? 3000
                    : parameter == Parameter.VPEAK ? -41 : parameter == Parameter.NREC ? 5 : d.get(parameter) * 2 + 1;
            boolean network = parameter == Parameter.N || parameter == Parameter.P || parameter == Parameter.G
                    || parameter == Parameter.SEED;
            assertEquals(!network, d.sameNetworkAs(d.with(parameter, changed)), parameter.key());
        }
    }

    @Test
    void keysNameEveryParameterOnce() {
        for (Parameter parameter : Parameter.values()) {
            assertEquals(parameter, Parameter.byKey(parameter.key()));
            assertTrue(parameter.accepts(parameter.defaultValue()), parameter.key());
        }
        assertFalse(Parameter.N.accepts(1.5));
        assertThrows(IllegalArgumentException.class, () -> Parameter.byKey("nn"));
    }
}
