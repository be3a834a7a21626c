package org.spikefx.ui.training;

import org.spikefx.engine.SynapticWeights;
import org.spikefx.engine.force.ForceNetwork;

/**
 * What the spectrum and a saved trained network need of a running trained network, copied on the
 * simulation thread between two steps: the recurrent weights (never changed, so shared), the encoder
 * eta and the decoder phi (copies), how many RLS updates made the decoder, and the state the network
 * stands in, for a saved network to go on from.
 */
public record NetworkSnapshot(SynapticWeights weights, double[] encoder, double[] decoder, int updates,
                              ForceNetwork.State state) {

    /** Whether the decoder is all zeros: the effective weights are then the random weights alone. */
    public boolean untrained() {
        for (double x : decoder) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
