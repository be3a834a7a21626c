package org.spikefx.cli;

/** The headless command line: dispatches subcommands. */
public final class CommandLine {
    private CommandLine() {
    }

    /** Whether these arguments ask for a command-line run rather than the window. */
    public static boolean isCommand(String[] args) {
        return false;
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) {
        return 0;
    }
}
