package org.spikefx.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.spikefx.Messages;
import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.params.InvalidParameterException;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/**
 * Saves and loads a {@link RunConfig} as JSON:
 * <pre>
 * {
 *   "format" : "spikefx-config",
 *   "version" : 1,
 *   "params" : { "dt" : 5.0E-5, "T" : 2.0, "tref" : 0.002, ..., "n" : 2000, ..., "seed" : 100, "nrec" : 10 },
 *   "view" : { "voltage_neurons" : [ 0, 1, 2 ], "selected_neuron" : null, "rate_bin_ms" : 2.0,
 *              "theme" : "light", "run_mode" : "fixed", "speed" : 1.0, "window_s" : 2.0 }
 * }
 * </pre>
 * A config must name all fourteen parameters: a run is only reproducible if none of them falls back
 * on a default that a later version might change. The view, and each of its keys, may be left out
 * and then takes {@link ViewSettings#defaults(int)}. Null is a value only for
 * {@code selected_neuron} (none) and {@code speed} (as fast as possible).
 *
 * <p>Jackson parses strictly (a duplicate key or anything after the object is an error); the checks
 * then walk the tree, so that each message names its JSON path and says what is allowed in the words
 * of the parameter table. Every problem is a {@link ConfigException} with a one-line message.
 */
public final class RunConfigFile {
    public static final String FORMAT = "spikefx-config";
    /** The version written, and the newest one read. */
    public static final int VERSION = 2;
    /** Suffix of the decoder file saved beside a config of a trained network. */
    public static final String DECODER_SUFFIX = "_decoder.npy";
    /** Suffix of the state file saved beside a config of a trained network, with its decoder. */
    public static final String STATE_SUFFIX = "_state.npy";

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the stream belongs to AtomicFile
            .build();

    private static final List<String> KEYS = List.of("format", "version", "params", "view", "training");
    private static final List<String> TRAINING_KEYS = Stream.concat(
            Stream.of(TrainingParameter.values()).map(TrainingParameter::key),
            Stream.of("target", "target_file", "decoder", "state")).toList();
    private static final List<String> STATE_KEYS = List.of("file", "step", "z");
    /** The view keys read are exactly those written. */
    private static final List<String> VIEW_KEYS = fieldNames(toJson(ViewSettings.defaults(1)));
    private static final List<String> PARAMETER_KEYS = Stream.of(Parameter.values()).map(Parameter::key).toList();
    /** The largest config read: a config is a few kB; anything far larger is not one. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final String EXAMPLE = "{\"format\": \"" + FORMAT + "\", \"version\": " + VERSION
            + ", \"params\": {...}}";

    private RunConfigFile() {
    }

    /** @throws ConfigException if the file cannot be read or is not a valid config */
    public static RunConfig read(Path file) throws ConfigException {
        return new Reader(file).config();
    }

    /**
     * Writes the config atomically: a failure leaves any earlier file as it was. A config with a decoder
     * writes it first, beside the config as {@code <name>_decoder.npy}, so the config never names a
     * decoder file that is not there.
     */
    public static void write(Path file, RunConfig config) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("params", toJson(config.params()));
        root.set("view", toJson(config.view()));
        if (config.training() != null) {
            TrainingConfig training = config.training();
            ObjectNode node = root.putObject("training");
            TrainingParameters values = training.parameters();
            for (TrainingParameter parameter : TrainingParameter.values()) {
                if (parameter.isInteger()) {
                    node.put(parameter.key(), (long) values.get(parameter));
                } else {
                    node.put(parameter.key(), values.get(parameter));
                }
            }
            node.put("target", values.target().key());
            node.put("target_file", values.targetFile() == null ? null : values.targetFile().toString());
            if (training.hasDecoder()) {
                Path decoderFile = decoderFileOf(file);
                double[] phi = training.decoder();
                NpyWriter.write(decoderFile, NpyWriter.DataType.FLOAT64, new long[] {phi.length}, array -> {
                    for (double x : phi) {
                        array.putDouble(x);
                    }
                });
                node.put("decoder", decoderFile.getFileName().toString());
            } else {
                node.putNull("decoder");
            }
            ForceNetwork.State state = training.state();
            if (state != null) {
                Path stateFile = besideConfig(file, STATE_SUFFIX);
                double[] flat = state.flat();
                NpyWriter.write(stateFile, NpyWriter.DataType.FLOAT64, new long[] {flat.length}, array -> {
                    for (double x : flat) {
                        array.putDouble(x);
                    }
                });
                ObjectNode saved = node.putObject("state");
                saved.put("file", stateFile.getFileName().toString());
                saved.put("step", state.step());
                saved.put("z", state.z());
            } else {
                node.putNull("state");
            }
        }
        writeJson(file, root);
    }

    /** Where the decoder of a config file goes: beside it, {@code run.json} -> {@code run_decoder.npy}. */
    public static Path decoderFileOf(Path configFile) {
        return besideConfig(configFile, DECODER_SUFFIX);
    }

    /** A file beside a config, named after it: {@code run.json} -> {@code run<suffix>}. */
    private static Path besideConfig(Path configFile, String suffix) {
        String name = configFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path folder = configFile.toAbsolutePath().getParent();
        return folder.resolve(stem + suffix);
    }

    /** A JSON document, pretty-printed, written atomically. */
    static void writeJson(Path file, JsonNode root) throws IOException {
        AtomicFile.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }

    /** The fourteen parameters under their keys, whole-number ones as JSON integers, as under "params" here. */
    public static ObjectNode toJson(NetworkParameters params) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Parameter parameter : Parameter.values()) {
            double value = params.get(parameter);
            if (parameter.isInteger()) {
                node.put(parameter.key(), (long) value);
            } else {
                node.put(parameter.key(), value);
            }
        }
        return node;
    }

    private static ObjectNode toJson(ViewSettings view) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        view.voltageNeurons().forEach(node.putArray("voltage_neurons")::add);
        node.put("selected_neuron", view.selectedNeuron());
        node.put("rate_bin_ms", view.rateBinMs());
        node.put("theme", keyOf(view.theme()));
        node.put("run_mode", keyOf(view.runMode()));
        node.put("speed", view.speed());
        node.put("window_s", view.windowSeconds());
        return node;
    }

    private static String keyOf(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    /** Reads one file; each check that fails throws a ConfigException naming the file. */
    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        RunConfig config() throws ConfigException {
            JsonNode root = parse();
            if (root.isMissingNode()) {
                throw problem("the file is empty: a config is a JSON object such as " + EXAMPLE);
            }
            if (!root.isObject()) {
                throw problem("the file holds " + kind(root) + ", not a JSON object: a config is a JSON object such as "
                        + EXAMPLE);
            }
            checkFormat(root.get("format"));
            checkVersion(root.get("version"));
            checkKeys(root, "", "a config", KEYS);
            NetworkParameters params = params(root.get("params"));
            RunConfig config = view(root.get("view"), params);
            JsonNode training = root.get("training");
            if (training == null || training.isNull()) {
                return config;
            }
            try {
                return new RunConfig(params, config.view(), training(training, params));
            } catch (IllegalArgumentException e) {
                throw problem("training." + e.getMessage());
            }
        }

        private TrainingConfig training(JsonNode training, NetworkParameters params) throws ConfigException {
            if (!training.isObject()) {
                throw notAllowed("training", training, "an object of training settings, or null");
            }
            checkKeys(training, "training.", "training", TRAINING_KEYS);
            Map<TrainingParameter, Double> values = new EnumMap<>(TrainingParameter.class);
            for (TrainingParameter parameter : TrainingParameter.values()) {
                JsonNode value = training.get(parameter.key());
                if (value == null) {
                    continue; // the default
                }
                if (!value.isNumber()) {
                    throw problem("training." + parameter.key() + " = " + shown(value) + " is not allowed: "
                            + parameter.key() + " must be " + parameter.allowedRange());
                }
                values.put(parameter, value.doubleValue());
            }
            TargetShape shape = TargetShape.SINE;
            JsonNode target = training.get("target");
            if (target != null) {
                try {
                    shape = TargetShape.byKey(target.isTextual() ? target.textValue() : target.toString());
                } catch (IllegalArgumentException e) {
                    throw problem("training." + e.getMessage());
                }
            }
            Path targetFile = null;
            JsonNode csv = training.get("target_file");
            if (csv != null && !csv.isNull()) {
                if (!csv.isTextual()) {
                    throw notAllowed("training.target_file", csv, "null or the path of a CSV file");
                }
                targetFile = resolve(Path.of(csv.textValue()));
            }
            if (shape == TargetShape.CSV && targetFile == null) {
                throw problem("training.target_file is missing: a csv target names its file");
            }
            if (shape != TargetShape.CSV) {
                targetFile = null;
            }
            TrainingParameters parameters;
            try {
                parameters = TrainingParameters.fromMap(values, shape, targetFile);
            } catch (IllegalArgumentException e) {
                throw problem("training." + e.getMessage());
            }
            JsonNode decoder = training.get("decoder");
            if (decoder == null || decoder.isNull()) {
                return new TrainingConfig(parameters, null);
            }
            if (!decoder.isTextual()) {
                throw notAllowed("training.decoder", decoder, "null or the name of the decoder's .npy file");
            }
            Path decoderFile = resolve(Path.of(decoder.textValue()));
            double[] phi;
            try {
                phi = NpyReader.readVector(decoderFile, params.n());
            } catch (IOException e) {
                String reason = e instanceof java.nio.file.NoSuchFileException ? "the file is not there"
                        : e.getMessage() != null ? e.getMessage() : "it cannot be read";
                throw problem("training.decoder " + decoderFile.getFileName() + " cannot be read: " + reason);
            }
            if (phi.length != params.n()) {
                throw problem("training.decoder " + decoderFile.getFileName() + " has " + phi.length
                        + " weights: it must have one per neuron, n = " + params.n());
            }
            for (double x : phi) {
                if (!Double.isFinite(x)) {
                    throw problem("training.decoder " + decoderFile.getFileName() + " holds " + x
                            + ": every weight must be a finite number");
                }
            }
            return new TrainingConfig(parameters, phi, state(training.get("state"), params));
        }

        /**
         * The state saved with a decoder: {"file": "run_state.npy", "step": k, "z": z}, the file holding
         * v, ipsc, hm, tlast, r and hr of every neuron one after another; null if none was saved.
         */
        private ForceNetwork.State state(JsonNode state, NetworkParameters params) throws ConfigException {
            if (state == null || state.isNull()) {
                return null;
            }
            String allowed = "null or {\"file\": the state's .npy file, \"step\": its step, \"z\": its readout}";
            if (!state.isObject()) {
                throw notAllowed("training.state", state, allowed);
            }
            checkKeys(state, "training.state.", "training.state", STATE_KEYS);
            for (String key : STATE_KEYS) {
                if (!state.has(key)) {
                    throw problem("training.state." + key + " is missing: a saved state has " + String.join(", ",
                            STATE_KEYS));
                }
            }
            JsonNode name = state.get("file");
            JsonNode step = state.get("step");
            JsonNode z = state.get("z");
            if (!name.isTextual()) {
                throw notAllowed("training.state.file", name, "the name of the state's .npy file");
            }
            if (!step.isIntegralNumber() || !step.canConvertToInt() || step.intValue() < 0) {
                throw notAllowed("training.state.step", step, "a whole number of steps, at least 0");
            }
            if (!z.isNumber() || !Double.isFinite(z.doubleValue())) {
                throw notAllowed("training.state.z", z, "a finite number");
            }
            Path stateFile = resolve(Path.of(name.textValue()));
            int values = ForceNetwork.State.ARRAYS * params.n();
            double[] flat;
            try {
                flat = NpyReader.readVector(stateFile, values);
            } catch (IOException e) {
                String reason = e instanceof java.nio.file.NoSuchFileException ? "the file is not there"
                        : e.getMessage() != null ? e.getMessage() : "it cannot be read";
                throw problem("training.state " + stateFile.getFileName() + " cannot be read: " + reason);
            }
            if (flat.length != values) {
                throw problem("training.state " + stateFile.getFileName() + " has " + flat.length + " values: it must"
                        + " have " + ForceNetwork.State.ARRAYS + " per neuron, " + values + " for n = " + params.n());
            }
            for (double x : flat) {
                if (!Double.isFinite(x)) {
                    throw problem("training.state " + stateFile.getFileName() + " holds " + x
                            + ": every value must be a finite number");
                }
            }
            return ForceNetwork.State.of(step.intValue(), z.doubleValue(), flat);
        }

        /** A path in the config, relative to the config's folder unless absolute. */
        private Path resolve(Path path) {
            return path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path);
        }

        private JsonNode parse() throws ConfigException {
            byte[] bytes = readBounded();
            try {
                return JSON.readTree(bytes);
            } catch (MismatchedInputException e) { // the only one reading a tree: FAIL_ON_TRAILING_TOKENS
                throw problem("unexpected content after the JSON object" + at(e.getLocation()));
            } catch (JacksonException e) {
                // Limits (nesting depth, length of a number) are reported without a place; reading token by
                // token again finds it.
                JsonLocation location = e.getLocation() != null ? e.getLocation() : locate(bytes);
                // An error at the very end means the JSON stopped in the middle of something.
                if (location != null && location.getByteOffset() >= bytes.length) {
                    throw problem("the file ends in the middle of the JSON" + at(location) + ": it is cut short");
                }
                throw problem("not valid JSON" + at(location) + ": " + readable(e.getOriginalMessage()));
            } catch (IOException e) {
                throw problem("cannot read the file: " + AtomicFile.reason(e));
            }
        }

        /**
         * The file's bytes, if it is a regular file of at most {@link #MAX_BYTES}: a device such as
         * /dev/zero would never end, a pipe might never deliver, and a huge file is no config.
         */
        private byte[] readBounded() throws ConfigException {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                throw problem("cannot read the file: " + AtomicFile.reason(e));
            }
            if (attributes.isDirectory()) {
                throw problem("it is a folder; a config is a JSON file");
            }
            if (!attributes.isRegularFile()) {
                throw problem("it is a device, pipe or other special file; a config is a JSON file");
            }
            String tooLarge = "the file is larger than " + MAX_BYTES / 1024 + " kB; a config is a few kB of JSON";
            if (attributes.size() > MAX_BYTES) {
                throw problem(tooLarge);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) { // it grew since it was measured
                    throw problem(tooLarge);
                }
                return bytes;
            } catch (IOException e) {
                throw problem("cannot read the file: " + AtomicFile.reason(e));
            }
        }

        /** Where reading the JSON token by token fails, or null if it does not. */
        private static JsonLocation locate(byte[] bytes) {
            JsonParser parser = null;
            try {
                parser = JSON.createParser(bytes);
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
                return null;
            } catch (IOException e) {
                return parser == null ? null : parser.currentLocation();
            } finally {
                if (parser != null) {
                    try {
                        parser.close();
                    } catch (IOException ignored) {
                        // Reading from memory: nothing to release.
                    }
                }
            }
        }

        private void checkFormat(JsonNode format) throws ConfigException {
            if (format == null) {
                throw problem("format is missing: a SpikeFX config starts with \"format\": \"" + FORMAT + "\"");
            }
            if (!FORMAT.equals(format.textValue())) {
                throw notAllowed("format", format, "\"" + FORMAT + "\"");
            }
        }

        private void checkVersion(JsonNode version) throws ConfigException {
            if (version == null) {
                throw problem("version is missing: a config names the version of its format, " + VERSION + " here");
            }
            if (!isWholeNumber(version) || version.longValue() < 1) {
                throw notAllowed("version", version, "a whole number from 1 to " + VERSION);
            }
            if (version.longValue() > VERSION) {
                throw problem("version = " + version + " is not supported: this SpikeFX reads versions up to "
                        + VERSION + "; the file comes from a newer SpikeFX");
            }
        }

        private NetworkParameters params(JsonNode params) throws ConfigException {
            String allKeys = "a config names all " + PARAMETER_KEYS.size() + " parameters";
            if (params == null) {
                throw problem("params is missing: " + allKeys + ": " + String.join(", ", PARAMETER_KEYS));
            }
            if (!params.isObject()) {
                throw notAllowed("params", params, "an object with the " + PARAMETER_KEYS.size() + " parameters");
            }
            checkKeys(params, "params.", "params", PARAMETER_KEYS);
            Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
            for (Parameter parameter : Parameter.values()) {
                String field = "params." + parameter.key();
                JsonNode value = params.get(parameter.key());
                if (value == null) {
                    throw problem(field + " is missing: " + allKeys + "; " + parameter.key() + " must be "
                            + parameter.allowedRange());
                }
                if (!value.isNumber()) {
                    throw problem(field + " = " + shown(value) + " is not allowed: " + parameter.key() + " must be "
                            + parameter.allowedRange());
                }
                values.put(parameter, value.doubleValue());
            }
            try {
                return NetworkParameters.fromMap(values);
            } catch (InvalidParameterException e) {
                // Its message starts with the parameter's key, so the prefix makes it the JSON path.
                throw problem("params." + e.getMessage());
            }
        }

        private RunConfig view(JsonNode view, NetworkParameters params) throws ConfigException {
            if (view == null) {
                return RunConfig.withDefaultView(params);
            }
            if (!view.isObject()) {
                throw notAllowed("view", view, "an object of view settings, or left out for the defaults");
            }
            checkKeys(view, "view.", "view", VIEW_KEYS);
            ViewSettings defaults = ViewSettings.defaults(params.n());
            try {
                return new RunConfig(params, new ViewSettings(
                        wholeNumbers(view, "voltage_neurons", defaults.voltageNeurons()),
                        nullableWholeNumber(view, "selected_neuron", defaults.selectedNeuron()),
                        number(view, "rate_bin_ms", defaults.rateBinMs()),
                        choice(view, "theme", ViewSettings.Theme.values(), defaults.theme()),
                        choice(view, "run_mode", ViewSettings.RunMode.values(), defaults.runMode()),
                        nullableNumber(view, "speed", defaults.speed()),
                        number(view, "window_s", defaults.windowSeconds())));
            } catch (IllegalArgumentException e) {
                // The settings' own messages start with the key.
                throw problem("view." + e.getMessage());
            }
        }

        private List<Integer> wholeNumbers(JsonNode view, String key, List<Integer> fallback) throws ConfigException {
            JsonNode list = view.get(key);
            if (list == null) {
                return fallback;
            }
            if (!list.isArray() || !list.valueStream().allMatch(Reader::isWholeInt)) {
                throw notAllowed("view." + key, list, "a list of whole numbers");
            }
            return list.valueStream().map(JsonNode::intValue).toList();
        }

        private Integer nullableWholeNumber(JsonNode view, String key, Integer fallback) throws ConfigException {
            JsonNode value = view.get(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isNull() && !isWholeInt(value)) {
                throw notAllowed("view." + key, value, "null or a whole number");
            }
            return value.isNull() ? null : value.intValue();
        }

        private double number(JsonNode view, String key, double fallback) throws ConfigException {
            JsonNode value = view.get(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isNumber()) {
                throw notAllowed("view." + key, value, "a number");
            }
            return value.doubleValue();
        }

        private Double nullableNumber(JsonNode view, String key, Double fallback) throws ConfigException {
            JsonNode value = view.get(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isNull() && !value.isNumber()) {
                throw notAllowed("view." + key, value, "null or a number");
            }
            return value.isNull() ? null : value.doubleValue();
        }

        private <E extends Enum<E>> E choice(JsonNode view, String key, E[] choices, E fallback)
                throws ConfigException {
            JsonNode value = view.get(key);
            if (value == null) {
                return fallback;
            }
            for (E choice : choices) {
                if (keyOf(choice).equals(value.textValue())) {
                    return choice;
                }
            }
            List<String> allowed = Stream.of(choices).map(choice -> "\"" + keyOf(choice) + "\"").toList();
            throw notAllowed("view." + key, value, String.join(" or ", allowed));
        }

        private void checkKeys(JsonNode object, String pathPrefix, String owner, List<String> known)
                throws ConfigException {
            for (String key : fieldNames(object)) {
                if (!known.contains(key)) {
                    throw problem(pathPrefix + key + " is not a known key: " + owner + " has the keys "
                            + String.join(", ", known));
                }
            }
        }

        private ConfigException notAllowed(String field, JsonNode value, String allowed) {
            String key = field.substring(field.lastIndexOf('.') + 1);
            return problem(field + " = " + shown(value) + " is not allowed: " + key + " must be " + allowed);
        }

        private ConfigException problem(String text) {
            return new ConfigException(file, text);
        }

        private static boolean isWholeNumber(JsonNode value) {
            return value.isNumber() && value.canConvertToExactIntegral();
        }

        private static boolean isWholeInt(JsonNode value) {
            return isWholeNumber(value) && value.canConvertToInt();
        }

        /** A value as the file writes it, shortened if long. */
        private static String shown(JsonNode value) {
            String text = value.toString();
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }

        private static String kind(JsonNode value) {
            return switch (value.getNodeType()) {
                case ARRAY -> "a list";
                case STRING -> "text";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case NULL -> "null";
                default -> "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
            };
        }

        private static String at(JsonLocation location) {
            return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }

        /**
         * Jackson's account of a syntax error, without the clauses meant for programmers (feature names,
         * source); never empty, even when the first clause already names a feature, as limits do.
         */
        static String readable(String message) {
            String line = message == null ? "" : message.replace('\n', ' ');
            List<String> kept = new ArrayList<>();
            for (String clause : line.split(": ")) {
                if (clause.contains("`") || clause.contains("[Source")) {
                    break;
                }
                kept.add(clause);
            }
            String reason = String.join(": ", kept).strip();
            if (reason.isEmpty()) {
                // E.g. "Document nesting depth (1001) exceeds the maximum allowed (1000, from `...`)".
                reason = line.replaceAll(",? *(from|enable|disable) *`[^`]*`[^()]*", "")
                        .replaceAll("`[^`]*`", "").replaceAll("\\[Source.*", "").strip();
            }
            return reason.isEmpty() ? "the JSON cannot be read" : Messages.shorten(reason);
        }
    }
}
