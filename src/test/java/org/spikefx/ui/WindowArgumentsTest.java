package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The window's own arguments: the benchmarks it runs, and a mistake refused with one line. */
class WindowArgumentsTest {

    @Test
    void theTrainingAndSpectrumBenchmarksAreChosenWithTheirSecondsAndSize() throws Exception {
        SpikeFxApplication.WindowArguments training = SpikeFxApplication.WindowArguments.parse(
                List.of("--benchmark-training", "30", "--n", "500"));
        assertEquals(30, training.benchmarkSeconds());
        assertEquals(500, training.benchmarkNeurons());
        assertTrue(training.benchmarkTraining());
        assertFalse(training.benchmarkSpectrum());

        SpikeFxApplication.WindowArguments spectrum = SpikeFxApplication.WindowArguments.parse(
                List.of("--benchmark-spectrum", "5"));
        assertEquals(5, spectrum.benchmarkSeconds());
        assertTrue(spectrum.benchmarkSpectrum());
        assertFalse(spectrum.benchmarkTraining());

        SpikeFxApplication.WindowArguments streaming = SpikeFxApplication.WindowArguments.parse(
                List.of("--benchmark-ui", "10"));
        assertFalse(streaming.benchmarkTraining() || streaming.benchmarkSpectrum());
    }

    @Test
    void aBadBenchmarkTimeIsRefusedWithOneLine() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SpikeFxApplication.WindowArguments.parse(List.of("--benchmark-training", "0")));
        assertEquals("--benchmark-training = 0 is not allowed: --benchmark-training must be a number > 0",
                refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> SpikeFxApplication.WindowArguments.parse(List.of("--n", "500")));
        assertTrue(refused.getMessage().startsWith("--n goes with --benchmark-ui, --benchmark-training or"
                + " --benchmark-spectrum"), refused.getMessage());
    }
}
