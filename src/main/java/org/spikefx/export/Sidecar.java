package org.spikefx.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.spikefx.params.NetworkParameters;

/**
 * The provenance of an exported data file, written next to it as {@code <file>.json} (spikes.csv gets
 * spikes.csv.json): the fourteen parameters that reproduce the data (under {@code params}, as in a
 * config file), the app version, when the file was made and what its columns hold.
 * <pre>
 * { "format" : "spikefx-sidecar", "version" : 1, "data_file" : "run_spikes.csv",
 *   "app_version" : "0.1.0", "created" : "2025-06-01T14:03:12+02:00",
 *   "params" : { "dt" : 5.0E-5, ... }, "columns" : [ { "name" : "step", "unit" : "", "description" : "..." }, ... ],
 *   ...extra keys }
 * </pre>
 */
public final class Sidecar {
    public static final String FORMAT = "spikefx-sidecar";
    public static final int VERSION = 1;

    /** One column of a data file: name as in the file's header, unit ("" for counts and indices), meaning. */
    public record Column(String name, String unit, String description) {
    }

    private Sidecar() {
    }

    /** Where the sidecar of a data file goes: the data file's name with ".json" appended. */
    public static Path pathFor(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".json");
    }

    /**
     * Writes the sidecar of {@code dataFile} atomically and returns its path.
     *
     * @param extra further facts about the file (shape, bin width, ...); plain values, lists and maps
     * @throws IllegalArgumentException if an extra key is one of the standard keys
     */
    public static Path write(Path dataFile, NetworkParameters params, String appVersion, List<Column> columns,
                             Map<String, Object> extra) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("data_file", dataFile.getFileName().toString());
        root.put("app_version", appVersion);
        root.put("created", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.set("params", RunConfigFile.toJson(params));
        root.set("columns", RunConfigFile.JSON.valueToTree(columns));
        for (Map.Entry<String, Object> entry : extra.entrySet()) {
            if (root.has(entry.getKey())) {
                throw new IllegalArgumentException("\"" + entry.getKey() + "\" is a standard key of a sidecar");
            }
            root.set(entry.getKey(), RunConfigFile.JSON.valueToTree(entry.getValue()));
        }
        Path sidecar = pathFor(dataFile);
        RunConfigFile.writeJson(sidecar, root);
        return sidecar;
    }

    /** The version in the jar's manifest (Implementation-Version), or "dev" when running from classes. */
    public static String appVersion() {
        String version = Sidecar.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
