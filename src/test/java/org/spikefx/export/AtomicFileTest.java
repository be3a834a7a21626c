package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    @Test
    void anErrorSuchAsRunningOutOfMemoryAlsoRemovesThePartialFile() throws IOException {
        Path target = folder.resolve("data.csv");
        assertThrows(OutOfMemoryError.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new OutOfMemoryError("Java heap space");
        }));
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void aLegalNameOfMaximumLengthCanBeWritten() throws IOException {
        // The temporary name must not be longer than the target's, or a legal name would fail.
        Path target = folder.resolve("a".repeat(AtomicFiles.MAX_NAME_BYTES - 4) + ".csv");
        AtomicFile.write(target, out -> out.write("x\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("x\n", Files.readString(target));
        assertEquals(List.of(target), filesIn(folder));
    }

    @Test
    void aSymbolicLinkIsRefusedAndLeftAsItIs() throws IOException {
        Path precious = Files.writeString(folder.resolve("precious.txt"), "keep");
        Path link = Files.createSymbolicLink(folder.resolve("link.csv"), precious);
        IOException refused = assertThrows(IOException.class,
                () -> AtomicFile.write(link, out -> out.write(1)));
        assertEquals("cannot write " + link + ": it is a symbolic link; an output must be a regular file or a new"
                + " name", refused.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(precious));
        assertEquals(2, filesIn(folder).size());
    }

    @Test
    void aPipeIsRefusedAndLeftAsItIs() throws Exception {
        Path fifo = folder.resolve("pipe.csv");
        assumeTrue(makeFifo(fifo), "mkfifo is available");
        IOException refused = assertThrows(IOException.class,
                () -> AtomicFile.write(fifo, out -> out.write(1)));
        assertTrue(refused.getMessage().contains("special file"), refused.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a pipe");
    }

    @Test
    void aDeviceIsNeverAnOutput() {
        // Only asked, never written: as root, a rename over /dev/null would replace the system's device.
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "a Unix device to ask about");
        assertEquals("it is a device, pipe or other special file; an output must be a regular file or a new name",
                AtomicFiles.notRegularFile(device));
        assertEquals(null, AtomicFiles.notRegularFile(folder.resolve("new.csv")), "a new name is an output");
    }

    @Test
    void filesWrittenTogetherAppearOnlyWhenAllAreComplete() throws IOException {
        Path first = folder.resolve("first.csv");
        Path second = folder.resolve("second.csv");
        IOException failure = assertThrows(IOException.class, () -> {
            try (AtomicFiles files = new AtomicFiles()) {
                try (OutputStream out = files.open(first)) {
                    out.write("complete".getBytes(StandardCharsets.US_ASCII));
                }
                try (OutputStream out = files.open(second)) {
                    out.write("half".getBytes(StandardCharsets.US_ASCII));
                    throw new IOException("No space left on device");
                }
            }
        });
        assertEquals("No space left on device", failure.getMessage());
        assertEquals(List.of(), filesIn(folder), "neither the complete nor the partial file");
    }

    @Test
    void aRenameThatFailsRemovesTheFilesAlreadyRenamed() throws IOException {
        Path first = folder.resolve("first.csv");
        Path second = folder.resolve("second.csv");
        IOException failure = assertThrows(IOException.class, () -> {
            try (AtomicFiles files = new AtomicFiles()) {
                for (Path target : List.of(first, second)) {
                    try (OutputStream out = files.open(target)) {
                        out.write("complete".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                // Something takes the second name while the files are written: its rename must fail.
                Files.writeString(Files.createDirectory(second).resolve("inside.txt"), "x");
                files.commit();
            }
        });
        assertTrue(failure.getMessage().startsWith("cannot write " + second + ": it is a folder"),
                failure.getMessage());
        assertFalse(Files.exists(first), "the file renamed first is removed again");
        assertEquals(List.of(second), filesIn(folder));
    }

    @Test
    void filesWrittenTogetherAreAllThereAfterTheCommit() throws IOException {
        Path first = folder.resolve("first.csv");
        Path second = Files.writeString(folder.resolve("second.csv"), "old");
        try (AtomicFiles files = new AtomicFiles()) {
            for (Path target : List.of(first, second)) {
                try (OutputStream out = files.open(target)) {
                    out.write(target.getFileName().toString().getBytes(StandardCharsets.US_ASCII));
                }
            }
            assertEquals("old", Files.readString(second), "nothing replaced before the commit");
            files.commit();
        }
        assertEquals("first.csv", Files.readString(first));
        assertEquals("second.csv", Files.readString(second));
        assertEquals(2, filesIn(folder).size());
    }

    static boolean makeFifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0 && Files.exists(path);
        } catch (IOException noMkfifo) {
            return false;
        }
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
