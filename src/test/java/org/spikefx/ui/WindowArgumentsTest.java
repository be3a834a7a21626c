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
        assertTrue(refused.getMessage().startsWith("--n goes with --benchmark-ui, --benchmark-training,"
                + " --benchmark-spectrum or --benchmark-large"), refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> SpikeFxApplication.WindowArguments.parse(List.of("--benchmark-start", "--benchmark-ui", "5")));
        assertTrue(refused.getMessage().startsWith("--benchmark-start times the start of the window with the"
                + " defaults, alone"), refused.getMessage());
    }

    @Test
    void aMistypedOptionOrCommandIsNamedAsSuchWithWhatIsTaken() {
        // A flag the window does not know was once refused as "needs a value", and the commands listed were three of six.
        for (List<String> args : List.of(List.of("--bogus"), List.of("--bogus", "1"), List.of("simulte"),
                List.of("simulte", "--n", "5"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SpikeFxApplication.WindowArguments.parse(args));
            String first = args.get(0);
            assertTrue(refused.getMessage().startsWith(first.startsWith("-") ? "unknown option " + first + ";"
                    : "there is no command '" + first + "';"), refused.getMessage());
            assertTrue(refused.getMessage().contains("the commands are " + org.spikefx.cli.CommandLine.commandNames()),
                    refused.getMessage());
        }
    }

    @Test
    void theStartAndLargeNetworkBenchmarksAreChosen() throws Exception {
        SpikeFxApplication.WindowArguments start = SpikeFxApplication.WindowArguments.parse(
                List.of("--benchmark-start"));
        assertTrue(start.benchmarkStart());
        assertEquals(0, start.benchmarkSeconds(), "the start benchmark has no length: it ends at the first spikes");

        SpikeFxApplication.WindowArguments large = SpikeFxApplication.WindowArguments.parse(
                List.of("--benchmark-large", "20", "--n", "12000"));
        assertTrue(large.benchmarkLarge());
        assertFalse(large.benchmarkStart());
        assertEquals(20, large.benchmarkSeconds());
        assertEquals(12000, large.benchmarkNeurons());
    }
}
