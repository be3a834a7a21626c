package org.spikefx.export;

import java.util.Objects;

import org.spikefx.params.NetworkParameters;

/**
 * Everything needed to set up a run again: the fourteen parameters and how the window showed it.
 * Saved and loaded by {@link RunConfigFile}. Valid by construction: every neuron the view names
 * exists in a network of {@code params.n()} neurons.
 */
public record RunConfig(NetworkParameters params, ViewSettings view) {

    public RunConfig {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(view, "view");
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
