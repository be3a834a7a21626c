package org.spikefx.engine.force;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/** A run of the NumPy FORCE reference, as stored in test resources: its JSON summary and every spike. */
record ForceReferenceRun(String name, JsonNode summary, int[] spikeSteps, int[] spikeNeurons) {

    static final String PAPER_TASK = "sine_n2000_T15_seed100";
    static final String SHORT = "n500_T3_train0.5-2_seed11";

    static ForceReferenceRun load(String name) {
        try (InputStream json = new GZIPInputStream(open("/force/" + name + ".json.gz"));
             InputStream spikes = new GZIPInputStream(open("/force/" + name + ".spikes.csv.gz"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(spikes, StandardCharsets.US_ASCII))) {
            JsonNode summary = new ObjectMapper().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())
                    .readTree(json);
            int total = summary.get("total_spikes").asInt();
            int[] steps = new int[total];
            int[] neurons = new int[total];
            lines.readLine(); // header step,neuron
            int count = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comma = line.indexOf(',');
                steps[count] = Integer.parseInt(line, 0, comma, 10);
                neurons[count++] = Integer.parseInt(line, comma + 1, line.length(), 10);
            }
            if (count != total) {
                throw new IllegalStateException(name + ": " + count + " spikes in the file, " + total + " in the summary");
            }
            return new ForceReferenceRun(name, summary, steps, neurons);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream stream = ForceReferenceRun.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return stream;
    }

    /** The network's parameters; the reference calls offset "bias". */
    NetworkParameters parameters() {
        JsonNode params = summary.get("params");
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (Parameter parameter : Parameter.values()) {
            String key = parameter == Parameter.OFFSET ? "bias" : parameter.key();
            values.put(parameter, params.get(key).asDouble());
        }
        return NetworkParameters.fromMap(values);
    }

    TrainingParameters training() {
        JsonNode params = summary.get("params");
        Map<TrainingParameter, Double> values = new EnumMap<>(TrainingParameter.class);
        values.put(TrainingParameter.Q, params.get("Q").asDouble());
        values.put(TrainingParameter.RLS_LAMBDA, params.get("lam").asDouble());
        values.put(TrainingParameter.RLS_STEP, params.get("step").asDouble());
        values.put(TrainingParameter.TRAIN_START, params.get("t_start").asDouble());
        values.put(TrainingParameter.TRAIN_STOP, params.get("t_stop").asDouble());
        values.put(TrainingParameter.TARGET_FREQ, params.get("freq").asDouble());
        return TrainingParameters.fromMap(values, TargetShape.SINE, null);
    }

    @Override
    public String toString() {
        return name;
    }
}
