package org.spikefx.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.SynapticWeights;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * A Brian2 project for the network SpikeFX simulates, for runs larger or longer than a desktop: a
 * script, {@value #SCRIPT}, and the network as NumPy arrays: the synapses as three arrays of equal length
 * ({@value #PRE}, {@value #POST}, {@value #WEIGHTS}: presynaptic neuron, postsynaptic neuron, weight, in
 * the order SpikeFX adds a spike's input) and the initial voltages ({@value #VOLTAGES}). The script writes
 * the update as the reference's discrete step, one operation per statement, so Brian2 gives the same
 * spikes as {@code simulate}. All files are written together, or none.
 */
public final class Brian2Project {
    public static final String SCRIPT = "run.py";
    public static final String PRE = "synapses_pre.npy";
    public static final String POST = "synapses_post.npy";
    public static final String WEIGHTS = "synapses_w.npy";
    public static final String VOLTAGES = "v_init.npy";
    /** The Brian2 release the script was checked against, spike for spike. */
    public static final String CHECKED_WITH = "2.5.1";
    /** Every file of a project, in the folder given. */
    public static final List<String> FILES = List.of(PRE, POST, WEIGHTS, VOLTAGES, SCRIPT);
    private static final System.Logger LOG = System.getLogger(Brian2Project.class.getName());
    private static final String TEMPLATE = "brian2-run.py";

    private Brian2Project() {
    }

    /**
     * Writes the project into {@code folder} (made if it does not exist) for this network, built with
     * these parameters.
     */
    public static void write(Path folder, NetworkParameters params, RandomNetwork network) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder: give a folder, or a new name for one");
        }
        // The folders made for the project go again if it fails: a failure leaves nothing behind.
        List<Path> made = new ArrayList<>();
        for (Path missing = folder.toAbsolutePath().normalize(); missing != null && !Files.exists(missing);
                missing = missing.getParent()) {
            made.add(missing);
        }
        Files.createDirectories(folder);
        try {
            writeFiles(folder, params, network);
        } catch (IOException | RuntimeException | Error e) {
            for (Path empty : made) {
                try {
                    Files.deleteIfExists(empty);
                } catch (IOException | RuntimeException notEmpty) {
                    LOG.log(System.Logger.Level.DEBUG, "keeping folder " + empty, notEmpty);
                }
            }
            throw e;
        }
    }

    private static void writeFiles(Path folder, NetworkParameters params, RandomNetwork network) throws IOException {
        SynapticWeights weights = network.weights();
        long synapses = weights.synapseCount();
        AtomicFiles.together(() -> {
            NpyWriter.write(folder.resolve(PRE), NpyWriter.DataType.INT64, new long[] {synapses},
                    array -> weights.forEachSynapse((pre, post, w) -> array.putLong(pre)));
            NpyWriter.write(folder.resolve(POST), NpyWriter.DataType.INT64, new long[] {synapses},
                    array -> weights.forEachSynapse((pre, post, w) -> array.putLong(post)));
            NpyWriter.write(folder.resolve(WEIGHTS), NpyWriter.DataType.FLOAT64, new long[] {synapses},
                    array -> weights.forEachSynapse((pre, post, w) -> array.putDouble(w)));
            double[] v = network.initialVoltages(params.vreset());
            NpyWriter.write(folder.resolve(VOLTAGES), NpyWriter.DataType.FLOAT64, new long[] {v.length}, array -> {
                for (double value : v) {
                    array.putDouble(value);
                }
            });
            byte[] script = script(params).getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(folder.resolve(SCRIPT), out -> out.write(script));
            return null;
        });
    }

    /** The script for these parameters: the template with every value written so that Python reads it back exactly. */
    static String script(NetworkParameters params) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("VERSION", Sidecar.appVersion());
        values.put("BRIAN2_VERSION", CHECKED_WITH);
        values.put("PARAMETERS", Arrays.stream(Parameter.values())
                .map(p -> "    " + p.key() + " = " + Parameter.format(params.get(p)))
                .collect(Collectors.joining("\n")));
        values.put("N", Integer.toString(params.n()));
        values.put("DT", exact(params.dt()));
        values.put("T", exact(params.T()));
        values.put("TREF", exact(params.tref()));
        values.put("TM", exact(params.tm()));
        values.put("VRESET", exact(params.vreset()));
        values.put("VPEAK", exact(params.vpeak()));
        values.put("TD", exact(params.td()));
        values.put("TR", exact(params.tr()));
        values.put("OFFSET", exact(params.offset()));
        values.put("STEPS", Integer.toString(params.steps()));
        values.put("SPIKE_PEAK", exact(NetworkModel.SPIKE_PEAK_MV));
        String script = template();
        for (Map.Entry<String, String> value : values.entrySet()) {
            script = script.replace("@" + value.getKey() + "@", value.getValue());
        }
        return script;
    }

    /** A double as Python reads it back to the same bits. */
    private static String exact(double value) {
        return Double.toString(value);
    }

    private static String template() {
        try (InputStream in = Brian2Project.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the Brian2 script template " + TEMPLATE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
