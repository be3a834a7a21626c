package org.spikefx.export;

import java.nio.file.Path;

import org.spikefx.Messages;

/**
 * A run configuration file that cannot be used. The message is one line for the user: the file,
 * the field at fault as a JSON path (such as {@code params.n}), the problem and what is allowed, with
 * at most an excerpt of a long value.
 */
public class ConfigException extends Exception {
    private final Path file;

    public ConfigException(Path file, String problem) {
        super(Messages.shorten(file + ": " + problem));
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
