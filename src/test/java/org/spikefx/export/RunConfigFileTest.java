package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spikefx.export.ViewSettings.RunMode;
import org.spikefx.export.ViewSettings.Theme;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class RunConfigFileTest {
    private static final ObjectMapper PLAIN_JSON = new ObjectMapper();
    private static final String ALL_KEYS = "dt, T, tref, tm, vreset, vpeak, n, td, tr, p, offset, g, seed, nrec";

    @TempDir
    Path folder;

    private static RunConfig unusualConfig() {
        NetworkParameters params = new NetworkParameters(1e-4, 0.5, 0.004, 0.02, -70, -45, 300, 0.03, 0.001, 0.25,
                -38.5, 0.1, 4294967295L, 12);
        ViewSettings view = new ViewSettings(List.of(5, 2, 299), 7, 3, Theme.DARK, RunMode.CONTINUOUS, null, 0.25);
        return new RunConfig(params, view);
    }

    @Test
    void writtenConfigReadsBackEqual() throws Exception {
        Path file = folder.resolve("run.json");
        for (RunConfig config : List.of(unusualConfig(), RunConfig.withDefaultView(NetworkParameters.DEFAULTS))) {
            RunConfigFile.write(file, config);
            assertEquals(config, RunConfigFile.read(file));
        }
    }

    @Test
    void writtenFileIsJsonNamingAllFourteenParameters() throws Exception {
        Path file = folder.resolve("run.json");
        RunConfigFile.write(file, RunConfig.withDefaultView(NetworkParameters.DEFAULTS));
        JsonNode root = PLAIN_JSON.readTree(file.toFile());

        assertEquals("spikefx-config", root.get("format").textValue());
        assertEquals(RunConfigFile.VERSION, root.get("version").intValue());
        List<String> names = new ArrayList<>();
        root.get("params").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of(ALL_KEYS.split(", ")), names);
        for (Parameter parameter : Parameter.values()) {
            JsonNode value = root.get("params").get(parameter.key());
            assertEquals(parameter.defaultValue(), value.doubleValue(), parameter.key());
            assertEquals(parameter.isInteger(), value.isIntegralNumber(), parameter.key() + " written as " + value);
        }
        assertEquals("[0,1,2]", root.get("view").get("voltage_neurons").toString());
        assertTrue(root.get("view").get("selected_neuron").isNull());
        assertEquals("light", root.get("view").get("theme").textValue());
    }

    @Test
    void missingViewOrViewKeysTakeTheDefaults() throws Exception {
        Path file = folder.resolve("run.json");
        ObjectNode root = validConfig();
        root.remove("view");
        Files.writeString(file, root.toString());
        assertEquals(RunConfig.withDefaultView(NetworkParameters.DEFAULTS), RunConfigFile.read(file));

        ObjectNode partial = validConfig();
        ((ObjectNode) partial.get("view")).removeAll().put("theme", "dark").putNull("speed");
        Files.writeString(file, partial.toString());
        ViewSettings view = RunConfigFile.read(file).view();
        ViewSettings defaults = ViewSettings.defaults(NetworkParameters.DEFAULTS.n());
        assertEquals(new ViewSettings(defaults.voltageNeurons(), defaults.selectedNeuron(), defaults.rateBinMs(),
                Theme.DARK, defaults.runMode(), null, defaults.windowSeconds()), view);
    }

    @Test
    void defaultVoltageTracesFitASmallNetwork() {
        assertEquals(List.of(0, 1), ViewSettings.defaults(2).voltageNeurons());
    }

    @Test
    void failedOverwriteLeavesTheOldConfig() throws Exception {
        Path file = folder.resolve("run.json");
        RunConfig old = unusualConfig();
        RunConfigFile.write(file, old);
        byte[] oldBytes = Files.readAllBytes(file);

        IOException error = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("{\"format\": \"spikefx-config\", \"vers".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + file + ": No space left on device", error.getMessage());
        assertArrayEquals(oldBytes, Files.readAllBytes(file));
        assertEquals(old, RunConfigFile.read(file));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                raw("empty file", "",
                        "the file is empty: a config is a JSON object such as"
                                + " {\"format\": \"spikefx-config\", \"version\": 2, \"params\": {...}}"),
                raw("only white space", " \n\t\n",
                        "the file is empty: a config is a JSON object such as"
                                + " {\"format\": \"spikefx-config\", \"version\": 2, \"params\": {...}}"),
                raw("not JSON", "dt = 5e-5\n",
                        "not valid JSON at line 1, column 4: Unrecognized token 'dt': was expecting"
                                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                raw("trailing comma", "{\"format\": \"spikefx-config\",}",
                        "not valid JSON at line 1, column 29: Unexpected character ('}' (code 125))"
                                + ": was expecting double-quote to start field name"),
                raw("NaN", "{\"format\": NaN}",
                        "not valid JSON at line 1, column 15: Non-standard token 'NaN'"),
                raw("truncated", validConfig().toPrettyString().substring(0, 120),
                        "the file ends in the middle of the JSON at line 8, column 2: it is cut short"),
                raw("truncated inside a key", validConfig().toPrettyString().substring(0, 72),
                        "the file ends in the middle of the JSON at line 5, column 8: it is cut short"),
                raw("content after the object", validConfig() + "\n{}",
                        "unexpected content after the JSON object at line 2, column 1"),
                raw("duplicate key", "{\"format\": \"spikefx-config\", \"format\": \"spikefx-config\"}",
                        "not valid JSON at line 1, column 38: Duplicate field 'format'"),
                raw("a list", "[1, 2, 3]",
                        "the file holds a list, not a JSON object: a config is a JSON object such as"
                                + " {\"format\": \"spikefx-config\", \"version\": 2, \"params\": {...}}"),
                raw("null", "null",
                        "the file holds null, not a JSON object: a config is a JSON object such as"
                                + " {\"format\": \"spikefx-config\", \"version\": 2, \"params\": {...}}"),
                edited("no format", root -> root.remove("format"),
                        "format is missing: a SpikeFX config starts with \"format\": \"spikefx-config\""),
                edited("other format", root -> root.put("format", "spikefx-session"),
                        "format = \"spikefx-session\" is not allowed: format must be \"spikefx-config\""),
                edited("newer version", root -> root.put("version", 3),
                        "version = 3 is not supported: this SpikeFX reads versions up to 2;"
                                + " the file comes from a newer SpikeFX"),
                edited("version as text", root -> root.put("version", "1"),
                        "version = \"1\" is not allowed: version must be a whole number from 1 to 2"),
                edited("unknown top-level key", root -> root.put("colour", "red"),
                        "colour is not a known key: a config has the keys format, version, params, view, training"),
                edited("no params", root -> root.remove("params"),
                        "params is missing: a config names all 14 parameters: " + ALL_KEYS),
                edited("params a list", root -> root.putArray("params"),
                        "params = [] is not allowed: params must be an object with the 14 parameters"),
                edited("missing parameter", root -> params(root).remove("tm"),
                        "params.tm is missing: a config names all 14 parameters; tm must be a finite number > 0"),
                edited("unknown parameter", root -> params(root).put("nn", 5),
                        "params.nn is not a known key: params has the keys " + ALL_KEYS),
                edited("parameter as text", root -> params(root).put("n", "many"),
                        "params.n = \"many\" is not allowed: n must be a whole number from 1 to 1000000"),
                edited("parameter null", root -> params(root).putNull("g"),
                        "params.g = null is not allowed: g must be a finite number"),
                edited("fraction for a whole number", root -> params(root).put("n", 2.5),
                        "params.n = 2.5 is not allowed: n must be a whole number from 1 to 1000000"),
                edited("parameter out of range", root -> params(root).put("dt", -1e-5),
                        "params.dt = -0.00001 is not allowed: dt must be a finite number > 0"),
                edited("seed beyond 32 bits", root -> params(root).put("seed", 4294967296L),
                        "params.seed = 4294967296 is not allowed: seed must be a whole number from 0 to 4294967295"),
                edited("rule between parameters", root -> params(root).put("vpeak", -70),
                        "params.vpeak = -70 is not allowed: vpeak must be above vreset (-65)"),
                edited("view a number", root -> root.put("view", 3),
                        "view = 3 is not allowed: view must be an object of view settings,"
                                + " or left out for the defaults"),
                edited("unknown view key", root -> view(root).put("colour", "red"),
                        "view.colour is not a known key: view has the keys voltage_neurons, selected_neuron,"
                                + " rate_bin_ms, theme, run_mode, speed, window_s"),
                edited("unknown theme", root -> view(root).put("theme", "blue"),
                        "view.theme = \"blue\" is not allowed: theme must be \"light\" or \"dark\""),
                edited("theme null", root -> view(root).putNull("theme"),
                        "view.theme = null is not allowed: theme must be \"light\" or \"dark\""),
                edited("neurons not a list", root -> view(root).put("voltage_neurons", 4),
                        "view.voltage_neurons = 4 is not allowed: voltage_neurons must be a list of whole numbers"),
                edited("neuron beyond n", root -> view(root).putArray("voltage_neurons").add(0).add(2000),
                        "view.voltage_neurons = [0, 2000] is not allowed: voltage_neurons must be a list of different"
                                + " neurons, each from 0 to 1999 (n = 2000)"),
                edited("neuron twice", root -> view(root).putArray("voltage_neurons").add(4).add(4),
                        "view.voltage_neurons = [4, 4] is not allowed: voltage_neurons must be a list of different"
                                + " neurons, each 0 or more"),
                edited("selected neuron a fraction", root -> view(root).put("selected_neuron", 1.5),
                        "view.selected_neuron = 1.5 is not allowed: selected_neuron must be null or a whole number"),
                edited("rate bin zero", root -> view(root).put("rate_bin_ms", 0),
                        "view.rate_bin_ms = 0 is not allowed: rate_bin_ms must be a whole number from 1 to 5 (the window's bin widths)"),
                edited("speed as text", root -> view(root).put("speed", "max"),
                        "view.speed = \"max\" is not allowed: speed must be null or a number"),
                edited("window null", root -> view(root).putNull("window_s"),
                        "view.window_s = null is not allowed: window_s must be a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFileGetsOneLineNamingTheProblem(String name, String content, String problem) throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, content);
        ConfigException error = assertThrows(ConfigException.class, () -> RunConfigFile.read(file));
        assertEquals(file + ": " + problem, error.getMessage());
        assertEquals(file, error.file());
    }

    @Test
    void missingFileIsNamed() {
        Path file = folder.resolve("nowhere.json");
        ConfigException error = assertThrows(ConfigException.class, () -> RunConfigFile.read(file));
        assertEquals(file + ": cannot read the file: no such file or folder", error.getMessage());
    }

    @Test
    void folderInsteadOfFileIsNamed() {
        ConfigException error = assertThrows(ConfigException.class, () -> RunConfigFile.read(folder));
        assertEquals(folder + ": it is a folder; a config is a JSON file", error.getMessage());
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // the old reading never ended
    void aDeviceOrAPipeIsRefusedWithoutReadingIt() throws Exception {
        Path zeros = Path.of("/dev/zero");
        assumeTrue(Files.exists(zeros));
        ConfigException endless = assertThrows(ConfigException.class, () -> RunConfigFile.read(zeros));
        assertEquals(zeros + ": it is a device, pipe or other special file; a config is a JSON file",
                endless.getMessage());

        Path pipe = folder.resolve("pipe.json");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0);
        ConfigException silent = assertThrows(ConfigException.class, () -> RunConfigFile.read(pipe));
        assertEquals(pipe + ": it is a device, pipe or other special file; a config is a JSON file",
                silent.getMessage());
    }

    @Test
    void aFileFarLargerThanAConfigIsRefused() throws IOException {
        ObjectNode root = validConfig();
        root.put("padding", "x".repeat(RunConfigFile.MAX_BYTES));
        Path file = Files.writeString(folder.resolve("huge.json"), root.toString());
        ConfigException error = assertThrows(ConfigException.class, () -> RunConfigFile.read(file));
        assertEquals(file + ": the file is larger than 1024 kB; a config is a few kB of JSON", error.getMessage());
    }

    static Stream<Arguments> jsonBeyondTheParsersLimits() {
        String start = "{\"format\": \"spikefx-config\", \"version\": 1, \"params\": ";
        return Stream.of(
            raw("nested 10,000 levels deep", start + "[".repeat(10_000),
                    "not valid JSON at line 1, column 1054: Document nesting depth (1001) exceeds the maximum"
                    + " allowed (1000)"),
            raw("a number of 2,000 digits", start + "1".repeat(2000) + "}",
                    "not valid JSON at line 1, column 2054: Number value length (2000) exceeds the maximum allowed"
                    + " (1000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonBeyondTheParsersLimits")
    void jsonBeyondTheParsersLimitsGetsAReasonAndAPlace(String name, String content, String problem)
            throws IOException {
        brokenFileGetsOneLineNamingTheProblem(name, content, problem);
    }

    @Test
    void aHugeValueIsQuotedByAnExcerpt() throws IOException {
        ObjectNode root = validConfig();
        var neurons = view(root).putArray("voltage_neurons");
        for (int k = 0; k < 300_000; k++) {
            neurons.add(0); // the same neuron again and again
        }
        Path file = Files.writeString(folder.resolve("many.json"), root.toString());
        String message = assertThrows(ConfigException.class, () -> RunConfigFile.read(file)).getMessage();
        assertTrue(message.length() < 200, () -> message.length() + " characters: " + message.substring(0, 200));
        assertEquals(file + ": view.voltage_neurons = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ... is not allowed:"
                + " voltage_neurons must be a list of different neurons, each 0 or more", message);
    }

    @Test
    void messagesAreSingleLinesWithoutJavaNames() throws Exception {
        for (Arguments arguments : brokenFiles().toList()) {
            Path file = folder.resolve("broken.json");
            Files.writeString(file, (String) arguments.get()[1]);
            String message = assertThrows(ConfigException.class, () -> RunConfigFile.read(file)).getMessage();
            assertTrue(!message.contains("\n") && !message.contains("`") && !message.contains("jackson")
                    && !message.contains("Exception"), message);
        }
    }

    private static Arguments raw(String name, String content, String problem) {
        return Arguments.of(name, content, problem);
    }

    private static Arguments edited(String name, Consumer<ObjectNode> edit, String problem) {
        ObjectNode root = validConfig();
        edit.accept(root);
        return Arguments.of(name, root.toPrettyString(), problem);
    }

    /** A valid config as a JSON tree, written by the code under test, for the cases to break. */
    private static ObjectNode validConfig() {
        try {
            Path file = Files.createTempFile("valid", ".json");
            try {
                RunConfigFile.write(file, RunConfig.withDefaultView(NetworkParameters.DEFAULTS));
                return (ObjectNode) PLAIN_JSON.readTree(file.toFile());
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode params(ObjectNode root) {
        return (ObjectNode) root.get("params");
    }

    private static ObjectNode view(ObjectNode root) {
        return (ObjectNode) root.get("view");
    }
}
