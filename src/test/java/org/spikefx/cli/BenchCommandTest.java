package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark's report, not its figures: those depend on the machine and belong in the README. */
class BenchCommandTest {

    @Test
    void reportsTheDefaultRunAndTheLargeRunOnEachThreadCount() {
        Invocation bench = Invocation.of("bench", "--repeats", "1", "--large-n", "1200", "--large-T", "0.05",
                "--skip-force");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("default run (n=2000, T=2 s, 74838 spikes), 1 repeats:"), bench.out());
        assertTrue(bench.out().matches("(?s).*network build  median \\d+\\.\\d{3} s.*"), bench.out());
        assertTrue(bench.out().matches("(?s).*x faster than the NumPy reference's 2\\.4 s.*"), bench.out());
        assertTrue(bench.out().contains("large run (n=1200, T=0.05 s,"), bench.out());
        assertTrue(bench.out().matches("(?s).*real time on 1 thread \\(\\d+ spikes\\).*"), bench.out());
    }

    @Test
    void threadsSetsTheLargeRunsSecondThreadCount() {
        Invocation bench = Invocation.of("bench", "--repeats", "1", "--large-n", "1200", "--large-T", "0.05",
                "--skip-force", "--threads", "3");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().matches("(?s).*real time on 1 thread \\((\\d+) spikes\\).*real time on 3 threads \\(\\d+"
                + " spikes\\).*"), bench.out());
        Matcher counts = Pattern.compile("real time on \\d+ threads? \\((\\d+) spikes\\)")
                .matcher(bench.out());
        assertTrue(counts.find());
        String one = counts.group(1);
        assertTrue(counts.find());
        assertEquals(one, counts.group(1), "the same spikes on 1 and 3 threads");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--repeats 0 | Invalid value for option '--repeats': --repeats = 0 is not allowed: --repeats must be a whole number from 1 to 1000",
        "--repeats 2147483647 | Invalid value for option '--repeats': --repeats = 2147483647 is not allowed: --repeats must be a whole number from 1 to 1000",
        "--large-n 0 | Invalid value for option '--large-n': n = 0 is not allowed: n must be a whole number from 1"
                + " to 1000000",
        "--large-n 1000000 | Invalid value for option '--large-n': n = 1000000 and p = 0.1 give about 1.00e+11"
                + " synapses, more than the 2147483639 that fit; choose a smaller n or p",
        "--large-T -1 | Invalid value for option '--large-T': T = -1 is not allowed: T must be a finite number > 0",
        "--force-n 0 | Invalid value for option '--force-n': n = 0 is not allowed: n must be a whole number from 1"
                + " to 1000000",
        "--threads 0 | Invalid value for option '--threads': --threads = 0 is not allowed: --threads must be a whole number from 1 to 256",
        "--numpy-force-seconds 0 | Invalid value for option '--numpy-force-seconds': --numpy-force-seconds = 0 is not allowed: it must be a finite number of seconds > 0",
        "--numpy-force-seconds NaN | Invalid value for option '--numpy-force-seconds': --numpy-force-seconds = NaN is not allowed: it must be a finite number of seconds"
                + " > 0",
        "--repeats abc | Invalid value for option '--repeats': 'abc' is not a whole number",
        "--repeats 99999999999 | Invalid value for option '--repeats': '99999999999' is larger than any value this"
                + " option allows",
        "--large-n 2.5 | Invalid value for option '--large-n': '2.5' is not a whole number",
        "--numpy-force-seconds x | Invalid value for option '--numpy-force-seconds': 'x' is not a number"})
    void refusesBadOptionsAtOnceNamingTheOption(String options, String message) {
        // Were they checked late, the whole default benchmark would run first and print its report.
        Invocation bench = Invocation.of(concat("bench", options.split(" ")));
        assertEquals(CommandLine.BAD_INPUT, bench.exitCode());
        assertEquals("", bench.out());
        assertEquals(List.of("spikefx bench: " + message), bench.errLines());
    }

    @Test
    void refusesATrainedNetworkTooLargeForTheHeapAtOnce() {
        Invocation bench = Invocation.of("bench", "--force-n", "200000");
        assertEquals(CommandLine.BAD_INPUT, bench.exitCode());
        assertEquals("", bench.out());
        assertEquals(1, bench.errLines().size(), bench.err());
        assertTrue(bench.errLines().get(0).startsWith("spikefx bench: Invalid value for option '--force-n': training"
                + " n = 200000 needs about "), bench.err());
    }

    @Test
    void reportsThePaperTaskAndTheComparisonWithTheTrainingReferenceTimedBesideIt() {
        Invocation bench = Invocation.of("bench", "--repeats", "2", "--skip-large", "--force-n", "100",
                "--numpy-force-seconds", "19.1");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("FORCE training (n=100, RLS on "), bench.out());
        // Training from 5 to 10 s: RLS at steps 100001, 100051, ... 199951.
        assertTrue(bench.out().matches("(?s).*paper's task \\(T=15 s, training 5-10 s\\)  \\d+\\.\\d\\d s wall: build"
                + " .* spikes, 2000 RLS updates\\).*"), bench.out());
        assertTrue(bench.out().matches("(?s).*T=3 s, training 1-2 s, 2 repeats: loop median \\d+\\.\\d\\d s  min"
                + " \\d+\\.\\d\\d s = .*x faster than the NumPy reference's 19\\.1 s \\(median; .*x at the min\\)"
                + " \\(400 RLS updates\\).*"), bench.out());
    }

    @Test
    void aSmallLargeNetworkRecordsWhatItHas() {
        Invocation bench = Invocation.of("bench", "--repeats", "1", "--large-n", "5", "--large-T", "0.01",
                "--skip-force");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("large run (n=5, T=0.01 s,"), bench.out());
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
