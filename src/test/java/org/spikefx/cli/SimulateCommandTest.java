package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Simulation;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class SimulateCommandTest {
    private static final List<String> SMALL_RUN = List.of("--n", "200", "--T", "0.1", "--nrec", "5", "--seed", "3");

    @TempDir
    Path folder;

    @Test
    void voltageFileHoldsEveryRecordedVoltageOfEveryStep() throws IOException {
        Path voltages = folder.resolve("voltages.csv");
        Invocation invocation = simulate(SMALL_RUN, "--voltages", voltages.toString(), "--quiet");
        assertEquals(0, invocation.exitCode(), invocation.err());

        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 200).with(Parameter.T, 0.1)
                .with(Parameter.NREC, 5).with(Parameter.SEED, 3);
        Simulation simulation = new Simulation(params, RandomNetwork.build(params));
        List<String> lines = Files.readAllLines(voltages);
        assertEquals("t,v0,v1,v2,v3,v4", lines.get(0));
        assertEquals(params.steps(), lines.size() - 1, "one row per step");
        for (String row : lines.subList(1, lines.size())) {
            simulation.advance();
            double[] values = Arrays.stream(row.split(",")).mapToDouble(Double::parseDouble).toArray();
            int step = simulation.nextStep() - 1;
            assertEquals(step * params.dt(), values[0], 1e-12, "time of step " + step);
            assertArrayEquals(simulation.recordedVoltages(), Arrays.copyOfRange(values, 1, values.length),
                    "voltages of step " + step);
        }
    }

    @Test
    void withoutQuietOneSummaryLineIsPrinted() throws IOException {
        Path summaryFile = folder.resolve("summary.json");
        Invocation invocation = simulate(SMALL_RUN, "--summary", summaryFile.toString());
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());

        assertEquals(0, invocation.exitCode(), invocation.err());
        List<String> lines = invocation.out().lines().toList();
        assertEquals(1, lines.size(), invocation.out());
        assertTrue(lines.get(0).startsWith(summary.get("total_spikes").asLong() + " spikes, mean rate "), lines.get(0));
    }

    @Test
    void meanCvIsNullWhenNoNeuronHasOne() throws IOException {
        // The CV counts spikes after 0.2 s only, so a run of 0.1 s has none.
        Path summaryFile = folder.resolve("summary.json");
        simulate(SMALL_RUN, "--summary", summaryFile.toString(), "--quiet");
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertTrue(summary.get("mean_cv_isi").isNull(), summary.get("mean_cv_isi").toString());
    }

    /** Arguments that must be refused, made from the test's folder, and what the message must mention. */
    record BadInput(String name, Function<Path, List<String>> arguments, List<String> mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadInput> badInputs() {
        return Stream.of(
            new BadInput("unknown flag", folder -> List.of("--bogus", "1"), List.of("--bogus")),
            new BadInput("malformed number", folder -> List.of("--n", "abc"),
                    List.of("--n", "abc", "a whole number from 1 to 1000000")),
            new BadInput("probability above 1", folder -> List.of("--p", "1.5"), List.of("--p", "1.5", "<= 1")),
            new BadInput("more recorded neurons than neurons", folder -> List.of("--n", "2000", "--nrec", "5000"),
                    List.of("--nrec", "5000", "from 0 to n (2000)")),
            new BadInput("negative time step", folder -> List.of("--dt", "-1"), List.of("--dt", "-1", "> 0")),
            new BadInput("missing folder", folder -> List.of("--spikes", folder.resolve("missing/x.csv").toString()),
                    List.of("--spikes", "missing", "does not exist")),
            new BadInput("folder that is a file", folder -> List.of("--summary",
                    folder.resolve("file.txt/summary.json").toString()),
                    List.of("--summary", "file.txt", "is a file, not a folder")));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputGetsOneLineAndExitCode2AndNoFile(BadInput bad) throws IOException {
        Files.writeString(folder.resolve("file.txt"), "in the way");
        List<String> arguments = new ArrayList<>(bad.arguments().apply(folder));
        // Outputs that could be written, so that a file appearing would show a run that went ahead.
        for (String output : List.of("--spikes", "--voltages", "--summary")) {
            if (!arguments.contains(output)) {
                arguments.addAll(List.of(output, folder.resolve(output.substring(2) + ".out").toString()));
            }
        }
        Invocation invocation = simulate(List.of("--T", "0.1"), arguments.toArray(String[]::new));

        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode());
        assertEquals(1, invocation.errLines().size(), invocation.err());
        String message = invocation.errLines().get(0);
        for (String mention : bad.mentions()) {
            assertTrue(message.contains(mention), "'" + mention + "' missing from: " + message);
        }
        assertFalse(message.contains("Exception"), message);
        assertEquals("", invocation.out());
        assertEquals(List.of(folder.resolve("file.txt")), filesIn(folder));
    }

    @Test
    void outputIntoReadOnlyFolderIsRefused() throws IOException {
        Path readOnly = Files.createDirectory(folder.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        // Permission bits do not stop a superuser; for one the "folder that is a file" case stands in.
        assumeFalse(Files.isWritable(readOnly), "this user can write into read-only folders");

        Invocation invocation = simulate(SMALL_RUN, "--spikes", readOnly.resolve("spikes.csv").toString());
        assertAll(
            () -> assertEquals(CommandLine.BAD_INPUT, invocation.exitCode()),
            () -> assertEquals(1, invocation.errLines().size(), invocation.err()),
            () -> assertTrue(invocation.err().contains("--spikes") && invocation.err().contains("not writable"),
                    invocation.err()),
            () -> assertEquals(List.of(), filesIn(readOnly)));
    }

    @Test
    void interruptedRunEndsWithExitCode130AndNoFile() throws IOException {
        Thread.currentThread().interrupt();
        Invocation invocation = simulate(SMALL_RUN, "--spikes", folder.resolve("spikes.csv").toString(),
                "--summary", folder.resolve("summary.json").toString());
        assertAll(
            () -> assertEquals(CommandLine.INTERRUPTED, invocation.exitCode()),
            () -> assertEquals(List.of("spikefx simulate: interrupted"), invocation.errLines()),
            () -> assertEquals(List.of(), filesIn(folder)),
            () -> assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is consumed"));
    }

    private static Invocation simulate(List<String> parameters, String... more) {
        List<String> args = new ArrayList<>();
        args.add("simulate");
        args.addAll(parameters);
        args.addAll(List.of(more));
        return Invocation.of(args);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
