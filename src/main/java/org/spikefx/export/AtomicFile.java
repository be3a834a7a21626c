package org.spikefx.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that it is either complete or absent: the content goes to a temporary file in
 * the same folder, which is renamed over the target only once everything is written and flushed.
 * A failure (full disk, read-only folder) leaves the old file, if any, untouched.
 */
public final class AtomicFile {

    /** Writes the content of one file; may throw, and then nothing is left behind. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @throws IOException with a one-line message naming the file and the cause
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": " + (folder != null && Files.exists(folder)
                    ? folder + " is a file, not a folder" : "folder " + folder + " does not exist"));
        }
        // A name of our own rather than Files.createTempFile, whose owner-only permissions the rename would keep.
        Path temporary = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            if (e instanceof IOException io) {
                throw new IOException("cannot write " + target + ": " + reason(io), io);
            }
            throw e;
        }
    }

    /** The cause in a few words, without Java class names. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        String message = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
