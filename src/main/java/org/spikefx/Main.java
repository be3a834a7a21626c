package org.spikefx;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.spikefx.cli.CommandLine;
import org.spikefx.ui.SpikeFxApplication;

/**
 * Entry point. With a subcommand (simulate, render, bench, --help, --version) SpikeFX runs on the
 * command line without a window (only render starts JavaFX, on its headless platform); otherwise it
 * opens the window, which needs a display. This class must not extend Application, so that
 * {@code java -jar} works with JavaFX inside the jar.
 *
 * <p>Failures are reported to users in one line; their stack traces are logged through
 * {@link System.Logger} at DEBUG level, which {@code -Dspikefx.debug=true} switches on (a
 * java.util.logging configuration given with {@code -Djava.util.logging.config.file} works too).
 */
public final class Main {
    /** The system property that prints the stack traces of failures on stderr. */
    public static final String DEBUG_PROPERTY = "spikefx.debug";
    /**
     * The commands of the command line, as its --help lists them; written out rather than read from
     * the commands, so that the window's start loads none of them.
     */
    public static final String COMMANDS = "simulate, train, render, bench, brian2, sweep";
    /** What the window cannot do without, and what works instead. */
    static final String NO_DISPLAY = "spikefx: the window needs a display, and none is available (DISPLAY is not set"
            + " or cannot be opened); the commands (" + COMMANDS + ") work without one (see spikefx --help)";
    /** Exit code when the window cannot open. */
    static final int NO_WINDOW = 1;
    /** Held here, as java.util.logging keeps its loggers only weakly and would forget the settings. */
    private static final Logger APP_LOG = Logger.getLogger("org.spikefx");
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    /** When {@link #main} began (System.nanoTime), for the start-up benchmark's first mark. */
    private static long mainEnteredNanos;

    private Main() {
    }

    public static void main(String[] args) {
        mainEnteredNanos = System.nanoTime();
        configureLogging();
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(args));
        }
        if (!displayAvailable(System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"))) {
            // The arguments are still checked first: a mistake in them is the more useful message.
            SpikeFxApplication.checkArguments(args);
            System.err.println(NO_DISPLAY);
            System.exit(NO_WINDOW);
        }
        try {
            SpikeFxApplication.launchWindow(args);
        } catch (UnsupportedOperationException | IllegalStateException | UnsatisfiedLinkError e) {
            // JavaFX found no screen to open the window on.
            System.getLogger(Main.class.getName()).log(System.Logger.Level.DEBUG, "the window could not open", e);
            System.err.println(NO_DISPLAY);
            System.exit(NO_WINDOW);
        }
    }

    /** When main began, in System.nanoTime's terms; 0 if it has not run in this JVM (as in tests). */
    public static long mainEnteredNanos() {
        return mainEnteredNanos;
    }

    /**
     * Whether a window can be opened: always on Windows and macOS; on other systems (X11, Wayland)
     * only with a display named in the environment, or with a platform chosen explicitly (Monocle).
     */
    static boolean displayAvailable(String display, String waylandDisplay) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || System.getProperty("glass.platform") != null) {
            return true;
        }
        return display != null && !display.isBlank() || waylandDisplay != null && !waylandDisplay.isBlank();
    }

    /**
     * Quiet by default: JavaFX's warning that it was loaded from the class path (which is how this jar
     * runs it) is dropped. With {@code -Dspikefx.debug=true}, everything SpikeFX logs goes to stderr,
     * stack traces included.
     */
    static void configureLogging() {
        JAVAFX_LOG.setFilter(entry -> !String.valueOf(entry.getMessage())
                .startsWith("Unsupported JavaFX configuration"));
        if (Boolean.getBoolean(DEBUG_PROPERTY)) {
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.ALL);
            APP_LOG.setLevel(Level.ALL);
            APP_LOG.addHandler(handler);
            APP_LOG.setUseParentHandlers(false);
        }
    }
}
