package org.spikefx.engine;

import java.util.Arrays;

/** Every spike of a run as (step, neuron) pairs in detection order: by step, then by neuron. */
public final class SpikeRecord {
    private int[] steps = new int[1024];
    private int[] neurons = new int[1024];
    private int size;

    /** Appends the spikes of the model's last step; a {@link RunLoop.Recorder} of every spike. */
    public void addStep(NetworkModel model) {
        add(model.nextStep() - 1, model.spikers(), model.spikeCount());
    }

    public void add(int step, int[] spikers, int count) {
        if (size + count > steps.length) {
            int capacity = Math.max(steps.length * 2, size + count);
            steps = Arrays.copyOf(steps, capacity);
            neurons = Arrays.copyOf(neurons, capacity);
        }
        for (int s = 0; s < count; s++) {
            steps[size] = step;
            neurons[size] = spikers[s];
            size++;
        }
    }

    public int size() {
        return size;
    }

    public int step(int index) {
        return steps[index];
    }

    public int neuron(int index) {
        return neurons[index];
    }
}
