package org.spikefx.analysis;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.spikefx.Messages;
import org.spikefx.export.AtomicFiles;
import org.spikefx.export.RunConfigFile;
import org.spikefx.export.Sidecar;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * A map on disk: a CSV with one row per run, {@code <x name>,<y name>,seed,total_spikes,mean_rate_hz,
 * mean_cv_isi,fraction_silent,synchrony}, and beside it a JSON sidecar ({@code map.csv} → {@code map.json})
 * with what the CSV alone cannot say: the grid, the base parameters, the number of seeds, the
 * SpikeFX version, and how long the sweep took. Statistics are written with
 * {@link Double#toString(double)}, so they read back as the same doubles; a statistic a run does not
 * have (no CV in a silent run) is an empty field. Axis values are written as plain decimals (0.03).
 */
public final class MapFiles {
    public static final String FORMAT = "spikefx-map";
    public static final int VERSION = 1;
    /** The file name a map's CSV must end with: its sidecar replaces it by ".json". */
    public static final String CSV_SUFFIX = ".csv";
    private static final String SIDECAR_SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** What was read back: the map and the time its sweep took, in seconds. */
    public record Loaded(SweepMap map, double sweepSeconds) {
    }

    private MapFiles() {
    }

    /** The sidecar of a map's CSV: map.csv → map.json. */
    public static Path sidecarOf(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.endsWith(CSV_SUFFIX) ? name.substring(0, name.length() - CSV_SUFFIX.length()) : name;
        return csv.resolveSibling(stem + SIDECAR_SUFFIX);
    }

    /** The CSV's columns for this grid. */
    public static List<String> columns(SweepSpec spec) {
        List<String> columns = new ArrayList<>(List.of(spec.x().parameter().key(), spec.y().parameter().key(), "seed",
                "total_spikes"));
        Stream.of(MapStatistic.values()).map(MapStatistic::column).forEach(columns::add);
        return columns;
    }

    /**
     * Writes the CSV and its sidecar into {@code files}, to be committed together with whatever else
     * the caller writes.
     *
     * @param sweepSeconds how long the sweep took, from its start to its last run
     * @param threads      how many threads ran it
     */
    public static void write(SweepMap map, double sweepSeconds, int threads, Path csv, AtomicFiles files)
            throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(files.open(csv), StandardCharsets.US_ASCII))) {
            writeCsv(map, out);
        }
        try (OutputStream out = files.open(sidecarOf(csv))) {
            JSON.writeValue(out, sidecar(map, sweepSeconds, threads, csv));
        }
    }

    static void writeCsv(SweepMap map, Writer out) throws IOException {
        SweepSpec spec = map.spec();
        out.write(String.join(",", columns(spec)));
        out.write('\n');
        for (CellRun run : map.runs()) {
            CellStatistics statistics = run.statistics();
            StringBuilder row = new StringBuilder()
                    .append(Parameter.format(spec.x().value(run.i()))).append(',')
                    .append(Parameter.format(spec.y().value(run.j()))).append(',')
                    .append(run.seed()).append(',')
                    .append(statistics.totalSpikes());
            for (MapStatistic statistic : MapStatistic.values()) {
                double value = statistic.of(statistics);
                row.append(',').append(Double.isNaN(value) ? "" : Double.toString(value));
            }
            out.write(row.append('\n').toString());
        }
    }

    private static ObjectNode sidecar(SweepMap map, double sweepSeconds, int threads, Path csv) {
        SweepSpec spec = map.spec();
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("data_file", csv.getFileName().toString());
        root.put("app_version", Sidecar.appVersion());
        root.put("created", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.set("x", axis(spec.x()));
        root.set("y", axis(spec.y()));
        root.put("seeds", spec.seeds());
        root.set("params", RunConfigFile.toJson(spec.base()));
        root.put("cells", spec.cellCount());
        root.put("runs", spec.runCount());
        root.put("runs_done", map.runsDone());
        root.put("threads", threads);
        root.put("sweep_seconds", sweepSeconds);
        root.put("seconds_per_cell", sweepSeconds / spec.cellCount());
        ObjectNode definitions = root.putObject("statistics");
        for (MapStatistic statistic : MapStatistic.values()) {
            definitions.put(statistic.column(), statistic.definition());
        }
        return root;
    }

    private static ObjectNode axis(Axis axis) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", axis.parameter().key());
        node.put("from", new BigDecimal(axis.from().toPlainString())); // -50, not -5E+1
        node.put("to", new BigDecimal(axis.to().toPlainString()));
        node.put("count", axis.count());
        return node;
    }

    /**
     * Reads a map's CSV and its sidecar.
     *
     * @throws IOException with one line naming the file, and the line or field at fault, if either
     *                     cannot be read or does not describe a map
     */
    public static Loaded read(Path csv) throws IOException {
        Path sidecar = sidecarOf(csv);
        if (sidecar.equals(csv)) {
            throw new IOException(csv + ": a map's CSV must end in " + CSV_SUFFIX);
        }
        if (!Files.isRegularFile(sidecar)) {
            throw new IOException(csv + ": its sidecar " + sidecar.getFileName() + " is missing; a map is read as"
                    + " the CSV with the JSON beside it");
        }
        JsonNode root;
        try {
            root = JSON.readTree(sidecar.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(sidecar + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(sidecar + ": not a map sidecar (format must be \"" + FORMAT + "\")");
        }
        SweepSpec spec;
        double seconds;
        try {
            spec = new SweepSpec(readAxis(root, "x"), readAxis(root, "y"), readParams(root), required(root, "seeds").asInt());
            seconds = required(root, "sweep_seconds").asDouble();
        } catch (IllegalArgumentException e) {
            throw new IOException(sidecar + ": " + Messages.reason(e));
        }
        SweepMap map = new SweepMap(spec);
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.US_ASCII)) {
            String header = in.readLine();
            String expected = String.join(",", columns(spec));
            if (!expected.equals(header)) {
                throw new IOException(csv + ": line 1 must be " + expected);
            }
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                try {
                    map.put(row(spec, line));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + lineNumber + ": '" + line + "' holds a field that is not a"
                            + " number");
                } catch (IllegalArgumentException e) {
                    throw new IOException(csv + ": line " + lineNumber + ": " + Messages.reason(e));
                }
            }
        }
        return new Loaded(map, seconds);
    }

    private static CellRun row(SweepSpec spec, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4 + MapStatistic.values().length) {
            throw new IllegalArgumentException("has " + fields.length + " fields, not " + (4 + MapStatistic.values().length));
        }
        int i = index(spec.x(), fields[0]);
        int j = index(spec.y(), fields[1]);
        long seed = Long.parseLong(fields[2]);
        long k = seed - spec.cell(i, j).seed();
        if (k < 0 || k >= spec.seeds()) {
            throw new IllegalArgumentException("seed " + seed + " is not one of the cell's seeds");
        }
        double[] values = new double[MapStatistic.values().length];
        for (int s = 0; s < values.length; s++) {
            values[s] = fields[4 + s].isEmpty() ? Double.NaN : Double.parseDouble(fields[4 + s]);
        }
        CellStatistics statistics = new CellStatistics(Long.parseLong(fields[3]), values[MapStatistic.MEAN_RATE.ordinal()],
                values[MapStatistic.MEAN_CV.ordinal()], values[MapStatistic.FRACTION_SILENT.ordinal()],
                values[MapStatistic.SYNCHRONY.ordinal()]);
        return new CellRun(i, j, (int) k, seed, statistics);
    }

    private static int index(Axis axis, String field) {
        int index = axis.indexOf(Double.parseDouble(field));
        if (index < 0) {
            throw new IllegalArgumentException(axis.parameter().key() + " = " + field + " is not a value of " + axis);
        }
        return index;
    }

    private static Axis readAxis(JsonNode root, String key) {
        JsonNode axis = required(root, key);
        return new Axis(Axis.parameter(required(axis, "name").asText()), new BigDecimal(required(axis, "from").asText()),
                new BigDecimal(required(axis, "to").asText()), required(axis, "count").asInt());
    }

    private static NetworkParameters readParams(JsonNode root) {
        JsonNode params = required(root, "params");
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (Parameter parameter : Parameter.values()) {
            JsonNode value = params.get(parameter.key());
            if (value == null || !value.isNumber()) {
                throw new IllegalArgumentException("params." + parameter.key() + " must be a number");
            }
            values.put(parameter, value.asDouble());
        }
        return NetworkParameters.fromMap(values);
    }

    private static JsonNode required(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return value;
    }
}
