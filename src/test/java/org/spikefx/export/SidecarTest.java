package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikefx.export.Sidecar.Column;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class SidecarTest {
    @TempDir
    Path folder;

    @Test
    void sidecarSitsNextToItsFileWithParametersVersionTimeAndColumns() throws Exception {
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 300).with(Parameter.SEED, 7);
        Path data = folder.resolve("spikes.csv");
        List<Column> columns = List.of(new Column("step", "", "index of the step"),
                new Column("t", "s", "time of the step"));
        OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

        Path sidecar = Sidecar.write(data, params, "1.2.3", columns, Map.of("spikes", 42, "bins", List.of(1, 2)));

        OffsetDateTime after = OffsetDateTime.now();
        assertEquals(folder.resolve("spikes.csv.json"), sidecar);
        JsonNode root = new ObjectMapper().readTree(sidecar.toFile());
        assertEquals("spikefx-sidecar", root.get("format").textValue());
        assertEquals(1, root.get("version").intValue());
        assertEquals("spikes.csv", root.get("data_file").textValue());
        assertEquals("1.2.3", root.get("app_version").textValue());
        OffsetDateTime created = OffsetDateTime.parse(root.get("created").textValue());
        assertFalse(created.isBefore(before) || created.isAfter(after),
                created + " not between " + before + " and " + after);

        List<String> keys = new ArrayList<>();
        root.get("params").fieldNames().forEachRemaining(keys::add);
        assertEquals(Parameter.values().length, keys.size());
        for (Parameter parameter : Parameter.values()) {
            assertEquals(params.get(parameter), root.get("params").get(parameter.key()).doubleValue(), parameter.key());
        }
        assertEquals("t", root.get("columns").get(1).get("name").textValue());
        assertEquals("s", root.get("columns").get(1).get("unit").textValue());
        assertEquals("index of the step", root.get("columns").get(0).get("description").textValue());
        assertEquals(42, root.get("spikes").intValue());
        assertEquals("[1,2]", root.get("bins").toString());
        assertFalse(Files.exists(data), "the sidecar does not create the data file");
    }

    @Test
    void extraKeyMayNotReplaceAStandardOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Sidecar.write(
                folder.resolve("x.npy"), NetworkParameters.DEFAULTS, "dev", List.of(), Map.of("params", 1)));
        assertEquals("\"params\" is a standard key of a sidecar", error.getMessage());
        assertFalse(Files.exists(folder.resolve("x.npy.json")));
    }

    @Test
    void versionFallsBackToDevOutsideAJar() {
        // Tests run from target/classes, which has no manifest.
        assertEquals("dev", Sidecar.appVersion());
        assertTrue(Sidecar.pathFor(Path.of("a", "rate.npy")).endsWith(Path.of("a", "rate.npy.json")));
    }
}
