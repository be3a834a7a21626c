package org.spikefx.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import org.spikefx.export.Sidecar;

/** The top-level command {@code spikefx}: only its subcommands ({@link CommandLine#create}) do anything. */
@Command(name = "spikefx", mixinStandardHelpOptions = true, versionProvider = SpikeFxCommand.Version.class,
        description = "Live visualiser of a balanced network of leaky integrate-and-fire neurons."
                + " Without arguments it opens the window, which needs a display; with a command it runs on the command"
                + " line, without one. -Dspikefx.debug=true prints the stack trace of any failure.")
final class SpikeFxCommand {

    /** What {@code --version} prints: the version the sidecars of exported files record, e.g. "spikefx 0.1.0". */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spikefx " + Sidecar.appVersion()};
        }
    }
}
