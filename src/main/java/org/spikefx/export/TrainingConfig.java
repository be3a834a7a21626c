package org.spikefx.export;

import java.util.Objects;

import org.spikefx.params.TrainingParameters;

/**
 * The training part of a {@link RunConfig}: the training parameters and target, and the decoder of a
 * trained network, if one was saved (a network opened with it produces its signal without training).
 *
 * @param parameters the training parameters and the target
 * @param decoder    phi, one weight per neuron, or null when no decoder was saved
 */
public record TrainingConfig(TrainingParameters parameters, double[] decoder) {

    public TrainingConfig {
        Objects.requireNonNull(parameters, "parameters");
        decoder = decoder == null ? null : decoder.clone();
    }

    @Override
    public double[] decoder() {
        return decoder == null ? null : decoder.clone();
    }

    public boolean hasDecoder() {
        return decoder != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingConfig that && parameters.equals(that.parameters)
                && java.util.Arrays.equals(decoder, that.decoder);
    }

    @Override
    public int hashCode() {
        return 31 * parameters.hashCode() + java.util.Arrays.hashCode(decoder);
    }

    @Override
    public String toString() {
        return "TrainingConfig[" + parameters + (decoder == null ? "" : ", decoder of " + decoder.length) + "]";
    }
}
