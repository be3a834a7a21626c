package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class VoltageCsvWriterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void headerNamesTheRecordedNeuronsAndRowsFollowStepByStepOrByChunk() throws IOException {
        try (VoltageCsvWriter csv = new VoltageCsvWriter(Path.of("v.csv"), bytes, 1e-4, new int[] {3, 8})) {
            csv.addStep(0, new double[] {-65.0, 30.0});
            csv.addSteps(1, 2, new double[] {-64.5, 29.999999999999993, -64.25, -40.125});
        }
        assertEquals("""
                t,v3,v8
                0.0000,-65.0,30.0
                0.0001,-64.5,29.999999999999993
                0.0002,-64.25,-40.125
                """, bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void everyVoltageReadsBackExactly() throws IOException {
        double[] awkward = {0.1 + 0.2, -61.06555806151282, Math.nextUp(-40.0), 1e-300};
        try (VoltageCsvWriter csv = new VoltageCsvWriter(Path.of("v.csv"), bytes, 5e-5, new int[] {0, 1, 2, 3})) {
            csv.addStep(7, awkward);
        }
        List<String> lines = bytes.toString(StandardCharsets.US_ASCII).lines().toList();
        String[] row = lines.get(1).split(",");
        assertEquals("0.00035", row[0]);
        for (int r = 0; r < awkward.length; r++) {
            assertEquals(awkward[r], Double.parseDouble(row[r + 1]), 0.0, "column v" + r);
        }
    }
}
