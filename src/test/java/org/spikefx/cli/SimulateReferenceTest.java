package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.params.Parameter;

/** {@code simulate} with the parameters of a NumPy reference run writes the reference's spikes and statistics. */
class SimulateReferenceTest {
    private static final String REFERENCE = "/reference/n500_offset-38_T1_seed11";

    @TempDir
    static Path folder;
    private static Invocation invocation;
    private static JsonNode expected;
    private static JsonNode summary;

    @BeforeAll
    static void simulateTheReferenceRun() throws IOException {
        invocation = Invocation.of("simulate", "--n", "500", "--offset", "-38", "--T", "1", "--seed", "11",
                "--spikes", folder.resolve("spikes.csv.gz").toString(),
                "--summary", folder.resolve("summary.json").toString(), "--quiet");
        try (InputStream json = SimulateReferenceTest.class.getResourceAsStream(REFERENCE + ".json")) {
            expected = new ObjectMapper().readTree(json);
        }
        summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    }

    @Test
    void quietRunSucceedsWithoutPrintingAnything() {
        assertAll(
            () -> assertEquals(0, invocation.exitCode()),
            () -> assertEquals("", invocation.out()),
            () -> assertEquals("", invocation.err()));
    }

    @Test
    void spikeFileEqualsTheReferenceLineForLine() throws IOException {
        List<String> expectedLines = gunzipLines(SimulateReferenceTest.class.getResourceAsStream(REFERENCE
                + ".spikes.csv.gz"));
        List<String> actualLines = gunzipLines(Files.newInputStream(folder.resolve("spikes.csv.gz")));
        assertEquals("step,neuron", actualLines.get(0));
        assertEquals(expectedLines.size(), actualLines.size(), "lines");
        for (int line = 0; line < expectedLines.size(); line++) {
            assertEquals(expectedLines.get(line), actualLines.get(line), "line " + (line + 1));
        }
    }

    @Test
    void summaryHasEveryField() {
        for (String field : List.of("app_version", "params", "total_spikes", "mean_rate_hz", "mean_cv_isi", "fraction_silent",
                "synchrony", "spikes_per_100ms_bin", "w_nnz", "w_sum_sq", "v_init_sum", "setup_seconds", "loop_seconds",
                "realtime_factor", "peak_heap_bytes")) {
            assertTrue(summary.has(field), field);
        }
        assertEquals(15, summary.size(), "fields: " + summary.fieldNames());
        // Tests run from target/classes, which has no manifest.
        assertEquals("dev", summary.get("app_version").textValue());
        JsonNode params = summary.get("params");
        assertEquals(14, params.size());
        for (Parameter parameter : Parameter.values()) {
            JsonNode value = params.get(parameter.key());
            assertEquals(expected.get("params").get(parameter.key()).asDouble(), value.asDouble(), parameter.key());
            assertEquals(parameter.isInteger(), value.isIntegralNumber(), parameter.key() + " written as integer");
        }
    }

    @Test
    void summaryStatisticsEqualTheReference() {
        JsonNode weights = expected.get("weights_and_init");
        assertAll(
            () -> assertEquals(expected.get("total_spikes").asLong(), summary.get("total_spikes").asLong()),
            () -> assertRelativelyEqual(expected.get("mean_rate_hz"), summary.get("mean_rate_hz")),
            () -> assertRelativelyEqual(expected.get("mean_cv_isi"), summary.get("mean_cv_isi")),
            () -> assertEquals(expected.get("fraction_silent").asDouble(), summary.get("fraction_silent").asDouble()),
            () -> assertEquals(expected.get("spikes_per_100ms_bin"), summary.get("spikes_per_100ms_bin")),
            () -> assertEquals(weights.get("w_nnz").asLong(), summary.get("w_nnz").asLong()),
            () -> assertRelativelyEqual(weights.get("w_sum_sq_fsum"), summary.get("w_sum_sq")),
            () -> assertRelativelyEqual(weights.get("v_init_sum_fsum"), summary.get("v_init_sum")));
    }

    @Test
    void summaryTimesAndMemoryAreConsistent() {
        double loopSeconds = summary.get("loop_seconds").asDouble();
        assertAll(
            () -> assertTrue(summary.get("setup_seconds").asDouble() > 0),
            () -> assertTrue(loopSeconds > 0),
            () -> assertEquals(1.0 / loopSeconds, summary.get("realtime_factor").asDouble(), 1e-9 / loopSeconds),
            () -> assertTrue(summary.get("peak_heap_bytes").asLong() > 0));
    }

    private static void assertRelativelyEqual(JsonNode expected, JsonNode actual) {
        assertEquals(expected.asDouble(), actual.asDouble(), 1e-12 * Math.abs(expected.asDouble()));
    }

    private static List<String> gunzipLines(InputStream compressed) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(compressed),
                StandardCharsets.US_ASCII))) {
            return reader.lines().toList();
        }
    }
}
