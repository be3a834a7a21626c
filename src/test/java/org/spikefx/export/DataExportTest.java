package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Simulation;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class DataExportTest {
    /** n = 200, T = 0.2 s: 4000 steps, some 800 spikes. */
    private static final NetworkParameters SMALL =
            NetworkParameters.DEFAULTS.with(Parameter.N, 200).with(Parameter.T, 0.2);

    @TempDir
    Path folder;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void spikesCsvHoldsEverySpikeOfADirectRun() throws IOException {
        DirectRun direct = DirectRun.of(SMALL, SMALL.steps());
        new DataExport(SMALL, SMALL.steps(), 5).writeTo(folder, "run", fraction -> { });

        List<String[]> rows = csv(folder.resolve("run_spikes.csv"), "step,neuron,t");
        assertTrue(direct.spikes.size() > 500, "a run with spikes to compare: " + direct.spikes.size());
        assertEquals(direct.spikes.size(), rows.size());
        for (int s = 0; s < rows.size(); s++) {
            int step = direct.spikes.step(s);
            String[] expected = {Integer.toString(step), Integer.toString(direct.spikes.neuron(s)), decimalTime(step)};
            assertArrayEquals(expected, rows.get(s), "spike " + s);
        }
    }

    @Test
    void npyFilesHoldTheCsvNumbers() throws IOException {
        new DataExport(SMALL, SMALL.steps(), 5).writeTo(folder, "run", fraction -> { });

        List<String[]> spikes = csv(folder.resolve("run_spikes.csv"), "step,neuron,t");
        NpyFile spikeArray = NpyFile.read(folder.resolve("run_spikes.npy"));
        assertEquals("<i8", spikeArray.descr());
        assertArrayEquals(new long[] {spikes.size(), 2}, spikeArray.shape());
        long[] pairs = spikeArray.longs();
        for (int s = 0; s < spikes.size(); s++) {
            assertEquals(Long.parseLong(spikes.get(s)[0]), pairs[2 * s]);
            assertEquals(Long.parseLong(spikes.get(s)[1]), pairs[2 * s + 1]);
        }

        assertTableEquals(folder.resolve("run_voltages.csv"), folder.resolve("run_voltages.npy"),
                "t,v0,v1,v2,v3,v4,v5,v6,v7,v8,v9", SMALL.steps());
        assertTableEquals(folder.resolve("run_rate.csv"), folder.resolve("run_rate.npy"), "t,rate_hz", 40);
    }

    @Test
    void voltagesAreThoseOfADirectRun() throws IOException {
        DirectRun direct = DirectRun.of(SMALL, SMALL.steps());
        new DataExport(SMALL, SMALL.steps(), 5).writeTo(folder, "run", fraction -> { });

        double[] table = NpyFile.read(folder.resolve("run_voltages.npy")).doubles();
        int columns = 1 + SMALL.nrec();
        for (int step = 0; step < SMALL.steps(); step++) {
            assertEquals(SMALL.dt() * step, table[step * columns]);
            for (int r = 0; r < SMALL.nrec(); r++) {
                assertEquals(direct.voltages.get(step)[r], table[step * columns + 1 + r], "step " + step);
            }
        }
    }

    @Test
    void rateSumsToAllSpikesPerNeuronAndBin() throws IOException {
        DirectRun direct = DirectRun.of(SMALL, SMALL.steps());
        new DataExport(SMALL, SMALL.steps(), 5).writeTo(folder, "run", fraction -> { });

        List<String[]> rows = csv(folder.resolve("run_rate.csv"), "t,rate_hz");
        double binSeconds = 0.005;
        assertEquals(40, rows.size());
        double sum = 0;
        for (int bin = 0; bin < rows.size(); bin++) {
            assertEquals(decimalTime(bin * 100), rows.get(bin)[0]);
            sum += Double.parseDouble(rows.get(bin)[1]);
        }
        assertEquals(direct.spikes.size() / (SMALL.n() * binSeconds), sum, 1e-9 * sum);
    }

    @Test
    void partOfARunEndsWithAShorterBin() throws IOException {
        int steps = 1234;
        DirectRun direct = DirectRun.of(SMALL, steps);
        new DataExport(SMALL, steps, 5).writeTo(folder, "part", fraction -> { });

        assertEquals(direct.spikes.size(), csv(folder.resolve("part_spikes.csv"), "step,neuron,t").size());
        assertEquals(steps, NpyFile.read(folder.resolve("part_voltages.npy")).shape()[0]);
        List<String[]> rate = csv(folder.resolve("part_rate.csv"), "t,rate_hz");
        assertEquals(13, rate.size());
        int lastBinSpikes = 0;
        for (int s = 0; s < direct.spikes.size(); s++) {
            lastBinSpikes += direct.spikes.step(s) >= 1200 ? 1 : 0;
        }
        assertEquals(lastBinSpikes / (SMALL.n() * (34 * SMALL.dt())), Double.parseDouble(rate.get(12)[1]), 1e-12);
    }

    @Test
    void aContinuousRunIsExportedPastT() throws IOException {
        int steps = SMALL.steps() + 500;
        DirectRun direct = DirectRun.of(SMALL, steps);
        new DataExport(SMALL, steps, 5).writeTo(folder, "long", fraction -> { });

        assertEquals(direct.spikes.size(), csv(folder.resolve("long_spikes.csv"), "step,neuron,t").size());
        assertEquals(steps, NpyFile.read(folder.resolve("long_voltages.npy")).shape()[0]);
    }

    @Test
    void everyDataFileHasItsSidecar() throws IOException {
        List<Path> written = new DataExport(SMALL, 2000, 5).writeTo(folder, "run", fraction -> { });

        List<String> names = written.stream().map(file -> file.getFileName().toString()).toList();
        assertEquals(List.of("run_voltages.csv", "run_voltages.csv.json", "run_voltages.npy", "run_voltages.npy.json",
                "run_spikes.csv", "run_spikes.csv.json", "run_spikes.npy", "run_spikes.npy.json",
                "run_rate.csv", "run_rate.csv.json", "run_rate.npy", "run_rate.npy.json"), names);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(12, files.count(), "no temporary files left");
        }
        JsonNode spikes = new ObjectMapper().readTree(folder.resolve("run_spikes.npy.json").toFile());
        assertEquals(200, spikes.get("params").get("n").intValue());
        assertEquals(2000, spikes.get("steps").intValue());
        assertEquals(NpyFile.read(folder.resolve("run_spikes.npy")).shape()[0], spikes.get("spikes").longValue());
        assertEquals(List.of("step", "neuron"), spikes.get("columns").findValuesAsText("name"));
        JsonNode rate = new ObjectMapper().readTree(folder.resolve("run_rate.csv.json").toFile());
        assertEquals(100, rate.get("bin_steps").intValue());
    }

    @Test
    void progressRisesFromBuildToOne() throws IOException {
        List<Double> reported = new ArrayList<>();
        new DataExport(SMALL, SMALL.steps(), 5).writeTo(folder, "run", reported::add);

        for (int k = 1; k < reported.size(); k++) {
            assertTrue(reported.get(k) >= reported.get(k - 1), "progress went back at " + k + ": " + reported);
        }
        assertTrue(reported.get(0) <= 0.3, "the first reports come from the network build: " + reported.get(0));
        assertEquals(1.0, reported.get(reported.size() - 1));
        assertTrue(reported.stream().anyMatch(fraction -> fraction > 0.5 && fraction < 0.9), "progress during the run");
    }

    @Test
    void interruptDuringTheRunCancelsAndLeavesNoFile() throws IOException {
        DataExport export = new DataExport(SMALL, SMALL.steps(), 5);
        assertThrows(CancellationException.class, () -> export.writeTo(folder, "run", fraction -> {
            if (fraction > 0.5) {
                Thread.currentThread().interrupt();
            }
        }));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void anExportThatFailsAtItsLastFileLeavesNoneOfItsFiles() throws IOException {
        // The rate's .npy is written last; a folder in its place makes it fail, as a full disk would.
        Path inTheWay = Files.createDirectory(folder.resolve("run_rate.npy"));
        Files.writeString(inTheWay.resolve("inside.txt"), "x");
        IOException failure = assertThrows(IOException.class,
                () -> new DataExport(SMALL, SMALL.steps(), 5).writeTo(folder, "run", fraction -> { }));
        assertEquals("cannot write " + inTheWay + ": it is a folder; an output must be a regular file or a new name",
                failure.getMessage());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(inTheWay), files.toList(), "the voltages, spikes and sidecars written before go too");
        }
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> new DataExport(SMALL, 0, 5));
        assertEquals("steps = 0 is not allowed: steps must be 1 or more", steps.getMessage());
        IllegalArgumentException bin = assertThrows(IllegalArgumentException.class,
                () -> new DataExport(SMALL, 100, 0.01));
        assertEquals("rate bin = 0.01 ms is not allowed: the rate bin must be at least one step (dt = 0.05 ms)",
                bin.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> new DataExport(SMALL, 100, 5).writeTo(folder, "sub/run", fraction -> { }));
        assertEquals("base name \"sub/run\" is not allowed: it must be a file name without a folder",
                name.getMessage());
    }

    /**
     * CSV and .npy of a float64 table whose first column is the time: the expected row count, the same
     * numbers, the times in the CSV as plain decimals and in the .npy as the doubles dt * step.
     */
    private static void assertTableEquals(Path csvFile, Path npyFile, String header, int rows) throws IOException {
        List<String[]> csvRows = csv(csvFile, header);
        NpyFile array = NpyFile.read(npyFile);
        assertEquals("<f8", array.descr());
        int columns = header.split(",").length;
        assertArrayEquals(new long[] {rows, columns}, array.shape());
        double[] values = array.doubles();
        assertEquals(rows, csvRows.size());
        for (int r = 0; r < rows; r++) {
            assertEquals(String.format(Locale.ROOT, "%.5f", values[r * columns]), csvRows.get(r)[0],
                    csvFile + " row " + r);
            for (int c = 1; c < columns; c++) {
                assertEquals(Double.parseDouble(csvRows.get(r)[c]), values[r * columns + c], csvFile + " row " + r);
            }
        }
    }

    /** The time of a step as the CSV files print it: dt = 5e-5 has five decimals. */
    private static String decimalTime(int step) {
        return String.format(Locale.ROOT, "%.5f", SMALL.dt() * step);
    }

    private static List<String[]> csv(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals(header, lines.get(0));
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")).toList();
    }

    /** The same run done directly with the engine, every spike and every recorded voltage kept. */
    private record DirectRun(SpikeRecord spikes, List<double[]> voltages) {
        static DirectRun of(NetworkParameters params, int steps) {
            Simulation simulation = new Simulation(params, RandomNetwork.build(params));
            SpikeRecord spikes = new SpikeRecord();
            List<double[]> voltages = new ArrayList<>();
            for (int step = 0; step < steps; step++) {
                simulation.advance();
                spikes.addStep(simulation);
                voltages.add(simulation.recordedVoltages().clone());
            }
            return new DirectRun(spikes, voltages);
        }
    }
}
