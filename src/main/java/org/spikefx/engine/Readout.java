package org.spikefx.engine;

/**
 * A model's linear readout of its filtered spike trains and the signal it is taught to follow, as they
 * stand after the model's last step. Read it between steps, on the model's thread.
 */
public interface Readout {
    /** The readout z after the last step (the reference's z, before that step's decoder update). */
    double value();

    /** The target signal at the last step. */
    double target();

    /** How many times the decoder has been updated so far. */
    int updates();

    /** The Euclidean norm of the decoder, ‖φ‖. */
    double decoderNorm();
}
