package org.spikefx;

import org.spikefx.cli.CommandLine;
import org.spikefx.ui.SpikeFxApplication;

/**
 * Entry point. With a subcommand (simulate, render, bench, --help, --version) SpikeFX runs on the
 * command line without a window (only render starts JavaFX, on its headless platform); otherwise it
 * opens the window. This class must not extend Application, so that {@code java -jar} works with
 * JavaFX inside the jar.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(args));
        }
        SpikeFxApplication.launchWindow(args);
    }
}
