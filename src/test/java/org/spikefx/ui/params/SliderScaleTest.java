package org.spikefx.ui.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.Preset;

class SliderScaleTest {

    @Test
    void slidersSpanningADecadeOrMoreAreLogarithmic() {
        Set<Parameter> logarithmic = Arrays.stream(Parameter.values())
                .filter(parameter -> SliderScale.of(parameter).isLogarithmic())
                .collect(Collectors.toSet());
        assertEquals(EnumSet.of(Parameter.DT, Parameter.T, Parameter.TM, Parameter.N, Parameter.TD, Parameter.TR,
                Parameter.P), logarithmic);
    }

    @Test
    void logarithmicPositionsAreDecades() {
        SliderScale dt = SliderScale.of(Parameter.DT);
        assertEquals(-5, dt.minPosition(), 1e-12);
        assertEquals(Math.log10(2e-4), dt.maxPosition(), 1e-12);
        assertEquals(Math.log10(5e-5), dt.toPosition(5e-5), 1e-12);
    }

    @Test
    void sliderValuesSnapToWhatAPersonWouldType() {
        assertEquals(1.2e-5, SliderScale.of(Parameter.DT).toValue(Math.log10(1.23456e-5)));
        assertEquals(2300, SliderScale.of(Parameter.N).toValue(Math.log10(2345.6)));
        assertEquals(0.098, SliderScale.of(Parameter.P).toValue(Math.log10(0.0983)));
        // Linear: about 50 round stops over the range.
        assertEquals(0.04, SliderScale.of(Parameter.G).toValue(0.041234), "g in steps of 0.005");
        assertEquals(0.1, SliderScale.of(Parameter.G).toValue(0.0983));
        assertEquals(0.0024, SliderScale.of(Parameter.TREF).toValue(0.0023456), "tref in steps of 0.0002 s");
        assertEquals(-38.5, SliderScale.of(Parameter.OFFSET).toValue(-38.4567), "offset in steps of 0.5 mV");
        assertEquals(-61, SliderScale.of(Parameter.VRESET).toValue(-61.3), "vreset in steps of 1 mV");
        assertEquals(123457, SliderScale.of(Parameter.SEED).toValue(123456.7));
        assertEquals(7, SliderScale.of(Parameter.NREC).toValue(7.4));
    }

    @Test
    void nearAnEndASliderGivesTheEndValue() {
        assertEquals(0.2, SliderScale.of(Parameter.G).toValue(0.1989));
        assertEquals(0, SliderScale.of(Parameter.G).toValue(0.0019));
        assertEquals(20_000, SliderScale.of(Parameter.N).toValue(Math.log10(19_900)));
        assertEquals(1, SliderScale.of(Parameter.P).toValue(Math.log10(0.996)));
        assertEquals(-30, SliderScale.of(Parameter.OFFSET).toValue(-30.2));
    }

    @Test
    void theArrowKeysMoveALinearSliderByOneStop() {
        assertEquals(0.5, SliderScale.of(Parameter.OFFSET).blockIncrement());
        assertEquals(0.005, SliderScale.of(Parameter.G).blockIncrement());
    }

    @Test
    void theEndsOfEverySliderAreItsRangeExactly() {
        for (Parameter parameter : Parameter.values()) {
            SliderScale scale = SliderScale.of(parameter);
            assertEquals(parameter.sliderMin(), scale.toValue(scale.minPosition()), parameter.key());
            assertEquals(parameter.sliderMax(), scale.toValue(scale.maxPosition()), parameter.key());
        }
    }

    @Test
    void thePresetValuesSitExactlyOnTheSliders() {
        for (Preset preset : Preset.values()) {
            NetworkParameters params = preset.parameters();
            for (Parameter parameter : Parameter.values()) {
                SliderScale scale = SliderScale.of(parameter);
                double value = params.get(parameter);
                assertEquals(value, scale.toValue(scale.toPosition(value)), preset + ": " + parameter.key());
            }
        }
    }
}
