package org.spikefx.ui.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.spikefx.run.Batch;

/**
 * The voltage traces of the neurons chosen for display, each thinned by a {@link MinMaxDecimator}. A
 * batch tells which neurons it recorded; a chosen neuron it did not record gets no samples from it.
 */
public final class VoltageTraces {
    private final Map<Integer, MinMaxDecimator> traces = new LinkedHashMap<>();
    private double span;
    private int pixelColumns;

    public VoltageTraces(double span, int pixelColumns) {
        this.span = span;
        this.pixelColumns = pixelColumns;
    }

    /** Chooses the neurons to show, in this order; a neuron shown before keeps its trace. */
    public void showNeurons(int[] neurons) {
        Map<Integer, MinMaxDecimator> previous = new LinkedHashMap<>(traces);
        traces.clear();
        for (int neuron : neurons) {
            if (neuron < 0) {
                throw new IllegalArgumentException("neuron " + neuron + " does not exist: neurons are numbered from 0");
            }
            MinMaxDecimator kept = previous.get(neuron);
            traces.put(neuron, kept != null ? kept : new MinMaxDecimator(span, pixelColumns));
        }
    }

    public int[] shownNeurons() {
        return traces.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The thinned trace of a shown neuron. */
    public MinMaxDecimator trace(int neuron) {
        MinMaxDecimator trace = traces.get(neuron);
        if (trace == null) {
            throw new IllegalArgumentException("neuron " + neuron + " is not shown; shown are "
                    + Arrays.toString(shownNeurons()));
        }
        return trace;
    }

    public void accept(Batch batch) {
        int[] recorded = batch.recordedNeurons();
        for (int r = 0; r < recorded.length; r++) {
            MinMaxDecimator trace = traces.get(recorded[r]);
            if (trace != null) {
                for (int s = 0; s < batch.stepCount(); s++) {
                    trace.add((batch.firstStep() + s) * batch.dt(), batch.voltage(s, r));
                }
            }
        }
    }

    /** The visible span and the plot's width in pixels, for every trace. */
    public void setGrid(double span, int pixelColumns) {
        this.span = span;
        this.pixelColumns = pixelColumns;
        traces.values().forEach(trace -> trace.setGrid(span, pixelColumns));
    }

    public void clear() {
        traces.values().forEach(MinMaxDecimator::clear);
    }
}
