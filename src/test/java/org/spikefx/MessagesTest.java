package org.spikefx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void aHugeValueIsQuotedByItsBeginningAndEnd() {
        String value = "7".repeat(2_000_000);
        String shortened = Messages.shorten("'" + value + "' is not a number: n must be a whole number");
        assertTrue(shortened.length() < 300, shortened.length() + " characters");
        assertTrue(shortened.startsWith("'7777"), shortened);
        assertTrue(shortened.endsWith("7' (2000002 characters) is not a number: n must be a whole number"), shortened);
    }

    @Test
    void aHugeLineKeepsItsBeginningAndItsEnd() {
        String list = "[" + "0, ".repeat(1_000_000) + "0]";
        String shortened = Messages.shorten("run.json: view.voltage_neurons = " + list + " is not allowed: neurons"
                + " must differ");
        assertTrue(shortened.length() <= Messages.MAX_LINE + 5, shortened.length() + " characters");
        assertTrue(shortened.startsWith("run.json: view.voltage_neurons = [0, 0"), shortened);
        assertTrue(shortened.endsWith("is not allowed: neurons must differ"), shortened);
    }

    @Test
    void aReasonIsNeverNullNorAClassName() {
        assertEquals("an internal error", Messages.reason(new NullPointerException()));
        assertEquals("an input or output error", Messages.reason(new IOException()));
        assertEquals("an input or output error", Messages.reason(new IOException(new IOException())));
        assertEquals("/x: permission denied", Messages.reason(new AccessDeniedException("/x")));
        assertEquals("No space left on device", Messages.reason(new RuntimeException(new IOException(
                "No space left on device"))));
        assertTrue(Messages.reason(new OutOfMemoryError()).startsWith("ran out of memory"));
    }
}
