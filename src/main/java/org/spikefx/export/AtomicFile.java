package org.spikefx.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes a file so that it is either complete or absent: the content goes to a temporary file in
 * the same folder, which is synced to the disk and renamed over the target only once everything is
 * written. A failure of any kind (full disk, read-only folder, an interrupt, running out of memory)
 * removes the temporary file and leaves the old file, if any, untouched. Several files that belong
 * together are written with {@link AtomicFiles}, or with this class inside {@link AtomicFiles#together}.
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
        AtomicFiles together = AtomicFiles.gathering();
        if (together != null) {
            // One of several files that appear together (AtomicFiles.together): committed with the others.
            writeInto(together, target, content);
            return;
        }
        try (AtomicFiles files = new AtomicFiles()) {
            writeInto(files, target, content);
            files.commit();
        }
    }

    private static void writeInto(AtomicFiles files, Path target, Content content) throws IOException {
        try (OutputStream out = files.open(target)) {
            content.writeTo(out);
        } catch (OutputFileException named) {
            throw named;
        } catch (IOException e) {
            throw new OutputFileException(AtomicFiles.cannotWrite(target, reason(e)), e);
        }
    }

    /** The cause in a few words, never null and without Java class names. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof ClosedByInterruptException) {
            return "interrupted";
        }
        if (e instanceof ClosedChannelException) {
            return "the file was closed before it was complete";
        }
        String message = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return message == null || message.isBlank() ? "an input or output error" : message;
    }
}
