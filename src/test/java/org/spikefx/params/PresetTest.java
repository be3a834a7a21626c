package org.spikefx.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.spikefx.engine.PopulationSynchrony;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunStatistics;
import org.spikefx.engine.Simulation;
import org.spikefx.engine.SpikeRecord;

/** Each preset, run as it stands, shows the regime its explanation promises. */
class PresetTest {

    /** The statistics of one whole run; synchrony is the Fano factor of the population count. */
    private record Regime(RunStatistics statistics, double synchrony, int[] populationCounts) {
        static Regime of(Preset preset) {
            NetworkParameters params = preset.parameters();
            Simulation simulation = new Simulation(params, RandomNetwork.build(params));
            SpikeRecord spikes = new SpikeRecord();
            while (!simulation.finished()) {
                simulation.advance();
                spikes.addStep(simulation);
            }
            return new Regime(RunStatistics.of(spikes, params), PopulationSynchrony.of(spikes, params),
                    PopulationSynchrony.populationCounts(spikes, params));
        }
    }

    @Test
    void referenceDefaultsAreAsynchronousAndIrregular() {
        Regime regime = Regime.of(Preset.REFERENCE_DEFAULTS);
        assertEquals(NetworkParameters.DEFAULTS, Preset.REFERENCE_DEFAULTS.parameters());
        assertTrue(regime.statistics().meanCv() > 0.7, "irregular: mean CV " + regime.statistics().meanCv());
        assertTrue(regime.synchrony() < 2, "asynchronous: Fano factor " + regime.synchrony());
    }

    @Test
    void regularFiringIsRegularAndAsynchronous() {
        Regime regime = Regime.of(Preset.REGULAR_FIRING);
        assertTrue(regime.statistics().meanCv() < 0.2, "regular: mean CV " + regime.statistics().meanCv());
        assertTrue(regime.synchrony() < 2, "asynchronous: Fano factor " + regime.synchrony());
    }

    @Test
    void lockstepFiresInVolleys() {
        Regime regime = Regime.of(Preset.LOCKSTEP);
        assertTrue(regime.statistics().meanCv() < 0.05, "clock-like: mean CV " + regime.statistics().meanCv());
        assertTrue(regime.synchrony() > 100, "volleys: Fano factor " + regime.synchrony());
    }

    @Test
    void quietFallsSilentAfterTheFirstVolley() {
        Regime regime = Regime.of(Preset.QUIET);
        assertTrue(regime.statistics().totalSpikes() > 0, "the first volley");
        assertEquals(0, Arrays.stream(regime.populationCounts()).sum(), "spikes after the settling time");
    }

    @Test
    void strongCouplingKeepsFiringInBurstsBelowThreshold() {
        NetworkParameters params = Preset.STRONG_COUPLING.parameters();
        assertTrue(params.offset() < params.vpeak(), "drive below threshold");
        Regime regime = Regime.of(Preset.STRONG_COUPLING);
        assertTrue(Arrays.stream(regime.populationCounts()).allMatch(count -> count > 0), "firing all the time");
        assertTrue(regime.statistics().meanCv() > 1, "bursts: mean CV " + regime.statistics().meanCv());
        assertTrue(regime.synchrony() < 3, "no population volleys: Fano factor " + regime.synchrony());
    }

    @Test
    void presetsDifferFromTheDefaultsInDriveAndCouplingOnly() {
        Map<Parameter, Double> defaults = NetworkParameters.DEFAULTS.toMap();
        for (Preset preset : Preset.values()) {
            Set<Parameter> changed = preset.parameters().toMap().entrySet().stream()
                    .filter(entry -> !entry.getValue().equals(defaults.get(entry.getKey())))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertTrue(Set.of(Parameter.OFFSET, Parameter.G).containsAll(changed), preset + " changes " + changed);
        }
    }

    @Test
    void eachPresetIsFoundByItsParameters() {
        for (Preset preset : Preset.values()) {
            assertEquals(Optional.of(preset), Preset.matching(preset.parameters()));
        }
        assertEquals(Optional.empty(), Preset.matching(NetworkParameters.DEFAULTS.with(Parameter.SEED, 1)));
    }
}
