package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path folder;

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("data.csv");
        AtomicFile.write(target, out -> out.write("a,b\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("a,b\n", Files.readString(target));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailureMidwayKeepsTheOldFileAndRemovesThePartialOne() throws IOException {
        Path target = folder.resolve("data.csv");
        Files.writeString(target, "old");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target + ": No space left on device", failure.getMessage());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no partial file left behind");
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        Path target = folder.resolve("missing").resolve("data.csv");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> { }));
        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "text");
        Path target = notAFolder.resolve("data.csv");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> { }));
        assertEquals("cannot write " + target + ": " + notAFolder + " is a file, not a folder", failure.getMessage());
    }

    @Test
    void theFileGetsThePermissionsOfAnyNewFile() throws IOException {
        Path target = folder.resolve("shared.csv");
        AtomicFile.write(target, out -> out.write(1));
        Path ordinary = Files.createFile(folder.resolve("ordinary.csv"));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));
    }
}
