package org.spikefx.export;

import java.io.IOException;

/**
 * A file that could not be written, with a message that is one line for the user: the file as the
 * user named it and the cause in a few words. Kept apart from other input/output errors so that a
 * message that already names its file is not wrapped a second time.
 */
public class OutputFileException extends IOException {
    public OutputFileException(String message) {
        super(message);
    }

    public OutputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
