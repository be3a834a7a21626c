package org.spikefx.params;

/** A parameter value outside what the model allows; the message names the parameter, the value and the range. */
public class InvalidParameterException extends IllegalArgumentException {
    private final Parameter parameter;

    public InvalidParameterException(Parameter parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter at fault. */
    public Parameter parameter() {
        return parameter;
    }
}
