package org.spikefx.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import org.spikefx.export.AtomicFiles;

/**
 * An output file option: refused while the command line is read, long before any simulating, when
 * the file could not be created (missing folder, a file where the folder should be, no permission, a
 * name too long) or when it is something other than a regular file (a folder, a device, a pipe, a
 * symbolic link), which writing it would replace.
 */
final class WritableFile implements ITypeConverter<Path> {

    @Override
    public Path convert(String text) {
        if (text.isEmpty()) {
            throw new TypeConversionException("no file named: give a file name");
        }
        if (text.endsWith("/") || text.endsWith(java.io.File.separator)) {
            // Path.of would drop the slash and write a file of the folder's name.
            throw new TypeConversionException("cannot write " + text + ": it names a folder (it ends in "
                    + text.charAt(text.length() - 1) + "), a file name is needed");
        }
        Path file;
        try {
            file = Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + text + "' is not a file name: " + e.getReason());
        }
        Path folder = file.toAbsolutePath().getParent();
        String cannot = "cannot write " + text + ": ";
        if (folder == null || Files.isDirectory(file)) {
            throw new TypeConversionException(cannot + "it is a folder, a file name is needed");
        }
        int nameBytes = file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes > AtomicFiles.MAX_NAME_BYTES) {
            throw new TypeConversionException(cannot + "the name is " + nameBytes + " bytes long; a file name"
                    + " can have at most " + AtomicFiles.MAX_NAME_BYTES);
        }
        String notRegular = AtomicFiles.notRegularFile(file);
        if (notRegular != null) {
            throw new TypeConversionException(cannot + notRegular);
        }
        if (!Files.isDirectory(folder)) {
            throw new TypeConversionException(cannot + (Files.exists(folder)
                    ? folder + " is a file, not a folder" : "folder " + folder + " does not exist"));
        }
        if (!Files.isWritable(folder)) {
            throw new TypeConversionException(cannot + "folder " + folder + " is not writable");
        }
        return file;
    }
}
