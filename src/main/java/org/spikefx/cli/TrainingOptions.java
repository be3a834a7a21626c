package org.spikefx.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.spikefx.params.Parameter;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/**
 * The training parameters as options {@code --Q}, {@code --rls-lambda}, ... made from the
 * {@link TrainingParameter} table as {@link ParameterOptions} makes the network's, and
 * {@code --target sine|sines|sawtooth|square|vanderpol|csv:FILE}.
 */
@Command // a mixin; its options are added by addTo
public final class TrainingOptions {
    private static final String CSV_PREFIX = TargetShape.CSV.key() + ":";

    private final Map<TrainingParameter, OptionSpec> options = new EnumMap<>(TrainingParameter.class);
    private OptionSpec target;
    private CommandSpec command;

    @Spec(Spec.Target.MIXEE)
    void addTo(CommandSpec mixee) {
        command = mixee;
        for (TrainingParameter parameter : TrainingParameter.values()) {
            String unit = parameter.unit().isEmpty() ? "" : parameter.unit() + ", ";
            OptionSpec option = OptionSpec.builder("--" + parameter.key())
                    .paramLabel("<" + parameter.key() + ">")
                    .type(double.class)
                    .converters(new ParameterValue(parameter))
                    .description(parameter.description() + " (" + unit + "default "
                            + Parameter.format(parameter.defaultValue()) + ")")
                    .build();
            mixee.addOption(option);
            options.put(parameter, option);
        }
        StringBuilder shapes = new StringBuilder("The signal to learn (default sine):");
        for (TargetShape shape : TargetShape.values()) {
            shapes.append(' ').append(shape == TargetShape.CSV ? CSV_PREFIX + "FILE" : shape.key()).append(": ")
                    .append(shape.description()).append(';');
        }
        shapes.setLength(shapes.length() - 1);
        target = OptionSpec.builder("--target")
                .paramLabel("SHAPE")
                .type(Target.class)
                .converters(new TargetConverter())
                .description(shapes + ".")
                .build();
        mixee.addOption(target);
    }

    /** A target shape, with its file for a CSV target. */
    record Target(TargetShape shape, Path file) {
    }

    /** The first training option given on the command line (e.g. "--Q"), or null if none was. */
    public String firstGiven() {
        ParseResult given = command.commandLine().getParseResult();
        for (OptionSpec option : options.values()) {
            if (given.hasMatchedOption(option)) {
                return option.longestName();
            }
        }
        return given.hasMatchedOption(target) ? target.longestName() : null;
    }

    /** The file a CSV target is read from, if one was given, so that no output may overwrite it; else null. */
    public Path targetFile() {
        return command.commandLine().getParseResult().hasMatchedOption(target) ? target.<Target>getValue().file() : null;
    }

    /** The options that name a file the command reads, each with its file or null: the target's, here. */
    Map<String, Path> inputs() {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put(target.longestName(), targetFile());
        return inputs;
    }

    /**
     * The training parameters given, the defaults for the rest.
     *
     * @throws ParameterException naming the option at fault when the values break a rule between them
     */
    public TrainingParameters values() {
        ParseResult given = command.commandLine().getParseResult();
        Map<TrainingParameter, Double> values = new EnumMap<>(TrainingParameter.class);
        options.forEach((parameter, option) -> {
            if (given.hasMatchedOption(option)) {
                values.put(parameter, option.getValue());
            }
        });
        Target chosen = given.hasMatchedOption(target) ? target.getValue() : new Target(TargetShape.SINE, null);
        try {
            return TrainingParameters.fromMap(values, chosen.shape(), chosen.file());
        } catch (TrainingParameters.Invalid e) {
            OptionSpec option = options.get(e.parameter());
            throw new ParameterException(command.commandLine(), "Invalid value for option '" + option.longestName()
                    + "': " + e.getMessage(), e, option, String.valueOf(values.get(e.parameter())));
        }
    }

    /** sine, sines, ... or csv:FILE, with FILE a readable regular file. */
    private static final class TargetConverter implements ITypeConverter<Target> {
        @Override
        public Target convert(String text) {
            if (text.startsWith(CSV_PREFIX)) {
                String name = text.substring(CSV_PREFIX.length());
                Path file;
                try {
                    file = Path.of(name);
                } catch (InvalidPathException e) {
                    throw new TypeConversionException("'" + name + "' is not a file name: " + e.getReason());
                }
                if (name.isEmpty() || !Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new TypeConversionException("cannot read the target file '" + name + "': "
                            + (name.isEmpty() ? "no file is named after csv:"
                            : Files.isDirectory(file) ? "it is a folder"
                            : Files.exists(file) ? "it is not a readable file" : "no such file"));
                }
                return new Target(TargetShape.CSV, file);
            }
            if (text.equals(TargetShape.CSV.key())) {
                throw new TypeConversionException("a CSV target names its file: csv:FILE");
            }
            try {
                return new Target(TargetShape.byKey(text), null);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
