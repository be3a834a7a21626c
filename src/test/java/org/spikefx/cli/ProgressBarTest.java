package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

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
}
