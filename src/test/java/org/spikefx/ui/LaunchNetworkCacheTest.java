package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.NetworkStore;

class LaunchNetworkCacheTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 300);
    private static final RandomNetwork NETWORK = RandomNetwork.build(PARAMS);
    private static final String BUILD = "SpikeFX 0.1.0, 1000 bytes, 2026-11-30T12:00:00Z";

    @TempDir
    Path folder;

    private LaunchNetworkCache cache(String builtBy) {
        return new LaunchNetworkCache(folder.resolve("cache").resolve(LaunchNetworkCache.FILE_NAME), builtBy,
                LaunchNetworkCache.MAX_BYTES);
    }

    @Test
    void aKeptNetworkIsFoundByTheSameBuildForTheSameNetwork() throws InterruptedException {
        LaunchNetworkCache cache = cache(BUILD);
        assertNull(cache.find(PARAMS, MainWindow.SPONTANEOUS), "nothing kept yet, and no folder either");
        cache.keep(NETWORK); // on a thread of its own
        RandomNetwork found = waitForFind(cache, PARAMS);
        assertArrayEquals(NETWORK.initialVoltages(-65), found.initialVoltages(-65));
        assertEquals(NETWORK.weights().sumOfSquares(), found.weights().sumOfSquares());

        assertTrue(MainWindow.SPONTANEOUS.canReuse(found, PARAMS.with(Parameter.OFFSET, -38)));
        assertNotNullFind(cache, PARAMS.with(Parameter.OFFSET, -38), "parameters outside the network's own");
        assertNull(cache.find(PARAMS.with(Parameter.SEED, 8), MainWindow.SPONTANEOUS), "another seed");
        assertNull(cache.find(PARAMS.with(Parameter.N, 301), MainWindow.SPONTANEOUS), "another n");
        assertNull(cache(BUILD + " (rebuilt)").find(PARAMS, MainWindow.SPONTANEOUS), "another build's file");
    }

    @Test
    void aDamagedFileIsIgnoredAndReplacedByTheNextNetworkKept() throws IOException {
        LaunchNetworkCache cache = cache(BUILD);
        assertTrue(cache.write(NETWORK));
        Path file = folder.resolve("cache").resolve(LaunchNetworkCache.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 4;
        Files.write(file, bytes);
        assertNull(cache.find(PARAMS, MainWindow.SPONTANEOUS));

        assertTrue(cache.write(NETWORK));
        assertTrue(cache.find(PARAMS, MainWindow.SPONTANEOUS) != null);
        try (var names = Files.list(file.getParent())) {
            assertEquals(1, names.count(), "one file, nothing left half-written beside it");
        }
    }

    @Test
    void theNetworkShippedBesideTheJarServesWhenTheUsersCacheHasNoneAndIsNeverWritten() throws IOException {
        Path shipped = folder.resolve("app").resolve(LaunchNetworkCache.FILE_NAME);
        assertTrue(new LaunchNetworkCache(shipped, BUILD, LaunchNetworkCache.MAX_BYTES).write(NETWORK));
        byte[] shippedBytes = Files.readAllBytes(shipped);
        Path user = folder.resolve("user").resolve(LaunchNetworkCache.FILE_NAME);
        LaunchNetworkCache cache = new LaunchNetworkCache(user, shipped, BUILD, LaunchNetworkCache.MAX_BYTES);

        assertArrayEquals(NETWORK.initialVoltages(-65), cache.find(PARAMS, MainWindow.SPONTANEOUS).initialVoltages(-65),
                "an empty cache: the shipped network");
        RandomNetwork other = RandomNetwork.build(PARAMS.with(Parameter.SEED, 8));
        assertTrue(cache.write(other));
        assertTrue(cache.find(PARAMS.with(Parameter.SEED, 8), MainWindow.SPONTANEOUS) != null, "the user's own");
        assertTrue(cache.find(PARAMS, MainWindow.SPONTANEOUS) != null, "the user's is another network: the shipped one");
        assertNull(new LaunchNetworkCache(user, shipped, BUILD + " (rebuilt)", LaunchNetworkCache.MAX_BYTES)
                .find(PARAMS, MainWindow.SPONTANEOUS), "another build's files, shipped or kept");
        assertArrayEquals(shippedBytes, Files.readAllBytes(shipped), "the shipped file is only read");
    }

    @Test
    void networksLargerThanTheLimitAreNotKept() throws InterruptedException {
        Path file = folder.resolve(LaunchNetworkCache.FILE_NAME);
        LaunchNetworkCache small = new LaunchNetworkCache(file, BUILD, 1000);
        small.keep(NETWORK);
        TimeUnit.MILLISECONDS.sleep(300);
        assertFalse(Files.exists(file), "a network of about 100 kB is not kept under a limit of 1000 bytes");
    }

    @Test
    void aCacheInAPlaceThatCannotBeWrittenLosesNothingButTime() throws IOException {
        Path notAFolder = folder.resolve("plain-file");
        Files.writeString(notAFolder, "a file where the folder should be");
        LaunchNetworkCache cache = new LaunchNetworkCache(notAFolder.resolve(LaunchNetworkCache.FILE_NAME), BUILD,
                LaunchNetworkCache.MAX_BYTES);
        assertFalse(cache.write(NETWORK));
        assertNull(cache.find(PARAMS, MainWindow.SPONTANEOUS));
        assertEquals("a file where the folder should be", Files.readString(notAFolder));
    }

    @Test
    void aRunFromClassesOrWithTheCacheTurnedOffKeepsNothing() {
        // The tests run from the build's classes, and with the cache turned off (see the pom).
        assertSame(NetworkStore.NONE, LaunchNetworkCache.forThisBuild());
        String before = System.getProperty(LaunchNetworkCache.FOLDER_PROPERTY);
        System.setProperty(LaunchNetworkCache.FOLDER_PROPERTY, folder.toString());
        try {
            assertSame(NetworkStore.NONE, LaunchNetworkCache.forThisBuild(), "classes, not a jar");
        } finally {
            if (before == null) {
                System.clearProperty(LaunchNetworkCache.FOLDER_PROPERTY);
            } else {
                System.setProperty(LaunchNetworkCache.FOLDER_PROPERTY, before);
            }
        }
    }

    @Test
    void theUserCacheFolderIsThePlatformsOwn() {
        Path at = LaunchNetworkCache.userCacheFolder();
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        assertTrue(at.isAbsolute(), at.toString());
        if (os.startsWith("linux")) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            assertEquals(xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "spikefx")
                    : Path.of(System.getProperty("user.home"), ".cache", "spikefx"), at);
        }
    }

    private static RandomNetwork waitForFind(NetworkStore cache, NetworkParameters params) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RandomNetwork found;
        while ((found = cache.find(params, MainWindow.SPONTANEOUS)) == null && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertTrue(found != null, "the kept network is found within 10 s");
        return found;
    }

    private static void assertNotNullFind(NetworkStore cache, NetworkParameters params, String why) {
        assertTrue(cache.find(params, ModelFactory.BALANCED) != null, why);
    }
}
