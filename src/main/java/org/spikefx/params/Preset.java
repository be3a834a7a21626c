package org.spikefx.params;

import java.util.Arrays;
import java.util.Optional;

/**
 * Parameter sets that each show one regime of the network, with a sentence that says what to look
 * for. Each differs from the reference defaults in the drive (offset) or the coupling (g) only, so
 * comparing two presets shows what that one change does.
 */
public enum Preset {
    REFERENCE_DEFAULTS("Reference defaults",
            "Drive right at threshold and balanced random coupling: every neuron fires irregularly and out of step"
                    + " with the others (the asynchronous irregular state).",
            NetworkParameters.DEFAULTS),
    REGULAR_FIRING("Regular firing",
            "Drive above threshold: each neuron fires like a clock, and the coupling only nudges the timing, so the"
                    + " intervals between its spikes hardly vary.",
            NetworkParameters.DEFAULTS.with(Parameter.OFFSET, -38)),
    LOCKSTEP("Lockstep (uncoupled)",
            "Synapses switched off: the neurons that start above threshold all fire in the first step and then stay"
                    + " in step for ever, so the population fires in volleys.",
            NetworkParameters.DEFAULTS.with(Parameter.OFFSET, -38).with(Parameter.G, 0)),
    QUIET("Quiet (below threshold)",
            "Drive below threshold: after the first volley the weak coupling cannot keep the network going, and it"
                    + " falls silent.",
            NetworkParameters.DEFAULTS.with(Parameter.OFFSET, -42)),
    STRONG_COUPLING("Strong coupling",
            "The same drive below threshold as Quiet, but strong coupling keeps the network firing: each neuron"
                    + " alternates runs of fast spikes with long pauses, while the population rate stays steady.",
            NetworkParameters.DEFAULTS.with(Parameter.OFFSET, -42).with(Parameter.G, 0.15));

    private final String title;
    private final String explanation;
    private final NetworkParameters parameters;

    Preset(String title, String explanation, NetworkParameters parameters) {
        this.title = title;
        this.explanation = explanation;
        this.parameters = parameters;
    }

    public String title() {
        return title;
    }

    /** One sentence on what the regime shows. */
    public String explanation() {
        return explanation;
    }

    public NetworkParameters parameters() {
        return parameters;
    }

    /** The preset whose parameters these are exactly, if any. */
    public static Optional<Preset> matching(NetworkParameters parameters) {
        return Arrays.stream(values()).filter(preset -> preset.parameters.equals(parameters)).findFirst();
    }

    /** The title, so that choosers list presets by name. */
    @Override
    public String toString() {
        return title;
    }
}
