package org.spikefx.ui.model;

import org.spikefx.run.Batch;

/**
 * The input of one neuron split into its excitatory part (from positive weights), its inhibitory part
 * (from negative weights) and their sum: the net input is what is left after the two large parts cancel.
 * The neuron is the first balance neuron of the batches; when that changes, the traces start afresh.
 */
public final class BalanceTraces {
    private final MinMaxDecimator excitatory;
    private final MinMaxDecimator inhibitory;
    private final MinMaxDecimator net;
    private int neuron = -1;

    public BalanceTraces(double span, int pixelColumns) {
        excitatory = new MinMaxDecimator(span, pixelColumns);
        inhibitory = new MinMaxDecimator(span, pixelColumns);
        net = new MinMaxDecimator(span, pixelColumns);
    }

    public void accept(Batch batch) {
        if (batch.balanceNeurons().length == 0) {
            return;
        }
        if (batch.balanceNeurons()[0] != neuron) {
            clear();
            neuron = batch.balanceNeurons()[0];
        }
        for (int s = 0; s < batch.stepCount(); s++) {
            double time = (batch.firstStep() + s) * batch.dt();
            double excitation = batch.excitatory(s, 0);
            double inhibition = batch.inhibitory(s, 0);
            excitatory.add(time, excitation);
            inhibitory.add(time, inhibition);
            net.add(time, excitation + inhibition);
        }
    }

    /** The neuron whose input is shown, or -1 before any batch brought one. */
    public int neuron() {
        return neuron;
    }

    public MinMaxDecimator excitatory() {
        return excitatory;
    }

    public MinMaxDecimator inhibitory() {
        return inhibitory;
    }

    public MinMaxDecimator net() {
        return net;
    }

    /** The visible span and the plot's width in pixels, for all three traces. */
    public void setGrid(double span, int pixelColumns) {
        excitatory.setGrid(span, pixelColumns);
        inhibitory.setGrid(span, pixelColumns);
        net.setGrid(span, pixelColumns);
    }

    public void clear() {
        excitatory.clear();
        inhibitory.clear();
        net.clear();
        neuron = -1;
    }
}
