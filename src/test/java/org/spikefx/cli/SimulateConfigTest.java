package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.export.ConfigException;
import org.spikefx.export.RunConfig;
import org.spikefx.export.RunConfigFile;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** {@code simulate --config FILE}: the file gives the parameters, options given as well override them. */
class SimulateConfigTest {
    /** Every parameter away from its default, for a short run that spikes (offset above vpeak). */
    private static final NetworkParameters SAVED = NetworkParameters.fromMap(new EnumMap<>(Map.ofEntries(
            Map.entry(Parameter.DT, 1e-4), Map.entry(Parameter.T, 0.2), Map.entry(Parameter.TREF, 0.003),
            Map.entry(Parameter.TM, 0.012), Map.entry(Parameter.VRESET, -64.0), Map.entry(Parameter.VPEAK, -41.0),
            Map.entry(Parameter.N, 300.0), Map.entry(Parameter.TD, 0.025), Map.entry(Parameter.TR, 0.003),
            Map.entry(Parameter.P, 0.12), Map.entry(Parameter.OFFSET, -39.0), Map.entry(Parameter.G, 0.05),
            Map.entry(Parameter.SEED, 1.0), Map.entry(Parameter.NREC, 7.0))));

    @TempDir
    Path folder;

    @Test
    void optionGivenOverridesTheFileAndTheRestKeepTheFilesValues() throws IOException {
        Path config = save(SAVED);
        Path summaryFile = folder.resolve("summary.json");
        Invocation invocation = Invocation.of("simulate", "--config", config.toString(), "--seed", "5",
                "--summary", summaryFile.toString(), "--quiet");
        assertEquals(0, invocation.exitCode(), invocation.err());

        NetworkParameters expected = SAVED.with(Parameter.SEED, 5);
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        for (Parameter parameter : Parameter.values()) {
            assertEquals(expected.get(parameter), summary.get("params").get(parameter.key()).asDouble(),
                    parameter.key());
        }
        RandomNetwork seed5 = RandomNetwork.build(expected);
        assertAll("the seed 5 network of 300 neurons",
            () -> assertEquals(seed5.weights().nonzeroCount(), summary.get("w_nnz").asLong()),
            () -> assertEquals(seed5.weights().sumOfSquares(), summary.get("w_sum_sq").asDouble()));
    }

    @Test
    void aSavedConfigReproducesTheSpikesOfTheSameOptions() throws IOException {
        Path fromConfig = folder.resolve("from-config.csv");
        Path fromOptions = folder.resolve("from-options.csv");
        Invocation configRun = Invocation.of("simulate", "--config", save(SAVED).toString(),
                "--spikes", fromConfig.toString(), "--quiet");
        List<String> args = new ArrayList<>(List.of("simulate", "--spikes", fromOptions.toString(), "--quiet"));
        for (Parameter parameter : Parameter.values()) {
            args.addAll(List.of(ParameterOptions.optionName(parameter), Parameter.format(SAVED.get(parameter))));
        }
        Invocation optionsRun = Invocation.of(args);

        assertEquals(0, configRun.exitCode(), configRun.err());
        assertEquals(0, optionsRun.exitCode(), optionsRun.err());
        List<String> spikes = Files.readAllLines(fromConfig);
        assertTrue(spikes.size() > 100, "a run with spikes to compare: " + spikes.size());
        assertArrayEquals(Files.readAllBytes(fromOptions), Files.readAllBytes(fromConfig));
    }

    @Test
    void aBrokenConfigGetsItsMessageAndExitCode2AndNoFile() throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(save(SAVED).toFile());
        ((ObjectNode) root.get("params")).put("n", -5);
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, root.toString());
        ConfigException expected = assertThrows(ConfigException.class, () -> RunConfigFile.read(broken));
        assertTrue(expected.getMessage().contains("broken.json") && expected.getMessage().contains("params.n"),
                expected.getMessage());

        Invocation invocation = runWithOutputs("--config", broken.toString());
        assertBadInput(invocation, "spikefx simulate: " + expected.getMessage());
    }

    @Test
    void aMissingConfigIsBadInput() throws IOException {
        Invocation invocation = runWithOutputs("--config", folder.resolve("nowhere.json").toString());
        assertBadInput(invocation, "spikefx simulate: " + folder.resolve("nowhere.json")
                + ": cannot read the file: no such file or folder");
    }

    @Test
    void anOptionThatBreaksARuleWithTheFilesValuesIsNamed() throws IOException {
        Path config = save(SAVED);
        assertBadInput(runWithOutputs("--config", config.toString(), "--nrec", "400"),
                "spikefx simulate: Invalid value for option '--nrec': nrec = 400 is not allowed: nrec must be a whole number from 0"
                        + " to n (300)");
        assertBadInput(runWithOutputs("--config", config.toString(), "--n", "5"),
                "spikefx simulate: " + config + ": params.nrec = 7 is not allowed: nrec must be a whole number from 0 to n (5),"
                        + " with the options given; give --nrec as well");
    }

    private Path save(NetworkParameters params) throws IOException {
        Path config = folder.resolve("config.json");
        RunConfigFile.write(config, RunConfig.withDefaultView(params));
        return config;
    }

    /** Simulate with these arguments and every output file asked for, so that a run that went ahead would show. */
    private Invocation runWithOutputs(String... args) {
        List<String> all = new ArrayList<>(List.of("simulate"));
        all.addAll(List.of(args));
        for (String output : List.of("spikes", "voltages", "summary")) {
            all.addAll(List.of("--" + output, folder.resolve(output + ".out").toString()));
        }
        return Invocation.of(all);
    }

    private void assertBadInput(Invocation invocation, String message) throws IOException {
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode());
        assertEquals(List.of(message), invocation.errLines());
        assertEquals("", invocation.out());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".out")).toList(), "no output");
        }
    }
}
