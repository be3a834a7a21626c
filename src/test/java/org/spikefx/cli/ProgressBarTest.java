package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {
    private long now;
    private final StringWriter printed = new StringWriter();
    private final ProgressBar bar = new ProgressBar(new PrintWriter(printed), 2.0, () -> now);

    @Test
    void appearsAfterOneSecondThenRedrawsAtMostTenTimesASecond() {
        at(0.5, 0.25);
        assertEquals("", printed.toString(), "nothing in the first second");

        at(1.0, 0.52);
        assertEquals("\r[##########          ]  52%  1.04 s of 2 s", printed.toString());

        at(1.05, 0.55);
        assertEquals("\r[##########          ]  52%  1.04 s of 2 s", printed.toString(), "too soon to redraw");

        at(1.2, 1.0);
        assertEquals("\r[##########          ]  52%  1.04 s of 2 s\r[####################] 100%  2.00 s of 2 s",
                printed.toString());
    }

    @Test
    void erasingClearsTheLineItWasDrawnOn() {
        at(1.5, 0.5);
        printed.getBuffer().setLength(0);
        bar.erase();
        String shown = "[##########          ]  50%  1.00 s of 2 s";
        assertEquals("\r" + " ".repeat(shown.length()) + "\r", printed.toString());
    }

    @Test
    void erasingANeverShownBarPrintsNothing() {
        at(0.2, 1.0);
        bar.erase();
        assertEquals("", printed.toString());
    }

    private void at(double seconds, double fraction) {
        now = (long) (seconds * 1e9);
        bar.accept(fraction);
    }

    @Test
    void offATerminalNothingIsDrawn() {
        // In a file or a pipe the carriage returns would pile up as text.
        ProgressBar redirected = new ProgressBar(new PrintWriter(printed), 2.0, () -> now, false);
        for (double t = 0; t <= 3; t += 0.1) {
            now = (long) (t * 1e9);
            redirected.accept(t / 3);
        }
        redirected.erase();
        assertEquals("", printed.toString());
    }

    @Test
    void onlyATerminalDeviceIsATerminal(@TempDir Path folder) throws IOException {
        Path toTerminal = Files.createSymbolicLink(folder.resolve("2"), Path.of("/dev/pts/0"));
        Path toFile = Files.createSymbolicLink(folder.resolve("3"), folder.resolve("err.txt"));
        Path toPipe = Files.createSymbolicLink(folder.resolve("4"), Path.of("pipe:[12345]"));
        assertTrue(ProgressBar.isTerminal(toTerminal));
        assertFalse(ProgressBar.isTerminal(toFile));
        assertFalse(ProgressBar.isTerminal(toPipe));
    }

    @Test
    void aNetworkBuildShowsWhatIsBuilt() {
        ProgressBar building = ProgressBar.building(new PrintWriter(printed), 100_000, () -> now, true);
        now = 1_500_000_000L;
        building.accept(0.4);
        assertEquals("\r[########            ]  40%  building the network of 100000 neurons", printed.toString());
    }
}
