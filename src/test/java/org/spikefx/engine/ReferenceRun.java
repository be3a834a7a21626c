package org.spikefx.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** A run of the NumPy reference model, as stored in test resources: its JSON summary and every spike. */
record ReferenceRun(String name, JsonNode summary, int[] spikeSteps, int[] spikeNeurons) {

    static final String[] MAIN_RUNS = {"default_n2000_T2_seed100", "n500_offset-38_T1_seed11"};
    static final String[] VARIANTS = {"base", "dt1e-4", "T0.123456", "tref0.004", "tref0", "tm0.02", "vreset-70",
        "vpeak-45", "n301", "n7", "td0.03", "tr0.001", "p0.25", "p1", "p0.001", "offset-30", "g0.1", "seed0",
        "seed4294967295", "nrec300"};

    static ReferenceRun load(String name) {
        String base = name.startsWith("default") || name.startsWith("n500_") ? "/reference/" : "/reference/variants/";
        try (InputStream json = open(base + name + ".json");
             InputStream spikes = new GZIPInputStream(open(base + name + ".spikes.csv.gz"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(spikes, StandardCharsets.US_ASCII))) {
            JsonNode summary = new ObjectMapper().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())
                    .readTree(json);
            List<int[]> pairs = new ArrayList<>();
            lines.readLine(); // header step,neuron
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comma = line.indexOf(',');
                pairs.add(new int[] {Integer.parseInt(line.substring(0, comma)),
                    Integer.parseInt(line.substring(comma + 1))});
            }
            int[] steps = pairs.stream().mapToInt(pair -> pair[0]).toArray();
            int[] neurons = pairs.stream().mapToInt(pair -> pair[1]).toArray();
            return new ReferenceRun(name, summary, steps, neurons);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream stream = ReferenceRun.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return stream;
    }

    NetworkParameters parameters() {
        Map<Parameter, Double> values = new java.util.EnumMap<>(Parameter.class);
        for (Parameter parameter : Parameter.values()) {
            values.put(parameter, summary.get("params").get(parameter.key()).asDouble());
        }
        return NetworkParameters.fromMap(values);
    }

    JsonNode fingerprints() {
        return summary.get("weights_and_init");
    }

    @Override
    public String toString() {
        return name;
    }
}
