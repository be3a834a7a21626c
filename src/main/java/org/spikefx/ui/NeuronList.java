package org.spikefx.ui;

import java.util.LinkedHashSet;
import java.util.Set;

/** Reads a list of neuron numbers as a user types it: "0, 1, 2" or "5 17 300". */
final class NeuronList {
    private NeuronList() {
    }

    /**
     * @return the neurons in the order given, each once
     * @throws IllegalArgumentException with a one-line message naming the entry and what is allowed
     */
    static int[] parse(String text, int neuronCount, int maxCount) {
        String allowed = "neurons are whole numbers from 0 to " + (neuronCount - 1);
        Set<Integer> neurons = new LinkedHashSet<>();
        for (String entry : text.trim().split("[,;\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int neuron;
            try {
                neuron = Integer.parseInt(entry);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' is not a neuron: " + allowed);
            }
            if (neuron < 0 || neuron >= neuronCount) {
                throw new IllegalArgumentException("neuron " + neuron + " does not exist: " + allowed);
            }
            neurons.add(neuron);
        }
        if (neurons.isEmpty()) {
            throw new IllegalArgumentException("no neuron given: list one or more, e.g. 0, 1, 2");
        }
        if (neurons.size() > maxCount) {
            throw new IllegalArgumentException(neurons.size() + " neurons given: at most " + maxCount
                    + " traces fit on the chart");
        }
        return neurons.stream().mapToInt(Integer::intValue).toArray();
    }
}
