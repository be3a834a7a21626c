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

    @Test
    void theWindowsBaseRecordsNoMoreNeuronsThanTheSmallestNetworkOfAnAxisOfN() {
        NetworkParameters live = NetworkParameters.DEFAULTS; // nrec 10
        NetworkParameters base = SweepSpec.recordingFewEnough(Axis.parse("n=2:20:3"), Axis.parse("g=0:0.2:3"), live);
        assertEquals(2, base.nrec());
        assertEquals(live.n(), base.n(), "only nrec changes");
        SweepSpec spec = new SweepSpec(Axis.parse("n=2:20:3"), Axis.parse("g=0:0.2:3"), base, 1);
        assertEquals(2, spec.cell(0, 0).n());

        assertEquals(live, SweepSpec.recordingFewEnough(Axis.parse("n=50:200:3"), Axis.parse("g=0:0.2:3"), live),
                "networks of 10 neurons or more keep the base as it is");
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec(Axis.parse("n=2:20:3"),
                Axis.parse("g=0:0.2:3"), live, 1), "without it the smallest cell is refused");
    }
}
