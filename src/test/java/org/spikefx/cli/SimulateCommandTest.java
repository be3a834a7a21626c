package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void aRunOnThreeThreadsGivesTheSpikesAndVoltagesOfOneThreadAndAThreadCountOutOfRangeIsRefused()
            throws IOException {
        List<byte[]> outputs = new ArrayList<>();
        for (String threads : List.of("1", "3")) {
            Path spikes = folder.resolve("spikes-" + threads + ".csv");
            Path voltages = folder.resolve("voltages-" + threads + ".csv");
            Invocation invocation = simulate(SMALL_RUN, "--threads", threads, "--spikes", spikes.toString(),
                    "--voltages", voltages.toString(), "--quiet");
            assertEquals(0, invocation.exitCode(), invocation.err());
            outputs.add(Files.readAllBytes(spikes));
            outputs.add(Files.readAllBytes(voltages));
        }
        assertTrue(outputs.get(0).length > 1000, "the network fires");
        assertArrayEquals(outputs.get(0), outputs.get(2), "the same spikes on 1 and 3 threads");
        assertArrayEquals(outputs.get(1), outputs.get(3), "the same voltages on 1 and 3 threads");

        Invocation refused = simulate(SMALL_RUN, "--threads", "0");
        assertEquals(2, refused.exitCode());
        assertEquals(List.of("spikefx simulate: Invalid value for option '--threads': --threads = 0 is not allowed:"
                + " --threads must be a whole number from 1 to " + SimulateCommand.MAX_THREADS), refused.errLines());
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
                    List.of("--summary", "file.txt", "is a file, not a folder")),
            new BadInput("two outputs with the same path", folder -> List.of(
                    "--spikes", folder.resolve("same.csv").toString(), "--voltages", folder.resolve("same.csv").toString()),
                    List.of("--spikes and --voltages name the same file", "same.csv", "a file of its own")),
            new BadInput("two outputs with the same file spelled differently", folder -> List.of(
                    "--spikes", folder.resolve("same.csv").toString(),
                    "--summary", folder.resolve(".").resolve("same.csv").toString()),
                    List.of("--spikes and --summary name the same file", "same.csv")),
            new BadInput("a name longer than file systems allow", folder -> List.of(
                    "--spikes", folder.resolve("s".repeat(300) + ".csv").toString()),
                    List.of("--spikes", "304 bytes long", "at most 255")));
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
    void digitsBeyondAnyNumberAreQuotedAsTypedNotAsInfinity() {
        Invocation invocation = simulate(List.of(), "--n", "9".repeat(400));
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode());
        assertEquals(1, invocation.errLines().size(), invocation.err());
        String line = invocation.errLines().get(0);
        assertTrue(line.startsWith("spikefx simulate: Invalid value for option '--n': '" + "9".repeat(99)), line);
        assertTrue(line.endsWith("is not allowed: n must be a whole number from 1 to 1000000"), line);
        assertFalse(line.contains("Infinity"), line);
        assertTrue(line.length() < 400, "an excerpt of the value: " + line);
    }

    @Test
    void anOutputThatIsASymbolicLinkOrAPipeIsRefusedAndKept() throws Exception {
        Path precious = Files.writeString(folder.resolve("precious.txt"), "keep");
        Path link = Files.createSymbolicLink(folder.resolve("link.csv"), precious);
        Invocation viaLink = simulate(SMALL_RUN, "--spikes", link.toString());
        assertAll(
            () -> assertEquals(CommandLine.BAD_INPUT, viaLink.exitCode()),
            () -> assertEquals(List.of("spikefx simulate: Invalid value for option '--spikes': cannot write " + link
                    + ": it is a symbolic link; an output must be a regular file or a new name"), viaLink.errLines()),
            () -> assertTrue(Files.isSymbolicLink(link)),
            () -> assertEquals("keep", Files.readString(precious)));

        Path pipe = folder.resolve("pipe.csv");
        assumeTrue(makeFifo(pipe), "mkfifo is available");
        Invocation viaPipe = simulate(SMALL_RUN, "--voltages", pipe.toString());
        assertAll(
            () -> assertEquals(CommandLine.BAD_INPUT, viaPipe.exitCode()),
            () -> assertEquals(1, viaPipe.errLines().size(), viaPipe.err()),
            () -> assertTrue(viaPipe.err().contains("--voltages") && viaPipe.err().contains("special file"),
                    viaPipe.err()),
            () -> assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "still a pipe"));
    }

    @Test
    void aDeviceGivenAsAnyOutputIsRefusedWhileTheOptionsAreRead() {
        // The converter only looks at the file; refused there, nothing can reach the device.
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "a Unix device");
        picocli.CommandLine.TypeConversionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                picocli.CommandLine.TypeConversionException.class, () -> new WritableFile().convert(device.toString()));
        assertEquals("cannot write /dev/null: it is a device, pipe or other special file; an output must be a"
                + " regular file or a new name", refused.getMessage());
    }

    @Test
    void anOutputThatIsTheConfigReadIsRefused() throws IOException {
        Path config = folder.resolve("run.json");
        org.spikefx.export.RunConfigFile.write(config, org.spikefx.export.RunConfig.withDefaultView(
                NetworkParameters.DEFAULTS.with(Parameter.N, 200).with(Parameter.T, 0.1)));
        String before = Files.readString(config);
        Invocation invocation = simulate(List.of(), "--config", config.toString(), "--summary", config.toString());
        assertAll(
            () -> assertEquals(CommandLine.BAD_INPUT, invocation.exitCode()),
            () -> assertEquals(1, invocation.errLines().size(), invocation.err()),
            () -> assertTrue(invocation.err().contains("--summary names the config file " + config), invocation.err()),
            () -> assertEquals(before, Files.readString(config)));
    }

    @Test
    void aSmallNetworkRecordsAllItsNeuronsByDefault() throws IOException {
        // The default nrec = 10 would refuse itself for n = 5.
        Path voltages = folder.resolve("v.csv");
        Invocation invocation = simulate(List.of("--n", "5", "--T", "0.01"), "--voltages", voltages.toString(),
                "--quiet");
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals("t,v0,v1,v2,v3,v4", Files.readAllLines(voltages).get(0));
    }

    @Test
    void aLongLegalNameIsWritten() throws IOException {
        Path spikes = folder.resolve("a".repeat(226) + ".csv");
        Invocation invocation = simulate(SMALL_RUN, "--spikes", spikes.toString(), "--quiet");
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals("step,neuron", Files.readAllLines(spikes).get(0));
        assertEquals(List.of(spikes), filesIn(folder));
    }

    @Test
    void aRunThatFailsAtItsLastFileLeavesNoneOfItsFiles() throws Exception {
        // The summary is written last, after the run: its folder vanishes while the run goes on, as a
        // disk that fills up would fail it. The spikes and voltages, complete by then, must go too.
        Path data = Files.createDirectory(folder.resolve("data"));
        Path gone = Files.createDirectory(folder.resolve("gone"));
        List<String> longRun = List.of("--n", "20", "--T", "4", "--nrec", "2", "--quiet");
        java.util.concurrent.CompletableFuture<Invocation> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> simulate(longRun, "--spikes", data.resolve("s.csv").toString(),
                        "--voltages", data.resolve("v.csv").toString(),
                        "--summary", gone.resolve("sum.json").toString()));
        while (filesIn(data).size() < 2 && !run.isDone()) {
            Thread.sleep(1);
        }
        Files.delete(gone);
        Invocation invocation = run.get();
        assertAll(
            () -> assertEquals(CommandLine.FAILED, invocation.exitCode(), invocation.err()),
            () -> assertEquals(List.of("spikefx simulate: cannot write " + gone.resolve("sum.json")
                    + ": folder " + gone + " does not exist"), invocation.errLines()),
            () -> assertEquals(List.of(), filesIn(data), "no complete file of a failed run, no partial one"));
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

    static boolean makeFifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0 && Files.exists(path);
        } catch (IOException noMkfifo) {
            return false;
        }
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
