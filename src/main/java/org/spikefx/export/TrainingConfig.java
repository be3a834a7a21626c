package org.spikefx.export;

import java.util.Objects;

import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.params.TrainingParameters;

/**
 * The training part of a {@link RunConfig}: the training parameters and target, and the decoder of a
 * trained network, if one was saved, with the state the network was in (a network opened with them
 * goes on from there, producing its signal without training).
 *
 * @param parameters the training parameters and the target
 * @param decoder    phi, one weight per neuron, or null when no decoder was saved
 * @param state      where the trained network stood when it was saved, or null (a network opened
 *                   with a decoder alone starts from the initial state)
 */
public record TrainingConfig(TrainingParameters parameters, double[] decoder, ForceNetwork.State state) {

    public TrainingConfig {
        Objects.requireNonNull(parameters, "parameters");
        decoder = decoder == null ? null : decoder.clone();
        if (state != null && decoder == null) {
            throw new IllegalArgumentException("a trained network's state is saved with its decoder");
        }
    }

    /** Settings with a decoder and no state, or neither. */
    public TrainingConfig(TrainingParameters parameters, double[] decoder) {
        this(parameters, decoder, null);
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
                && java.util.Arrays.equals(decoder, that.decoder) && sameState(state, that.state);
    }

    private static boolean sameState(ForceNetwork.State a, ForceNetwork.State b) {
        return a == null ? b == null : b != null && a.step() == b.step()
                && Double.compare(a.z(), b.z()) == 0 && java.util.Arrays.equals(a.flat(), b.flat());
    }

    @Override
    public int hashCode() {
        return 31 * parameters.hashCode() + java.util.Arrays.hashCode(decoder);
    }

    @Override
    public String toString() {
        return "TrainingConfig[" + parameters + (decoder == null ? "" : ", decoder of " + decoder.length)
                + (state == null ? "" : ", state at step " + state.step()) + "]";
    }
}
