package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.SynapticWeights;
import org.spikefx.export.Brian2Project;
import org.spikefx.export.NpyReader;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * {@code brian2}: the project holds this very network and a script with the exact parameters; where
 * Brian2 is installed, the script's spikes are {@code simulate}'s.
 */
class Brian2CommandTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 120)
            .with(Parameter.T, 0.1).with(Parameter.SEED, 3).with(Parameter.G, 0.1);
    private static final List<String> SMALL_FLAGS = List.of("--n", "120", "--T", "0.1", "--seed", "3", "--g", "0.1");

    @TempDir
    Path folder;

    @Test
    void theProjectHoldsTheNetworkSynapseBySynapseAndTheScriptItsExactParameters() throws IOException {
        Path project = folder.resolve("project");
        Invocation invocation = brian2(project);
        assertEquals(0, invocation.exitCode(), invocation.err());

        RandomNetwork network = RandomNetwork.build(SMALL);
        SynapticWeights weights = network.weights();
        long[] pre = readLongs(project.resolve(Brian2Project.PRE));
        long[] post = readLongs(project.resolve(Brian2Project.POST));
        double[] w = NpyReader.readVector(project.resolve(Brian2Project.WEIGHTS), Integer.MAX_VALUE);
        assertEquals(weights.synapseCount(), pre.length);
        assertEquals(pre.length, post.length);
        assertEquals(pre.length, w.length);
        double rowSum0 = 0;
        for (int k = 0; k < pre.length; k++) {
            assertEquals(weights.weight((int) post[k], (int) pre[k]), w[k], 0.0, "synapse " + k);
            assertTrue(k == 0 || pre[k] > pre[k - 1] || pre[k] == pre[k - 1] && post[k] > post[k - 1],
                    "by presynaptic, then postsynaptic neuron, at " + k);
            if (post[k] == 0) {
                rowSum0 += w[k];
            }
        }
        assertEquals(0, rowSum0, 1e-12, "neuron 0's inputs are centred");
        assertArrayEquals(network.initialVoltages(SMALL.vreset()),
                NpyReader.readVector(project.resolve(Brian2Project.VOLTAGES), Integer.MAX_VALUE));

        String script = Files.readString(project.resolve(Brian2Project.SCRIPT));
        assertFalse(Pattern.compile("@[A-Z_0-9]+@").matcher(script).find(), "every value filled in");
        assertEquals(SMALL.dt(), Double.parseDouble(value(script, "DT")), 0.0);
        assertEquals(SMALL.offset(), Double.parseDouble(value(script, "OFFSET")), 0.0);
        assertEquals(SMALL.steps(), Integer.parseInt(value(script, "STEPS")));
        assertEquals(120, Integer.parseInt(value(script, "N")));
    }

    @Test
    void aFileGivenAsTheFolderIsRefusedWithOneLine() throws IOException {
        Path file = Files.writeString(folder.resolve("taken.txt"), "mine");
        Invocation invocation = brian2(file);
        assertEquals(2, invocation.exitCode());
        assertEquals(1, invocation.errLines().size(), invocation.err());
        assertTrue(invocation.err().contains("--out " + file + " is not a folder"), invocation.err());
        assertEquals("mine", Files.readString(file), "the file is untouched");
    }

    @Test
    void aFileOfTheProjectThatIsALinkIsRefusedBeforeTheNetworkIsBuilt() throws IOException {
        // Once found only when written, after the build, and reported as a failed run (exit 1).
        Path project = Files.createDirectory(folder.resolve("project"));
        Path precious = Files.writeString(folder.resolve("precious.py"), "keep");
        Path link = Files.createSymbolicLink(project.resolve(Brian2Project.SCRIPT), precious);
        Invocation invocation = brian2(project);
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
        assertEquals(List.of("spikefx brian2: Invalid value for option '--out': cannot write " + link
                + ": it is a symbolic link; an output must be a regular file or a new name"), invocation.errLines());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(precious));
        try (java.util.stream.Stream<Path> files = Files.list(project)) {
            assertEquals(List.of(link), files.toList(), "nothing written");
        }
    }

    @Test
    void aProjectThatFailsLeavesNoFolderItMade() {
        Path project = folder.resolve("new/project");
        // A network that cannot be read fails the writing after the folders are made.
        assertThrows(NullPointerException.class, () -> Brian2Project.write(project, SMALL, null));
        assertFalse(Files.exists(folder.resolve("new")), "the folders made are removed again");
    }

    @Test
    void brian2GivesSimulatesSpikesSpikeForSpike() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        assumeTrue(runs(List.of(python, "-c", "import brian2"), folder), "Brian2 is not installed for " + python);
        Path project = folder.resolve("project");
        assertEquals(0, brian2(project).exitCode());
        Path expected = folder.resolve("simulate.csv");
        List<String> args = new ArrayList<>(List.of("simulate", "--quiet", "--spikes", expected.toString()));
        args.addAll(SMALL_FLAGS);
        assertEquals(0, Invocation.of(args).exitCode());

        Path spikes = folder.resolve("brian2.csv");
        assertTrue(runs(List.of(python, project.resolve(Brian2Project.SCRIPT).toString(), "--out", spikes.toString()),
                project), "run.py ran");
        List<String> brian2 = Files.readAllLines(spikes);
        assertTrue(brian2.size() > 100, "the network fires: " + brian2.size() + " lines");
        assertEquals(Files.readAllLines(expected), brian2);
    }

    private Invocation brian2(Path out) {
        List<String> args = new ArrayList<>(List.of("brian2", "--quiet", "--out", out.toString()));
        args.addAll(SMALL_FLAGS);
        return Invocation.of(args);
    }

    /** The value after "NAME = " on its own line of the script. */
    private static String value(String script, String name) {
        var matcher = Pattern.compile("(?m)^" + name + " = (\\S+)$").matcher(script);
        assertTrue(matcher.find(), name + " is set in the script");
        return matcher.group(1);
    }

    private static boolean runs(List<String> command, Path directory) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }

    /** The values of a 1-D int64 .npy file as SpikeFX writes it (format 1.0, little-endian). */
    private static long[] readLongs(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(in);
            byte[] start = data.readNBytes(10);
            int headerLength = (start[8] & 0xFF) | (start[9] & 0xFF) << 8;
            String header = new String(data.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
            assertTrue(header.contains("'descr': '<i8'"), header);
            ByteBuffer values = ByteBuffer.wrap(data.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            long[] result = new long[values.remaining() / Long.BYTES];
            for (int k = 0; k < result.length; k++) {
                result[k] = values.getLong();
            }
            return result;
        }
    }
}
