package org.spikefx.ui;

import java.io.IOException;
import java.lang.System.Logger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.NetworkFile;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.export.AtomicFile;
import org.spikefx.export.Sidecar;
import org.spikefx.params.NetworkParameters;
import org.spikefx.run.NetworkStore;

/**
 * The network of the last launch, kept in one file of the user's cache folder, so that the next launch
 * reads it instead of building it. Built cold, the default network takes about a third of a second of a
 * core while JavaFX starts on the same two; read, a few milliseconds.
 *
 * <p>The app image also ships the default network's file beside its jar, written by a launch when the image
 * was made: read when the user's cache has no network for a launch, so that even the first launch after
 * installing reads its network. It is never written.
 *
 * <p>The file names the jar that wrote it (its version, size and time): another build of SpikeFX, whose
 * network code may differ, builds its own. A run from the build's classes (a developer's) keeps nothing,
 * for the same reason. A file that is damaged, of another network or of another build is ignored and
 * replaced by the next launch's network. It is written whole or not at all, on a thread of its own after
 * the build, and only for networks up to {@link #MAX_BYTES}: larger ones take long to read too,
 * and would fill the user's disk.
 */
final class LaunchNetworkCache implements NetworkStore {
    /** The folder of the cache, or "off" for none; the tests' and benchmarks' way to choose. */
    static final String FOLDER_PROPERTY = "spikefx.cache";
    static final String FILE_NAME = "launch-network.bin";
    /** Networks up to this size are kept: n = 5000 at p = 0.1 (25 MB) is, n = 10,000 (100 MB) is not. */
    static final long MAX_BYTES = 64L << 20;
    private static final Logger LOG = System.getLogger(LaunchNetworkCache.class.getName());

    private final Path file;
    /** A copy made when the app was packaged, beside its jar, read when the user's is missing or unusable; or null. */
    private final Path shipped;
    private final String builtBy;
    private final long maxBytes;

    /** A cache in this file, for networks written by {@code builtBy} whose files take up to {@code maxBytes}. */
    LaunchNetworkCache(Path file, String builtBy, long maxBytes) {
        this(file, null, builtBy, maxBytes);
    }

    /** ... which, when the file has no network for a launch, looks in {@code shipped} (never written) too. */
    LaunchNetworkCache(Path file, Path shipped, String builtBy, long maxBytes) {
        this.file = file;
        this.shipped = shipped;
        this.builtBy = builtBy;
        this.maxBytes = maxBytes;
    }

    /** The user's cache, or {@link NetworkStore#NONE} when running from classes or when turned off. */
    static NetworkStore forThisBuild() {
        String folder = System.getProperty(FOLDER_PROPERTY);
        if ("off".equals(folder)) {
            return NONE;
        }
        Path jar = runningJar();
        String builtBy = jar == null ? null : nameOf(jar);
        if (builtBy == null) {
            return NONE;
        }
        Path at = folder != null ? Path.of(folder) : userCacheFolder();
        // The app image ships the default network beside its jar, written by a launch at package time.
        return at == null ? NONE : new LaunchNetworkCache(at.resolve(FILE_NAME), jar.resolveSibling(FILE_NAME), builtBy,
                MAX_BYTES);
    }

    /** The jar this program runs from; null when it runs from classes. */
    private static Path runningJar() {
        try {
            CodeSource source = LaunchNetworkCache.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            return jar != null && Files.isRegularFile(jar) ? jar : null;
        } catch (URISyntaxException | RuntimeException unknown) {
            LOG.log(Logger.Level.DEBUG, "the running jar could not be found; no network is kept", unknown);
            return null;
        }
    }

    /** A jar named by SpikeFX's version, the jar's size and its time; null if it cannot be read. */
    static String nameOf(Path jar) {
        try {
            return String.format(Locale.ROOT, "SpikeFX %s, %d bytes, %s", Sidecar.appVersion(), Files.size(jar),
                    Files.getLastModifiedTime(jar));
        } catch (IOException unreadable) {
            LOG.log(Logger.Level.DEBUG, "the running jar could not be named; no network is kept", unreadable);
            return null;
        }
    }

    /**
     * Where the platform keeps a user's caches: {@code %LOCALAPPDATA%\SpikeFX\cache} on Windows,
     * {@code ~/Library/Caches/SpikeFX} on macOS, {@code $XDG_CACHE_HOME/spikefx} (by default
     * {@code ~/.cache/spikefx}) elsewhere. Null if the user has no home folder.
     */
    static Path userCacheFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        String localAppData = System.getenv("LOCALAPPDATA");
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (os.startsWith("windows") && localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "SpikeFX", "cache");
        }
        if (home == null || home.isBlank()) {
            return null;
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Caches", "SpikeFX");
        }
        return xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "spikefx") : Path.of(home, ".cache", "spikefx");
    }

    @Override
    public RandomNetwork find(NetworkParameters params, ModelFactory factory) {
        RandomNetwork kept = read(file, params, factory);
        return kept != null || shipped == null ? kept : read(shipped, params, factory);
    }

    private RandomNetwork read(Path from, NetworkParameters params, ModelFactory factory) {
        try {
            if (Files.size(from) > maxBytes) {
                return null; // not one this cache wrote: it keeps nothing larger
            }
            RandomNetwork kept = NetworkFile.decode(Files.readAllBytes(from), builtBy);
            return factory.canReuse(kept, params) ? kept : null;
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException | IllegalArgumentException | OutOfMemoryError unusable) {
            // Another build's, damaged or unreadable: this launch builds the network and replaces it.
            LOG.log(Logger.Level.DEBUG, "the kept network in " + from + " was not used", unusable);
            return null;
        }
    }

    @Override
    public void keep(RandomNetwork network) {
        if (NetworkFile.encodedSize(network, builtBy) > maxBytes) {
            return;
        }
        Thread writer = new Thread(() -> write(network), "network-cache");
        writer.setDaemon(false); // a launch closed at once still finishes (or abandons, atomically) its file
        writer.setPriority(Thread.MIN_PRIORITY);
        writer.start();
    }

    /** Writes the network's file now, on this thread; false (and nothing changed) if it could not be. */
    boolean write(RandomNetwork network) {
        try {
            byte[] bytes = NetworkFile.encode(network, builtBy);
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, out -> out.write(bytes));
            return true;
        } catch (IOException | RuntimeException | OutOfMemoryError unwritable) {
            // Only a cache: the next launch builds the network again.
            LOG.log(Logger.Level.DEBUG, "the network could not be kept in " + file, unwritable);
            return false;
        }
    }
}
