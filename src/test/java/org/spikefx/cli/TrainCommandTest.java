package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.engine.force.TargetSignal;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

class TrainCommandTest {
    private static final List<String> SMALL_RUN = List.of("--n", "200", "--T", "0.4", "--seed", "3",
            "--train-start", "0.1", "--train-stop", "0.3");
    private static final List<String> NO_WINDOW = List.of("--n", "200", "--T", "0.4", "--seed", "3");

    @TempDir
    Path folder;

    private static Invocation train(List<String> parameters, String... more) {
        List<String> args = new ArrayList<>();
        args.add("train");
        args.addAll(parameters);
        args.addAll(List.of(more));
        return Invocation.of(args);
    }

    @Test
    void theFilesHoldTheRunOfTheEngine() throws IOException {
        Path readout = folder.resolve("readout.csv");
        Path spikes = folder.resolve("spikes.csv");
        Path decoder = folder.resolve("phi.npy");
        Path summaryFile = folder.resolve("summary.json");
        Invocation invocation = train(SMALL_RUN, "--readout", readout.toString(), "--spikes", spikes.toString(),
                "--decoder", decoder.toString(), "--summary", summaryFile.toString());
        assertEquals(0, invocation.exitCode(), invocation.err());

        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 200).with(Parameter.T, 0.4)
                .with(Parameter.SEED, 3);
        TrainingParameters training = TrainingParameters.DEFAULTS.with(TrainingParameter.TRAIN_START, 0.1)
                .with(TrainingParameter.TRAIN_STOP, 0.3);
        List<String> readoutRows = Files.readAllLines(readout);
        List<String> spikeRows = Files.readAllLines(spikes);
        assertEquals("step,t,z,target", readoutRows.get(0));
        assertEquals("step,neuron", spikeRows.get(0));
        assertEquals(params.steps(), readoutRows.size() - 1, "one row per step");
        int spikeRow = 1;
        try (ForceNetwork model = new ForceNetwork(params, training,
                RandomNetwork.build(params, RandomNetwork.Kind.TRAINED, fraction -> { }),
                TargetSignal.of(training, params), Runtime.getRuntime().availableProcessors())) {
            for (String row : readoutRows.subList(1, readoutRows.size())) {
                model.advance();
                int step = model.nextStep() - 1;
                String[] values = row.split(",");
                assertEquals(step, Integer.parseInt(values[0]));
                assertEquals(step * params.dt(), Double.parseDouble(values[1]), 1e-12);
                assertEquals(model.value(), Double.parseDouble(values[2]), 0.0, "z at step " + step);
                assertEquals(model.target(), Double.parseDouble(values[3]), 0.0, "target at step " + step);
                for (int s = 0; s < model.spikeCount(); s++) {
                    assertEquals(step + "," + model.spikers()[s], spikeRows.get(spikeRow++));
                }
            }
            assertEquals(spikeRows.size(), spikeRow, "no spikes beyond the engine's");

            double[] phi = model.decoder();
            ByteBuffer npy = ByteBuffer.wrap(Files.readAllBytes(decoder)).order(ByteOrder.LITTLE_ENDIAN);
            int headerLength = npy.getShort(8);
            String header = new String(Files.readAllBytes(decoder), 10, headerLength, "US-ASCII");
            assertTrue(header.contains("'descr': '<f8'") && header.contains("'shape': (200,)"), header);
            npy.position(10 + headerLength);
            for (int k = 0; k < phi.length; k++) {
                assertEquals(phi[k], npy.getDouble(), 0.0, "phi[" + k + "]");
            }

            JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
            assertEquals(model.updates(), summary.get("rls_updates").asInt());
            assertEquals(spikeRows.size() - 1, summary.get("total_spikes").asInt());
            assertEquals(model.decoderNorm(), summary.get("phi_norm").asDouble(), 1e-15);
            for (String key : List.of("params", "total_spikes", "mean_rate_hz", "rls_updates", "fit_before_training",
                    "fit_during_training", "fit_after_training", "phi_norm", "setup_seconds", "loop_seconds",
                    "realtime_factor", "peak_heap_bytes")) {
                assertTrue(summary.has(key), "summary has " + key);
            }
            assertEquals(10.0, summary.get("params").get("Q").asDouble());
            assertEquals("sine", summary.get("params").get("target").asText());
            // Before training z is 0: its error is the sine's RMS, and it has no correlation.
            assertEquals(Math.sqrt(0.5), summary.get("fit_before_training").get("rmse").asDouble(), 1e-3);
            assertTrue(summary.get("fit_before_training").get("correlation").isNull());
            assertTrue(summary.get("fit_during_training").get("rmse").asDouble() < Math.sqrt(0.5),
                    "training fits: " + summary.get("fit_during_training"));
        }
        List<String> lines = invocation.out().lines().toList();
        assertEquals(1, lines.size(), invocation.out());
        assertTrue(lines.get(0).contains(" RLS updates, after training rmse "), lines.get(0));
    }

    @Test
    void badInputGetsOneLineExitTwoAndNoFile() throws IOException {
        Path summary = folder.resolve("summary.json");
        Path readout = folder.resolve("readout.csv");
        Path text = folder.resolve("text.csv");
        Files.writeString(text, "1\nabc\n");
        String files = "--summary=" + summary + " --readout=" + readout;
        record Case(String args, String message) {
        }
        Invocation window = train(NO_WINDOW, "--train-start", "0.3", "--train-stop", "0.2", "--summary=" + summary);
        assertEquals(2, window.exitCode());
        assertEquals(List.of("spikefx train: Invalid value for option '--train-stop': train-stop = 0.2 is not allowed:"
                + " train-stop must not be before train-start (0.3)"), window.errLines());
        // P alone would be 160 GB: refused before the network is built.
        Invocation large = train(List.of("--n", "200000", "--p", "0.0001", "--T", "0.1", "--summary=" + summary));
        assertEquals(2, large.exitCode(), large.err());
        assertEquals(1, large.errLines().size(), large.err());
        assertTrue(large.errLines().get(0).matches("spikefx train: training n = 200000 needs about 160\\.\\d GB"
                + " \\(the RLS matrix P alone 160\\.\\d GB\\), more than the \\d+(\\.\\d GB| MB) this program may use;"
                + " choose a smaller n, or start Java with a larger -Xmx"), large.errLines().get(0));
        for (Case bad : List.of(
                new Case("--rls-step 1", "Invalid value for option '--rls-step': rls-step = 1 is not allowed:"
                        + " rls-step must be a whole number from 2 to 1000000"),
                new Case("--Q -1", "Invalid value for option '--Q': Q = -1 is not allowed: Q must be a finite number"
                        + " >= 0"),
                new Case("--T 1", "option '--T' (<T>) should be specified only once"),
                new Case("--target triangle", "Invalid value for option '--target': target 'triangle' is not allowed:"
                        + " the target must be sine, sines, sawtooth, square, vanderpol or csv:FILE"),
                new Case("--target csv:" + folder.resolve("none.csv"), "Invalid value for option '--target': cannot"
                        + " read the target file '" + folder.resolve("none.csv") + "': no such file"),
                new Case("--target csv:" + text, "Invalid value for option '--target': " + text + ": row 2 is 'abc',"
                        + " not a number: a target file holds one number per row"))) {
            List<String> args = new ArrayList<>(SMALL_RUN);
            args.addAll(List.of(bad.args().split(" ")));
            args.addAll(List.of(files.split(" ")));
            Invocation invocation = train(args);
            assertEquals(2, invocation.exitCode(), bad.args() + ": " + invocation.err());
            assertEquals(1, invocation.errLines().size(), invocation.err());
            assertTrue(invocation.errLines().get(0).startsWith("spikefx train: " + bad.message()),
                    invocation.errLines().get(0));
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(text), left.toList(), "nothing written for " + bad.args());
            }
        }
    }

    @Test
    void anOutputNamingTheTargetFileReadIsRefusedAndTheTargetKept() throws IOException {
        // Once, the readout replaced the very signal it was trained on.
        Path target = Files.writeString(folder.resolve("target.csv"), "0\n1\n0\n-1\n");
        for (String output : List.of("--readout", "--spikes", "--summary")) {
            Invocation invocation = train(SMALL_RUN, "--target", "csv:" + target, output, target.toString());
            assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
            assertEquals(List.of("spikefx train: " + output + " names the file " + target + " that --target reads:"
                    + " writing it would destroy it; choose another name"), invocation.errLines());
            assertEquals("0\n1\n0\n-1\n", Files.readString(target));
        }
    }

    @Test
    void thePaperTaskIsTheDefault() {
        TrainCommand command = new TrainCommand();
        NetworkParameters defaults = command.parameterDefaults();
        assertEquals(15.0, defaults.T());
        assertEquals(2000, defaults.n());
        assertEquals(100, defaults.seed());
        assertEquals(5.0, TrainingParameters.DEFAULTS.trainStart());
        assertEquals(10.0, TrainingParameters.DEFAULTS.trainStop());
        Invocation help = Invocation.of("train", "--help");
        assertTrue(help.out().contains("Simulated duration of a run. (s, default 15)"), help.out());
    }
}
