package org.spikefx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.export.AtomicFiles;
import org.spikefx.export.Brian2Project;
import org.spikefx.params.NetworkParameters;

/** {@code spikefx brian2}: the network as a Brian2 project, for runs beyond one machine. */
@Command(name = "brian2", sortOptions = false, sortSynopsis = false, mixinStandardHelpOptions = true,
        versionProvider = SpikeFxCommand.Version.class,
        description = "Writes a Brian2 project that simulates this very network: " + Brian2Project.SCRIPT
                + " and the network's synapses and initial voltages as .npy files. `python3 " + Brian2Project.SCRIPT
                + "` (in the folder) writes spikes.csv, step,neuron: the same spikes as simulate --spikes; the"
                + " script takes --target numpy, cython or cpp_standalone. The files appear together, or none.")
final class Brian2Command implements Callable<Integer> {

    @Mixin
    ParameterOptions parameters;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write the project into (made if it does not exist).")
    Path folder;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        NetworkParameters params = parameters.values();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "--out " + folder
                    + " is not a folder: give a folder, or a new name for one");
        }
        // Each file of the project is an output: checked as one before the network is built.
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (String name : Brian2Project.FILES) {
            Path file = folder.resolve(name);
            String notRegular = AtomicFiles.notRegularFile(file);
            if (notRegular != null) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--out': cannot write "
                        + file + ": " + notRegular);
            }
            outputs.put("--out's " + name, file);
        }
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--out': cannot write "
                    + folder + ": folder " + existing + " is not writable");
        }
        OutputFiles.requireDistinct(spec.commandLine(), outputs, parameters.configFile());
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar building = ProgressBar.building(err, params.n());
        RandomNetwork network;
        try {
            network = ModelFactory.BALANCED_ALL_CORES.buildNetwork(params, quiet ? fraction -> { } : building);
        } finally {
            building.erase();
        }
        Brian2Project.write(folder, params, network);
        if (!quiet) {
            spec.commandLine().getOut().printf("Brian2 project for n = %d, %d synapses, in %s: run python3 %s there%n",
                    params.n(), network.weights().synapseCount(), folder, folder.resolve(Brian2Project.SCRIPT));
        }
        return 0;
    }
}
