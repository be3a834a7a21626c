package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class NetworkFileTest {
    private static final String VERSION = "SpikeFX test";
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 301)
            .with(Parameter.SEED, 7).with(Parameter.T, 0.2);

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aNetworkReadBackIsTheOneWrittenAndStepsToTheSameSpikes(boolean narrowTargets) {
        RandomNetwork built = RandomNetwork.build(PARAMS, fraction -> { }, 1, narrowTargets);
        byte[] bytes = NetworkFile.encode(built, VERSION);
        assertEquals(NetworkFile.encodedSize(built, VERSION), bytes.length);

        RandomNetwork read = NetworkFile.decode(bytes, VERSION);
        assertSameNetwork(built, read);
        assertTrue(read.matches(PARAMS));
        assertEquals(RandomNetwork.Kind.BALANCED, read.kind());
        try (Simulation fromBuilt = new Simulation(PARAMS, built); Simulation fromRead = new Simulation(PARAMS, read)) {
            int spikes = 0;
            while (!fromBuilt.finished()) {
                fromBuilt.advance();
                fromRead.advance();
                assertArrayEquals(Arrays.copyOf(fromBuilt.spikers(), fromBuilt.spikeCount()),
                        Arrays.copyOf(fromRead.spikers(), fromRead.spikeCount()), "step " + fromBuilt.nextStep());
                spikes += fromBuilt.spikeCount();
            }
            assertTrue(spikes > 100, "the run spiked " + spikes + " times");
        }
    }

    @Test
    void aTrainedNetworkKeepsItsKindAndEncoder() {
        RandomNetwork built = RandomNetwork.build(PARAMS, RandomNetwork.Kind.TRAINED, fraction -> { });
        RandomNetwork read = NetworkFile.decode(NetworkFile.encode(built, VERSION), VERSION);
        assertEquals(RandomNetwork.Kind.TRAINED, read.kind());
        assertArrayEquals(built.encoder(40), read.encoder(40));
        assertSameNetwork(built, read);
    }

    @Test
    void bytesFromAnotherVersionAreRefused() {
        byte[] bytes = NetworkFile.encode(RandomNetwork.build(PARAMS), "SpikeFX 0.1.0, 1 bytes");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NetworkFile.decode(bytes, "SpikeFX 0.1.0, 2 bytes"));
        assertEquals("a network file of version SpikeFX 0.1.0, 1 bytes, not SpikeFX 0.1.0, 2 bytes", refused.getMessage());
    }

    @Test
    void changedOrShortenedBytesAreRefused() {
        byte[] bytes = NetworkFile.encode(RandomNetwork.build(PARAMS), VERSION);
        for (int at : new int[] {20, bytes.length / 2, bytes.length - 9, bytes.length - 1}) {
            byte[] changed = bytes.clone();
            changed[at] ^= 1;
            assertEquals("the network file is damaged (its checksum does not match)",
                    assertThrows(IllegalArgumentException.class, () -> NetworkFile.decode(changed, VERSION)).getMessage(),
                    "a bit changed at byte " + at);
        }
        byte[] shortened = Arrays.copyOf(bytes, bytes.length - 1000);
        assertThrows(IllegalArgumentException.class, () -> NetworkFile.decode(shortened, VERSION));
        assertEquals("not a SpikeFX network file", assertThrows(IllegalArgumentException.class,
                () -> NetworkFile.decode("{\"n\": 2000}".getBytes(StandardCharsets.UTF_8), VERSION)).getMessage());
        assertEquals("not a SpikeFX network file",
                assertThrows(IllegalArgumentException.class, () -> NetworkFile.decode(new byte[0], VERSION)).getMessage());
    }

    @Test
    void aMatrixThatCouldSendAStepOutOfItsArraysIsRefusedEvenWithARightChecksum() {
        RandomNetwork built = RandomNetwork.build(PARAMS);
        byte[] bytes = NetworkFile.encode(built, VERSION);
        // The first target of the first column, just after the header and the n + 1 column offsets.
        int header = 8 + 4 + 4 + VERSION.length() + 4 + 4 + 8 + 8 + 8 + 4 + 4 + 4;
        int firstTarget = header + 4 * (PARAMS.n() + 1);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(firstTargetOf(built), buffer.getChar(firstTarget), "the layout this test assumes");
        buffer.putChar(firstTarget, (char) PARAMS.n()); // a neuron that does not exist
        CRC32 checksum = new CRC32();
        checksum.update(bytes, 0, bytes.length - 8);
        buffer.putLong(bytes.length - 8, checksum.getValue());
        assertEquals("column 0 has a target out of order or out of range",
                assertThrows(IllegalArgumentException.class, () -> NetworkFile.decode(bytes, VERSION)).getMessage());
    }

    private static int firstTargetOf(RandomNetwork network) {
        for (int i = 0; i < network.neuronCount(); i++) {
            if (network.weights().weight(i, 0) != 0) {
                return i;
            }
        }
        throw new AssertionError("neuron 0 has no synapse");
    }

    private static void assertSameNetwork(RandomNetwork expected, RandomNetwork actual) {
        assertEquals(expected.neuronCount(), actual.neuronCount());
        assertEquals(expected.weights().synapseCount(), actual.weights().synapseCount());
        assertArrayEquals(expected.weights().columnStarts(), actual.weights().columnStarts());
        assertArrayEquals(expected.weights().narrowTargetArray(), actual.weights().narrowTargetArray());
        assertArrayEquals(expected.weights().wideTargetArray(), actual.weights().wideTargetArray());
        assertArrayEquals(expected.weights().weightArray(), actual.weights().weightArray());
        assertArrayEquals(expected.initialVoltages(-65), actual.initialVoltages(-65));
        for (int i = 0; i < expected.neuronCount(); i++) {
            assertEquals(expected.rowMean(i), actual.rowMean(i), "row mean " + i);
        }
    }
}
