package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.spikefx.analysis.MapFigure;
import org.spikefx.analysis.Viridis;

class SweepCommandTest {
    private static final List<String> BASE = List.of("--n", "120", "--T", "0.3", "--seed", "11");

    @TempDir
    Path folder;

    private static Invocation sweep(List<String> base, String... args) {
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(base);
        all.addAll(List.of(args));
        return Invocation.of(all);
    }

    @Test
    void everyRowIsTheSummaryOfSimulateWithThoseValues() throws IOException {
        Path csv = folder.resolve("map.csv");
        Invocation invocation = sweep(BASE, "--x", "g=0:0.15:2", "--y", "offset=-41:-38:2", "--seeds", "2",
                "--out", csv.toString(), "--quiet");
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals("", invocation.out() + invocation.err());

        List<String> lines = Files.readAllLines(csv);
        assertEquals("g,offset,seed,total_spikes,mean_rate_hz,mean_cv_isi,fraction_silent,synchrony", lines.get(0));
        assertEquals(1 + 2 * 2 * 2, lines.size());
        ObjectMapper json = new ObjectMapper();
        boolean someCv = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", -1);
            Path summaryFile = folder.resolve("summary-" + row[0] + "_" + row[1] + "_" + row[2] + ".json");
            List<String> simulate = new ArrayList<>(List.of("simulate", "--n", "120", "--T", "0.3", "--g", row[0],
                    "--offset", row[1], "--seed", row[2], "--summary", summaryFile.toString(), "--quiet"));
            assertEquals(0, Invocation.of(simulate).exitCode());
            JsonNode summary = json.readTree(summaryFile.toFile());
            assertEquals(summary.get("total_spikes").asLong(), Long.parseLong(row[3]), line);
            assertEquals(summary.get("mean_rate_hz").asDouble(), Double.parseDouble(row[4]), line);
            assertEquals(text(summary.get("mean_cv_isi")), row[5], line);
            assertEquals(summary.get("fraction_silent").asDouble(), Double.parseDouble(row[6]), line);
            assertEquals(text(summary.get("synchrony")), row[7], line);
            someCv |= !row[5].isEmpty();
        }
        assertTrue(someCv, "the grid has a firing regime");

        JsonNode sidecar = json.readTree(folder.resolve("map.json").toFile());
        assertEquals("g", sidecar.get("x").get("name").asText());
        assertEquals(0.15, sidecar.get("x").get("to").asDouble());
        assertEquals(2, sidecar.get("seeds").asInt());
        assertEquals(120, sidecar.get("params").get("n").asInt());
        assertEquals("dev", sidecar.get("app_version").asText());
        double seconds = sidecar.get("sweep_seconds").asDouble();
        assertTrue(seconds > 0 && seconds < 60, "sweep_seconds " + seconds);
    }

    @Test
    void anAxisOfNBelowTheDefaultNrecRecordsWhatTheSmallestNetworkHas() throws IOException {
        // The default nrec (10) once refused an axis of n starting below it, though --nrec was never given.
        Path csv = folder.resolve("small.csv");
        Invocation invocation = sweep(List.of("--T", "0.1", "--seed", "11"), "--x", "n=4:40:3", "--y",
                "g=0:0.1:2", "--out", csv.toString(), "--quiet");
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertEquals(1 + 3 * 2, Files.readAllLines(csv).size());
        JsonNode sidecar = new ObjectMapper().readTree(folder.resolve("small.json").toFile());
        assertEquals(4, sidecar.get("params").get("nrec").asInt(), "nrec = min(10, the smallest n)");
    }

    /** A number of the summary as the CSV writes it: Double.toString, or empty for null (JSON has no NaN). */
    private static String text(JsonNode value) {
        return value.isNull() ? "" : Double.toString(value.asDouble());
    }

    @Test
    void theFiguresShowFourHeatMapsWithTheirColourBars() throws IOException {
        Path png = folder.resolve("map.png");
        Path svg = folder.resolve("map.svg");
        Invocation invocation = sweep(BASE, "--x", "g=0:0.15:2", "--y", "offset=-41:-38:2", "--png", png.toString(),
                "--svg", svg.toString());
        assertEquals(0, invocation.exitCode(), invocation.err());
        assertTrue(invocation.out().startsWith("2 x 2 cells, 1 seed: "), invocation.out());

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(MapFigure.WIDTH, image.getWidth());
        assertEquals(MapFigure.HEIGHT, image.getHeight());
        String document = Files.readString(svg);
        for (String title : List.of("Mean rate (Hz)", "Mean CV of ISIs", "Fraction silent", "Synchrony, log scale")) {
            assertTrue(document.contains(">" + title + "</text>"), title);
        }
        // On a scale from the lowest to the highest rate, the slowest cell is viridis's darkest colour and the
        // fastest its brightest.
        assertTrue(document.contains("fill=\"#" + String.format("%06x", Viridis.rgb(0)) + "\""), "darkest cell");
        assertTrue(document.contains("fill=\"#" + String.format("%06x", Viridis.rgb(1)) + "\""), "brightest cell");
        assertEquals("440154", String.format("%06X", Viridis.rgb(0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--x gg=0:1:3 --y offset=-50:-30:3 | spikefx sweep: Invalid value for option '--x': there is no parameter 'gg': the parameters are dt, T,",
        "--x g=0.2:0:3 --y offset=-50:-30:3 | spikefx sweep: Invalid value for option '--x': g=0.2:0:3: FROM must be below TO",
        "--x g=0:0.2:0 --y offset=-50:-30:3 | spikefx sweep: Invalid value for option '--x': COUNT = 0 is not allowed: COUNT must be a whole number from 1 to 101",
        "--x g=0:0.2:101 --y offset=-50:-30:101 --seeds 2 | spikefx sweep: Invalid value for option '--seeds': the sweep has 101 x 101 cells x 2 seeds = 20402 runs: at most 10201 are allowed",
        "--x g=0:0.2:3 --y g=0:0.1:3 | spikefx sweep: Invalid value for option '--y': both axes vary g: choose two different parameters",
        "--x g=0:0.2:3 --y vreset=-70:-40:3 | spikefx sweep: Invalid value for option '--y': vreset = -40 is not allowed: vreset must be below vpeak (-40)",
        "--x g=0:0.2:3 --y offset=-50:-30:3 --seeds 0 | spikefx sweep: Invalid value for option '--seeds': seeds = 0 is not allowed",
        "--x g=0:0.2:3 --y seed=4294967294:4294967295:2 --seeds 2 | spikefx sweep: Invalid value for option '--seeds': seed = 4294967296 is not allowed",
        "--x g=0:0.2:3 --y n=10:20:3 --nrec 12 | spikefx sweep: Invalid value for option '--y': n goes down to 10, below nrec = 12 (--nrec): give --nrec 10 or less, or start the axis at n = 12 or more",
        "--x g=0:0.2:3 --y offset=-50:-30:3 --seeds two | spikefx sweep: Invalid value for option '--seeds': 'two' is not a whole number",
        "--x g=0:0.2:3 --y offset=-50:-30:3 --out map.txt | spikefx sweep: Invalid value for option '--out': 'map.txt' does not end in .csv",
        "--y offset=-50:-30:3 --out map.csv | spikefx sweep: Missing required option: '--x=NAME=FROM:TO:COUNT'",
        "--x g=0:0.2:3 --y offset=-50:-30:3 | spikefx sweep: nothing to write: give --out FILE.csv, --png FILE or --svg FILE",
    })
    void badInputIsRefusedWithOneLineAndNothingRuns(String args, String expected) throws IOException {
        List<String> all = new ArrayList<>(List.of(args.split(" ")));
        if (!args.contains("--out") && !expected.contains("nothing to write")) {
            all.addAll(List.of("--out", folder.resolve("map.csv").toString()));
        } else if (args.contains("--out")) {
            int at = all.indexOf("--out") + 1;
            all.set(at, folder.resolve(all.get(at)).toString());
        }
        Invocation invocation = sweep(List.of(), all.toArray(String[]::new));
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode(), invocation.err());
        assertEquals(1, invocation.errLines().size(), invocation.err());
        assertTrue(invocation.err().startsWith(expected.replace("map.txt", folder.resolve("map.txt").toString())),
                invocation.err());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
    }
}
