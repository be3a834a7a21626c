package org.spikefx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

import org.spikefx.params.Parameter;

/**
 * A one-line progress bar, redrawn in place with a carriage return, e.g.
 * {@code [##########          ]  52%  1.04 s of 2 s}. Short runs should not flicker a bar, so it
 * appears only once the command has been running for a second; it is erased when the run is done.
 * It is drawn only on a terminal: in a file or a pipe the carriage returns would pile up as text.
 */
final class ProgressBar implements DoubleConsumer {
    static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    static final long REDRAW_EVERY_NANOS = 100_000_000L;
    private static final int WIDTH = 20;

    /** Whether stderr is a terminal; decided once by the program's entry, false when the commands are called in-process. */
    private static volatile boolean stderrIsTerminal;

    private final PrintWriter out;
    private final boolean drawn;
    /** What the bar measures, shown after the percentage; null for a run, which shows its simulated time. */
    private final String task;
    private final double totalSeconds;
    private final LongSupplier clock;
    private final long start;
    private long lastDrawn;
    private int drawnLength;

    /**
     * @param totalSeconds simulated duration of the whole run
     * @param clock        nanosecond clock; the bar's age is counted from this construction
     */
    ProgressBar(PrintWriter out, double totalSeconds, LongSupplier clock) {
        this(out, totalSeconds, clock, true);
    }

    /** @param drawn whether to draw at all: false makes a bar that prints nothing */
    ProgressBar(PrintWriter out, double totalSeconds, LongSupplier clock, boolean drawn) {
        this(out, totalSeconds, null, clock, drawn);
    }

    private ProgressBar(PrintWriter out, double totalSeconds, String task, LongSupplier clock, boolean drawn) {
        this.task = task;
        this.drawn = drawn;
        this.out = out;
        this.totalSeconds = totalSeconds;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** A bar on stderr for a run of T = {@code totalSeconds}, drawn if stderr is a terminal. */
    static ProgressBar onStderr(PrintWriter err, double totalSeconds) {
        return new ProgressBar(err, totalSeconds, System::nanoTime, stderrIsTerminal);
    }

    /** A bar on stderr for the build of a network of n neurons, drawn if stderr is a terminal. */
    static ProgressBar building(PrintWriter err, int n) {
        return building(err, n, System::nanoTime, stderrIsTerminal);
    }

    static ProgressBar building(PrintWriter err, int n, LongSupplier clock, boolean drawn) {
        return new ProgressBar(err, 1, "building the network of " + n + " neurons", clock, drawn);
    }

    /** A bar on stderr for a sweep of this many runs, drawn if stderr is a terminal. */
    static ProgressBar sweeping(PrintWriter err, int runs) {
        return new ProgressBar(err, 1, "of " + runs + " runs", System::nanoTime, stderrIsTerminal);
    }

    /** Notes whether the process's stderr is a terminal, so that bars are drawn there. */
    static void detectTerminal() {
        stderrIsTerminal = isTerminal(Path.of("/proc/self/fd/2"));
    }

    /**
     * Whether the file descriptor link leads to a terminal device. Where there is no /proc (macOS,
     * Windows), Java's console, which needs stdin and stdout on a terminal, stands in.
     */
    static boolean isTerminal(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            return System.console() != null;
        }
    }

    /** Shows the fraction of the run done, from 0 to 1, if the bar is due for a redraw. */
    @Override
    public void accept(double fraction) {
        if (!drawn) {
            return;
        }
        long now = clock.getAsLong();
        boolean due = drawnLength == 0 ? now - start >= SHOW_AFTER_NANOS : now - lastDrawn >= REDRAW_EVERY_NANOS;
        if (due) {
            lastDrawn = now;
            draw(line(fraction));
        }
    }

    /** Removes the bar, if shown, so that what follows starts on a clean line. */
    void erase() {
        if (drawnLength > 0) {
            out.print("\r" + " ".repeat(drawnLength) + "\r");
            out.flush();
            drawnLength = 0;
        }
    }

    String line(double fraction) {
        int filled = (int) Math.floor(fraction * WIDTH);
        String bar = String.format(Locale.ROOT, "[%s%s] %3d%%  ", "#".repeat(filled), " ".repeat(WIDTH - filled),
                (int) Math.floor(fraction * 100));
        return bar + (task != null ? task : String.format(Locale.ROOT, "%.2f s of %s s", fraction * totalSeconds,
                Parameter.format(totalSeconds)));
    }

    private void draw(String line) {
        // Pad with spaces in case the new line is shorter than what it overwrites.
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        out.flush();
        drawnLength = Math.max(drawnLength, line.length());
    }
}
