package org.spikefx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class SweepSpecTest {
    @Test
    void aCellTakesTheBaseWithItsTwoValuesAndItsSeeds() {
        SweepSpec spec = new SweepSpec(Axis.parse("g=0:0.2:5"), Axis.parse("offset=-50:-30:3"),
                NetworkParameters.DEFAULTS.with(Parameter.N, 300), 3);
        assertEquals(NetworkParameters.DEFAULTS.with(Parameter.N, 300).with(Parameter.G, 0.15)
                .with(Parameter.OFFSET, -40).with(Parameter.SEED, 102), spec.run(3, 1, 2));
        assertEquals(45, spec.runCount());
        assertEquals(15, spec.cellCount());
    }

    @Test
    void twoParametersBoundByARuleMaySweepTogether() {
        // vreset -30 is above the base's vpeak (-40), but every cell has its own vpeak above it.
        SweepSpec spec = new SweepSpec(Axis.parse("vreset=-30:-20:2"), Axis.parse("vpeak=-10:0:2"),
                NetworkParameters.DEFAULTS, 1);
        assertEquals(-20, spec.cell(1, 0).vreset());
        assertEquals(-10, spec.cell(1, 0).vpeak());

        SweepSpec.InvalidSweepException crossing = assertThrows(SweepSpec.InvalidSweepException.class,
                () -> new SweepSpec(Axis.parse("vreset=-30:-20:2"), Axis.parse("vpeak=-25:0:2"), NetworkParameters.DEFAULTS, 1));
        assertEquals(SweepSpec.Part.X, crossing.part());
        assertEquals("vreset = -20 is not allowed: vreset must be below vpeak (-25)", crossing.getMessage());
    }
}
