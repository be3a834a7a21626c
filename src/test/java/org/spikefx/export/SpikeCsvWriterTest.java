package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class SpikeCsvWriterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void stepAndNeuronLinesInTheOrderGiven() throws IOException {
        try (SpikeCsvWriter csv = SpikeCsvWriter.stepAndNeuron(Path.of("spikes.csv"), bytes)) {
            csv.addStep(0, new int[] {1, 4, 9}, 2);
            csv.addSpikes(new int[] {3, 3, 7}, new int[] {0, 8, 2});
        }
        assertEquals("step,neuron\n0,1\n0,4\n3,0\n3,8\n7,2\n", bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void timeColumnIsStepTimesDtWithTheDecimalsOfDt() throws IOException {
        try (SpikeCsvWriter csv = SpikeCsvWriter.withTime(Path.of("spikes.csv"), bytes, 5e-5)) {
            csv.addStep(0, new int[] {4}, 1);
            csv.addStep(3, new int[] {7}, 1);
            csv.addStep(20000, new int[] {2}, 1);
        }
        assertEquals("step,neuron,t\n0,4,0.00000\n3,7,0.00015\n20000,2,1.00000\n",
                bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aNameEndingInGzIsCompressed() throws IOException {
        try (SpikeCsvWriter csv = SpikeCsvWriter.stepAndNeuron(Path.of("out", "spikes.csv.gz"), bytes)) {
            csv.addStep(12, new int[] {5}, 1);
        }
        byte[] compressed = bytes.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0x1f, (byte) 0x8b}, Arrays.copyOf(compressed, 2), "gzip magic");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertEquals("step,neuron\n12,5\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }
}
