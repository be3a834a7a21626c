package org.spikefx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.export.AtomicFiles;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class MapFilesTest {
    @TempDir
    Path folder;

    /** A map with awkward values: decimals that are not exact in binary, NaN (no CV, no synchrony), several seeds. */
    private static SweepMap map() {
        SweepSpec spec = new SweepSpec(new Axis(Parameter.G, new BigDecimal("0"), new BigDecimal("0.2"), 3),
                new Axis(Parameter.TM, new BigDecimal("0.005"), new BigDecimal("0.015"), 2),
                NetworkParameters.DEFAULTS.with(Parameter.SEED, 7), 2);
        SweepMap map = new SweepMap(spec);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    boolean silent = i == 0 && j == 0;
                    map.put(new CellRun(i, j, k, 7 + k, new CellStatistics(silent ? 0 : 1000L * i + 10L * j + k,
                            silent ? 0 : 0.1 + i / 3.0 + k, silent ? Double.NaN : 1 / 7.0 * (j + 1),
                            silent ? 1 : 0.3, silent ? Double.NaN : Math.PI * k)));
                }
            }
        }
        return map;
    }

    @Test
    void aMapReadsBackEqualToWhatWasWritten() throws IOException {
        SweepMap written = map();
        Path csv = folder.resolve("map.csv");
        try (AtomicFiles files = new AtomicFiles()) {
            MapFiles.write(written, 12.5, 2, csv, files);
            files.commit();
        }
        MapFiles.Loaded read = MapFiles.read(csv);

        assertEquals(written, read.map());
        assertEquals(12.5, read.sweepSeconds());
        assertTrue(Files.exists(folder.resolve("map.json")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("g,tm,seed,total_spikes,mean_rate_hz,mean_cv_isi,fraction_silent,synchrony", lines.get(0));
        assertEquals(1 + 12, lines.size(), "one row per cell and seed");
        assertEquals("0,0.005,7,0,0.0,,1.0,", lines.get(1), "a silent run has no CV and no synchrony");
        assertTrue(lines.get(5).startsWith("0.1,0.005,7,1000,"), lines.get(5));
    }

    @Test
    void theMeanOfACellLeavesOutSeedsWithoutAValue() {
        SweepMap map = map();
        assertEquals(Math.PI / 2, map.mean(MapStatistic.SYNCHRONY, 1, 0), 1e-15);
        assertEquals(Math.PI / 2, map.spread(MapStatistic.SYNCHRONY, 1, 0), 1e-15);
        assertTrue(Double.isNaN(map.mean(MapStatistic.MEAN_CV, 0, 0)));
        assertEquals(1.0, map.mean(MapStatistic.FRACTION_SILENT, 0, 0));
    }

    @Test
    void aCsvThatDoesNotMatchItsSidecarIsRefusedWithTheLine() throws IOException {
        Path csv = folder.resolve("map.csv");
        try (AtomicFiles files = new AtomicFiles()) {
            MapFiles.write(map(), 1, 1, csv, files);
            files.commit();
        }
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, List.of(lines.get(0), lines.get(1), lines.get(1)));
        IOException twice = assertThrows(IOException.class, () -> MapFiles.read(csv));
        assertTrue(twice.getMessage().contains("line 3") && twice.getMessage().contains("appears twice"),
                twice.getMessage());

        Files.write(csv, List.of(lines.get(0), lines.get(1).replaceFirst("^0,", "0.05,")));
        IOException offGrid = assertThrows(IOException.class, () -> MapFiles.read(csv));
        assertTrue(offGrid.getMessage().contains("g = 0.05 is not a value of g=0:0.2:3"), offGrid.getMessage());

        Files.delete(folder.resolve("map.json"));
        IOException alone = assertThrows(IOException.class, () -> MapFiles.read(csv));
        assertTrue(alone.getMessage().contains("map.json is missing"), alone.getMessage());
    }

    @Test
    void aPartialMapKeepsItsMissingCellsMissing() throws IOException {
        SweepMap full = map();
        SweepMap partial = new SweepMap(full.spec());
        full.runs().subList(0, 5).forEach(partial::put);
        Path csv = folder.resolve("partial.csv");
        try (AtomicFiles files = new AtomicFiles()) {
            MapFiles.write(partial, 3, 2, csv, files);
            files.commit();
        }
        SweepMap read = MapFiles.read(csv).map();
        assertEquals(partial, read);
        assertFalse(read.isComplete());
        assertFalse(read.hasCell(2, 1));
    }
}
