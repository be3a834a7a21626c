package org.spikefx.cli;

import picocli.CommandLine.Command;

/** The top-level command {@code spikefx}: only its subcommands do anything. */
@Command(name = "spikefx", mixinStandardHelpOptions = true, version = SpikeFxCommand.VERSION,
        description = "Live visualiser of a balanced network of leaky integrate-and-fire neurons."
                + " Without arguments it opens the window; with a command it runs on the command line.",
        subcommands = {SimulateCommand.class, BenchCommand.class})
final class SpikeFxCommand {
    static final String VERSION = "spikefx 0.1.0";
}
