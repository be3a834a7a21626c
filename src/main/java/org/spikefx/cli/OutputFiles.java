package org.spikefx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.ParameterException;

/**
 * The output files of one command, checked together before anything runs: each must be a file of its
 * own, or one output would silently replace another, and none may be a file the command reads (the
 * config, a target signal), which writing would destroy. Two names are the same file when they lead
 * to the same name in the same folder (through any links to the folder), or are hard links to one
 * existing file.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * @param outputs each output option given, by name (--spikes), with its file; options not given are left out
     * @param config  the config file read, or null
     * @throws ParameterException naming both options and the file, if two are the same file
     */
    static void requireDistinct(picocli.CommandLine command, Map<String, Path> outputs, Path config) {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--config", config);
        requireDistinct(command, outputs, inputs);
    }

    /**
     * @param outputs each output option given, by name (--spikes), with its file; options not given are left out
     * @param inputs  each option that names a file read (--config, --target), with its file or null
     * @throws ParameterException naming both options and the file, if an output is another output or an input
     */
    static void requireDistinct(picocli.CommandLine command, Map<String, Path> outputs, Map<String, Path> inputs) {
        List<Map.Entry<String, Path>> given = new ArrayList<>(outputs.entrySet());
        for (int a = 0; a < given.size(); a++) {
            for (int b = a + 1; b < given.size(); b++) {
                if (sameFile(given.get(a).getValue(), given.get(b).getValue())) {
                    throw new ParameterException(command, given.get(a).getKey() + " and " + given.get(b).getKey()
                            + " name the same file " + given.get(b).getValue()
                            + ": each output needs a file of its own");
                }
            }
            for (Map.Entry<String, Path> input : inputs.entrySet()) {
                if (input.getValue() != null && sameFile(given.get(a).getValue(), input.getValue())) {
                    throw new ParameterException(command, given.get(a).getKey() + " names the "
                            + (input.getKey().equals("--config") ? "config file " : "file ") + input.getValue()
                            + " that " + input.getKey() + " reads: writing it would destroy it; choose another name");
                }
            }
        }
    }

    static boolean sameFile(Path one, Path other) {
        if (canonical(one).equals(canonical(other))) {
            return true;
        }
        try {
            return Files.exists(one) && Files.exists(other) && Files.isSameFile(one, other);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The file's name in the real folder it lies in (the folder's links resolved, not the file's own). */
    private static Path canonical(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null) {
            return absolute;
        }
        try {
            return folder.toRealPath().resolve(absolute.getFileName());
        } catch (IOException missingFolder) {
            return absolute;
        }
    }
}
