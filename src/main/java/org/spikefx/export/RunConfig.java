package org.spikefx.export;

import java.util.Objects;

import org.spikefx.params.NetworkParameters;

/**
 * Everything needed to set up a run again: the fourteen parameters, how the window showed it and, for
 * a network in training, the training settings and the learnt decoder.
 * Saved and loaded by {@link RunConfigFile}. Valid by construction: every neuron the view names
 * exists in a network of {@code params.n()} neurons.
 */
public record RunConfig(NetworkParameters params, ViewSettings view, TrainingConfig training) {

    /** A config of the spontaneous network (no training). */
    public RunConfig(NetworkParameters params, ViewSettings view) {
        this(params, view, null);
    }

    /**
     * @param training the training settings and decoder of a config saved in Training mode, or null
     */
    public RunConfig {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(view, "view");
        if (training != null && training.hasDecoder() && training.decoder().length != params.n()) {
            throw new IllegalArgumentException("decoder has " + training.decoder().length
                    + " weights: decoder must have one weight per neuron, " + params.n() + " here");
        }
        String neurons = "from 0 to " + (params.n() - 1) + " (n = " + params.n() + ")";
        if (view.voltageNeurons().stream().anyMatch(neuron -> neuron >= params.n())) {
            throw ViewSettings.notAllowed("voltage_neurons", view.voltageNeurons(),
                    "a list of different neurons, each " + neurons);
        }
        if (view.selectedNeuron() != null && view.selectedNeuron() >= params.n()) {
            throw ViewSettings.notAllowed("selected_neuron", view.selectedNeuron(),
                    "null (none) or a neuron " + neurons);
        }
    }

    /** These parameters, shown the way a new window shows them. */
    public static RunConfig withDefaultView(NetworkParameters params) {
        return new RunConfig(params, ViewSettings.defaults(params.n()));
    }
}
