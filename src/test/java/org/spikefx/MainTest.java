package org.spikefx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void withoutADisplayTheWindowSaysSoInOneLine() throws IOException, InterruptedException {
        // A separate Java, as a user starts it: no display in its environment, no headless platform chosen.
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        java.environment().remove("DISPLAY");
        java.environment().remove("WAYLAND_DISPLAY");
        Process process = java.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program ends");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Main.NO_WINDOW, process.exitValue(), err);
        assertEquals(List.of(Main.NO_DISPLAY), err.lines().toList());
        assertTrue(Main.NO_DISPLAY.contains("the commands (" + org.spikefx.cli.CommandLine.commandNames()
                + ") work without one"), Main.NO_DISPLAY);
    }

    @Test
    void aDisplayIsNeededOnlyWhereTheEnvironmentNamesOne() {
        boolean linuxLike = !System.getProperty("os.name").toLowerCase().matches(".*(win|mac).*")
                && System.getProperty("glass.platform") == null;
        if (linuxLike) {
            assertFalse(Main.displayAvailable(null, null));
            assertFalse(Main.displayAvailable("", " "));
        }
        assertTrue(Main.displayAvailable(":0", null));
        assertTrue(Main.displayAvailable(null, "wayland-0"));
    }
}
