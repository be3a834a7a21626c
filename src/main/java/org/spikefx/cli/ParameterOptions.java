package org.spikefx.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.export.ConfigException;
import org.spikefx.export.RunConfigFile;
import org.spikefx.params.InvalidParameterException;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * The fourteen model parameters as options {@code --dt}, {@code --T}, ... {@code --nrec}, made from the
 * {@link Parameter} table: name, description, unit, default and allowed range all come from there,
 * and {@code --config FILE}, a run configuration file that supplies all fourteen at once. Options
 * given on the command line override the file's values; the rest keep the file's values, or the
 * defaults without a file. A command that runs the model takes them with
 * {@code @Mixin ParameterOptions parameters;}.
 */
@Command // marks the class as a mixin for picocli; its options are added by addTo, not declared as fields
public final class ParameterOptions {
    private final Map<Parameter, OptionSpec> options = new EnumMap<>(Parameter.class);
    private OptionSpec config;
    private CommandSpec command;
    private NetworkParameters defaults = NetworkParameters.DEFAULTS;

    /** A command whose parameters default to other values than the network's usual ones (train: T = 15 s). */
    interface OwnDefaults {
        NetworkParameters parameterDefaults();
    }

    /** Picocli hands over the command that mixes these options in; they are added to it here. */
    @Spec(Spec.Target.MIXEE)
    void addTo(CommandSpec mixee) {
        command = mixee;
        if (mixee.userObject() instanceof OwnDefaults own) {
            defaults = own.parameterDefaults();
        }
        config = OptionSpec.builder("--config")
                .paramLabel("FILE")
                .type(Path.class)
                .description("Take the " + Parameter.values().length + " parameters from a run configuration file"
                        + " (JSON, as the window saves it); parameter options given as well override its values.")
                .build();
        mixee.addOption(config);
        for (Parameter parameter : Parameter.values()) {
            OptionSpec option = OptionSpec.builder(optionName(parameter))
                    .paramLabel("<" + parameter.key() + ">")
                    .type(double.class)
                    .converters(new ParameterValue(parameter))
                    .description(describe(parameter, defaults.get(parameter)))
                    .build();
            mixee.addOption(option);
            options.put(parameter, option);
        }
    }

    /** The option of a parameter: "--" and its key, e.g. --dt, --T. */
    public static String optionName(Parameter parameter) {
        return "--" + parameter.key();
    }

    /** Whether the parameter was given as an option (not taken from a config file or a default). */
    public boolean given(Parameter parameter) {
        return command.commandLine().getParseResult().hasMatchedOption(options.get(parameter));
    }

    /** The config file given with --config, or null. */
    public Path configFile() {
        return config.getValue();
    }

    /**
     * The parameters: those given as options, the config file's for the rest, or the defaults when
     * there is no config file.
     *
     * @throws ParameterException naming the config file and the field at fault when the file cannot be
     *                            used, or naming the option at fault when the values break a rule between
     *                            parameters (nrec above n, vpeak not above vreset, T shorter than dt), or
     *                            when n and p give a network too large to build
     */
    public NetworkParameters values() {
        Path configFile = config.getValue();
        Map<Parameter, Double> values = (configFile == null ? defaults : read(configFile)).toMap();
        ParseResult given = command.commandLine().getParseResult();
        options.forEach((parameter, option) -> {
            if (given.hasMatchedOption(option)) {
                values.put(parameter, option.getValue());
            }
        });
        if (configFile == null && !given.hasMatchedOption(options.get(Parameter.NREC))) {
            // A default must not refuse itself: a network of fewer neurons records them all.
            values.put(Parameter.NREC, defaultRecorded(values.get(Parameter.N)));
        }
        NetworkParameters params;
        try {
            params = NetworkParameters.fromMap(values);
        } catch (InvalidParameterException e) {
            OptionSpec option = options.get(e.parameter());
            if (configFile != null && !given.hasMatchedOption(option)) {
                // The file on its own is valid, so an option given with it breaks the rule.
                throw new ParameterException(command.commandLine(), configFile + ": params." + e.getMessage()
                        + ", with the options given; give " + option.longestName() + " as well", e, config,
                        configFile.toString());
            }
            throw new ParameterException(command.commandLine(), "Invalid value for option '" + option.longestName()
                    + "': " + e.getMessage(), e, option, Parameter.format(values.get(e.parameter())));
        }
        try {
            // Every command refuses a network that cannot be built in the same way, before it starts.
            RandomNetwork.checkSize(params);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e, options.get(Parameter.N),
                    Parameter.format(params.n()));
        }
        return params;
    }

    /** The number of recorded neurons when none is asked for: the default, or all n neurons of a smaller network. */
    public static double defaultRecorded(double n) {
        return Math.min(Parameter.NREC.defaultValue(), n);
    }

    private NetworkParameters read(Path configFile) {
        try {
            return RunConfigFile.read(configFile).params();
        } catch (ConfigException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e, config, configFile.toString());
        }
    }

    private static String describe(Parameter parameter, double defaultValue) {
        String unit = parameter.unit().isEmpty() ? "" : parameter.unit() + ", ";
        String fewer = parameter == Parameter.NREC ? ", or n if smaller" : "";
        return parameter.description() + " (" + unit + "default " + Parameter.format(defaultValue) + fewer + ")";
    }
}
