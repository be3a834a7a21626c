package org.spikefx.cli;

import java.util.EnumMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.spikefx.params.InvalidParameterException;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * The fourteen model parameters as options {@code --dt}, {@code --T}, ... {@code --nrec}, made from the
 * {@link Parameter} table: name, description, unit, default and allowed range all come from there.
 * A command that runs the model takes them with {@code @Mixin ParameterOptions parameters;}.
 */
@Command // marks the class as a mixin for picocli; its options are added by addTo, not declared as fields
public final class ParameterOptions {
    private final Map<Parameter, OptionSpec> options = new EnumMap<>(Parameter.class);
    private CommandSpec command;

    /** Picocli hands over the command that mixes these options in; they are added to it here. */
    @Spec(Spec.Target.MIXEE)
    void addTo(CommandSpec mixee) {
        command = mixee;
        for (Parameter parameter : Parameter.values()) {
            OptionSpec option = OptionSpec.builder(optionName(parameter))
                    .paramLabel("<" + parameter.key() + ">")
                    .type(double.class)
                    .converters(new ValueConverter(parameter))
                    .initialValue(parameter.defaultValue())
                    .hasInitialValue(true)
                    .description(describe(parameter))
                    .build();
            mixee.addOption(option);
            options.put(parameter, option);
        }
    }

    /** The option of a parameter: "--" and its key, e.g. --dt, --T. */
    public static String optionName(Parameter parameter) {
        return "--" + parameter.key();
    }

    /**
     * The parameters as given, defaults for the rest.
     *
     * @throws ParameterException naming the option at fault when the values break a rule between
     *                            parameters (nrec above n, vpeak not above vreset, T shorter than dt)
     */
    public NetworkParameters values() {
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        options.forEach((parameter, option) -> values.put(parameter, option.getValue()));
        try {
            return NetworkParameters.fromMap(values);
        } catch (InvalidParameterException e) {
            OptionSpec option = options.get(e.parameter());
            throw new ParameterException(command.commandLine(), "Invalid value for option '" + option.longestName()
                    + "': " + e.getMessage(), e, option, Parameter.format(values.get(e.parameter())));
        }
    }

    private static String describe(Parameter parameter) {
        String unit = parameter.unit().isEmpty() ? "" : parameter.unit() + ", ";
        return parameter.description() + " (" + unit + "default " + Parameter.format(parameter.defaultValue()) + ")";
    }

    /** Reads a number and checks it against the parameter's own range; picocli names the option in the message. */
    private record ValueConverter(Parameter parameter) implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a number: " + parameter.key() + " must be "
                        + parameter.allowedRange());
            }
            if (!parameter.accepts(value)) {
                throw new TypeConversionException(parameter.outOfRange(value).getMessage());
            }
            return value;
        }
    }
}
