package org.spikefx.export;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.spikefx.Messages;

/**
 * Files written together, so that either all of them appear, complete, or none does: the output
 * files of one run. Each is written to a temporary file in its own folder; {@link #commit()} syncs
 * every temporary file to the disk and only then renames them over their targets, one after the
 * other. If a rename fails, the files already renamed are undone: the older file of the name is put
 * back (kept meanwhile by a second link), or the name removed if it was new. Closing the group removes
 * every temporary file that was not committed, whatever ended the writing (a full disk, an
 * interrupt, running out of memory), so that a failure never leaves a half-written file, nor a
 * complete file of a run that failed.
 *
 * <p>Targets must be regular files or new names: a rename would replace a device, a pipe or a
 * symbolic link by a regular file, and a folder cannot be replaced at all.
 *
 * <pre>
 * try (AtomicFiles files = new AtomicFiles()) {
 *     try (OutputStream a = files.open(first); OutputStream b = files.open(second)) { ... }
 *     files.commit();
 * }
 * </pre>
 */
public final class AtomicFiles implements AutoCloseable {
    /**
     * The longest file name most file systems allow, in bytes (Linux and macOS; Windows counts 255
     * UTF-16 units, which is never fewer characters).
     */
    public static final int MAX_NAME_BYTES = 255;
    /** Characters of the target's name kept in the temporary name, so that one left by a crash shows its origin. */
    private static final int NAME_PREFIX = 40;
    private static final String TEMPORARY_SUFFIX = ".part";
    private static final System.Logger LOG = System.getLogger(AtomicFiles.class.getName());

    /** The group that {@link #together} gathers the files of this thread into, if any. */
    private static final ThreadLocal<AtomicFiles> GATHERING = new ThreadLocal<>();
    /** Every temporary file of this program not yet renamed or removed, for {@link #removeUnfinished()}. */
    private static final Set<Path> UNFINISHED = ConcurrentHashMap.newKeySet();

    private final List<Pending> pending = new ArrayList<>();
    private boolean committed;

    /** Work that writes files and may fail. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs the work with every {@link AtomicFile#write} it makes on this thread gathered into one group,
     * committed when the work is done: the files appear together, or, if the work fails, none of them.
     * Within other such work, it simply joins the outer group.
     */
    public static <T> T together(Work<T> work) throws IOException {
        if (GATHERING.get() != null) {
            return work.run();
        }
        try (AtomicFiles files = new AtomicFiles()) {
            T result;
            GATHERING.set(files);
            try {
                result = work.run();
            } finally {
                GATHERING.remove();
            }
            files.commit();
            return result;
        }
    }

    /** The group being gathered on this thread by {@link #together}, or null. */
    static AtomicFiles gathering() {
        return GATHERING.get();
    }

    /**
     * Starts a file: the returned stream writes its temporary file. Close the stream when the content
     * is complete, then {@link #commit()} the group.
     *
     * @throws IOException with a one-line message naming the target, if it cannot be written
     */
    public OutputStream open(Path target) throws IOException {
        if (committed) {
            throw new IllegalStateException("the files are committed already");
        }
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new OutputFileException(cannotWrite(target, folder != null && Files.exists(folder)
                    ? folder + " is a file, not a folder" : "folder " + folder + " does not exist"));
        }
        String notRegular = notRegularFile(absolute);
        if (notRegular != null) {
            throw new OutputFileException(cannotWrite(target, notRegular));
        }
        for (Pending file : pending) {
            if (file.absolute.equals(absolute)) {
                throw new OutputFileException(cannotWrite(target, "it is already one of the files being written"));
            }
        }
        Pending file = create(target, absolute, folder);
        pending.add(file);
        return file.stream;
    }

    /**
     * Syncs every file to the disk and renames it to its target. Every stream opened must be closed.
     * If a rename fails, the renames already made are undone (older files put back), so that none of the group is left.
     *
     * @throws IOException with a one-line message naming the target at fault
     */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("the files are committed already");
        }
        for (Pending file : pending) {
            if (!file.stream.closed) {
                throw new IllegalStateException(file.target + " is still being written");
            }
            try {
                file.channel.force(true);
                file.channel.close();
            } catch (IOException e) {
                throw new OutputFileException(cannotWrite(file.target, reason(e)), e);
            }
        }
        List<Pending> renamed = new ArrayList<>();
        // The older file of each name, kept by a second link until every rename has succeeded.
        Map<Pending, Path> older = new HashMap<>();
        try {
            for (Pending file : pending) {
                Path kept = keepOlder(file);
                if (kept != null) {
                    older.put(file, kept);
                }
                rename(file);
                renamed.add(file);
            }
        } catch (IOException | RuntimeException | Error e) {
            for (Pending file : renamed) {
                putBack(file, older.remove(file));
            }
            older.values().forEach(AtomicFiles::deleteQuietly);
            throw e;
        }
        older.values().forEach(AtomicFiles::deleteQuietly);
        committed = true;
        pending.stream().map(file -> file.folder).distinct().forEach(AtomicFiles::syncFolder);
    }

    /** Removes every temporary file not committed; never throws, so that it cannot hide what went wrong. */
    @Override
    public void close() {
        for (Pending file : pending) {
            try {
                file.channel.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "closing " + file.temporary, e);
            }
            deleteQuietly(file.temporary);
        }
        pending.clear();
    }

    /**
     * Removes the temporary files of every group still being written, in any thread: for a program
     * that must end now (Ctrl-C) while a thread is still writing and cannot clean up in time.
     */
    public static void removeUnfinished() {
        for (Path temporary : List.copyOf(UNFINISHED)) {
            deleteQuietly(temporary);
        }
    }

    /**
     * Why the path cannot be an output, or null if it can: it is a regular file (followed through no
     * link) or does not exist.
     */
    public static String notRegularFile(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException doesNotExist) {
            return null;
        }
        String kind;
        if (attributes.isRegularFile()) {
            return null;
        } else if (attributes.isDirectory()) {
            kind = "a folder";
        } else if (attributes.isSymbolicLink()) {
            kind = "a symbolic link";
        } else {
            kind = "a device, pipe or other special file";
        }
        return "it is " + kind + "; an output must be a regular file or a new name";
    }

    /** The message of every failure to write a file: the user's file and the cause in a few words. */
    static String cannotWrite(Path target, String reason) {
        return "cannot write " + target + ": " + reason;
    }

    private static String reason(IOException e) {
        return AtomicFile.reason(e);
    }

    private static Pending create(Path target, Path absolute, Path folder) throws IOException {
        // A short name of our own, whatever the length of the target's: a legal name must not fail for
        // the temporary one. Not Files.createTempFile, whose owner-only permissions the rename would keep.
        for (int attempt = 0; ; attempt++) {
            Path temporary = folder.resolve(shortName(absolute, TEMPORARY_SUFFIX));
            try {
                FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                UNFINISHED.add(temporary);
                return new Pending(target, absolute, folder, temporary, channel);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 3) {
                    throw new OutputFileException(cannotWrite(target, "no free temporary name in " + folder), taken);
                }
            } catch (IOException e) {
                throw new OutputFileException(cannotWrite(target, reason(e)), e);
            }
        }
    }

    /** A hidden name of our own beside the target, short whatever the target's length, random, with this ending. */
    private static String shortName(Path absolute, String suffix) {
        String name = absolute.getFileName().toString();
        String prefix = name.codePoints().limit(NAME_PREFIX)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String random = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, Character.MAX_RADIX);
        return "." + prefix + "." + random + suffix;
    }

    private static void rename(Pending file) throws IOException {
        // Checked again at the last moment: the target may have changed since the file was opened.
        String notRegular = notRegularFile(file.absolute);
        if (notRegular != null) {
            throw new OutputFileException(cannotWrite(file.target, notRegular));
        }
        try {
            try {
                Files.move(file.temporary, file.absolute, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file.temporary, file.absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            UNFINISHED.remove(file.temporary);
        } catch (IOException e) {
            throw new OutputFileException(cannotWrite(file.target, reason(e)), e);
        }
    }

    /**
     * A second link to the file the target replaces, so that a group whose later rename fails can put
     * it back: null if there is none, or the file system has no hard links (the target is then removed).
     */
    private static Path keepOlder(Pending file) {
        if (!Files.isRegularFile(file.absolute, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path kept = file.folder.resolve(shortName(file.absolute, ".old"));
        try {
            Files.createLink(kept, file.absolute);
            UNFINISHED.add(kept);
            return kept;
        } catch (IOException | UnsupportedOperationException | SecurityException noLinks) {
            LOG.log(Level.DEBUG, "no second link to " + file.absolute, noLinks);
            return null;
        }
    }

    /** Undoes a rename: the older file back under its name, or the name removed if there was none. */
    private static void putBack(Pending file, Path kept) {
        if (kept == null) {
            deleteQuietly(file.absolute);
            return;
        }
        try {
            Files.move(kept, file.absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            UNFINISHED.remove(kept);
        } catch (IOException | RuntimeException e) {
            // The older file is the user's: it stays under its second name, never removed with the temporaries.
            UNFINISHED.remove(kept);
            deleteQuietly(file.absolute);
            LOG.log(Level.WARNING, "could not put back " + file.absolute + " (" + Messages.reason(e)
                    + "); the older file is kept as " + kept, e);
        }
    }

    /** Makes the renames themselves durable where the platform allows syncing a folder (not on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "syncing folder " + folder, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            UNFINISHED.remove(file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not remove " + file + ": " + e.getMessage(), e);
        }
    }

    /** One file of the group: its target, its temporary file and what writes it. */
    private static final class Pending {
        final Path target;
        final Path absolute;
        final Path folder;
        final Path temporary;
        final FileChannel channel;
        final ChannelStream stream;

        Pending(Path target, Path absolute, Path folder, Path temporary, FileChannel channel) {
            this.target = target;
            this.absolute = absolute;
            this.folder = folder;
            this.temporary = temporary;
            this.channel = channel;
            this.stream = new ChannelStream(target, channel);
        }
    }

    /**
     * A buffered stream into the temporary file. Closing it flushes the buffer but keeps the channel
     * open, so that the commit can sync the file before renaming it. A failure names the target.
     */
    private static final class ChannelStream extends OutputStream {
        private static final int BUFFER_BYTES = 1 << 16;
        private final Path target;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        boolean closed;

        ChannelStream(Path target, FileChannel channel) {
            this.target = target;
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ensureOpen();
            while (length > 0) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int chunk = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, chunk);
                offset += chunk;
                length -= chunk;
            }
        }

        @Override
        public void flush() throws IOException {
            ensureOpen();
            drain();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                drain();
                closed = true;
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new OutputFileException(cannotWrite(target, reason(e)), e);
            } finally {
                buffer.clear();
            }
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new OutputFileException(cannotWrite(target, "the file was closed before it was complete"));
            }
        }
    }
}
