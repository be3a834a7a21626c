package org.spikefx.ui.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToLongFunction;

import org.spikefx.run.Batch;

/**
 * The voltage traces of the neurons chosen for display: each neuron's full-resolution history
 * ({@link StepTrace}), and the points of it that the plot draws for the time window shown, thinned to
 * at most four per pixel column ({@link #trace}). A batch tells which neurons it recorded; a chosen
 * neuron's past that no batch recorded is filled in by a re-run ({@link #put}).
 */
public final class VoltageTraces {
    private final Map<Integer, Trace> traces = new LinkedHashMap<>();
    private double dt = 1;

    /** Kept for the views' constructors: the grid is set by {@link #update}. */
    public VoltageTraces(double span, int pixelColumns) {
    }

    /** One neuron's trace: its history and the thinned points of the window shown. */
    private final class Trace implements WindowedThinning.Samples {
        final StepTrace history = new StepTrace();
        final WindowedThinning shown = new WindowedThinning();

        @Override
        public double time(int index) {
            return index * dt;
        }

        @Override
        public void forEach(int from, int to, StepSeries.StepValueConsumer consumer) {
            history.forEach(from, to, consumer);
        }

        @Override
        public long revision() {
            return history.revision();
        }

        @Override
        public void forEachForColumns(int from, int to, IntToLongFunction columnOf,
                                      StepSeries.StepValueConsumer consumer) {
            history.forEachForColumns(from, to, columnOf, consumer);
        }
    }

    /** Chooses the neurons to show, in this order; a neuron shown before keeps its trace. */
    public void showNeurons(int[] neurons) {
        Map<Integer, Trace> previous = new LinkedHashMap<>(traces);
        traces.clear();
        for (int neuron : neurons) {
            if (neuron < 0) {
                throw new IllegalArgumentException("neuron " + neuron + " does not exist: neurons are numbered from 0");
            }
            Trace kept = previous.get(neuron);
            traces.put(neuron, kept != null ? kept : new Trace());
        }
    }

    public int[] shownNeurons() {
        return traces.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    private Trace get(int neuron) {
        Trace trace = traces.get(neuron);
        if (trace == null) {
            throw new IllegalArgumentException("neuron " + neuron + " is not shown; shown are "
                    + Arrays.toString(shownNeurons()));
        }
        return trace;
    }

    /** The points of a shown neuron's trace that the plot draws for the window shown. */
    public MinMaxDecimator trace(int neuron) {
        return get(neuron).shown.thinned();
    }

    /** The full-resolution history of a shown neuron. */
    public StepTrace history(int neuron) {
        return get(neuron).history;
    }

    public void accept(Batch batch) {
        dt = batch.dt();
        int[] recorded = batch.recordedNeurons();
        for (int r = 0; r < recorded.length; r++) {
            Trace trace = traces.get(recorded[r]);
            if (trace != null) {
                for (int s = 0; s < batch.stepCount(); s++) {
                    trace.history.append(batch.firstStep() + s, batch.voltage(s, r));
                }
            }
        }
    }

    /** Voltages of a shown neuron from a re-run, for the steps from {@code fromStep} on. */
    public void put(int neuron, int fromStep, double[] voltages) {
        Trace trace = traces.get(neuron);
        if (trace != null) {
            trace.history.put(fromStep, voltages);
        }
    }

    /**
     * Thins every trace for the steps [fromStep, toStep) on a grid of {@code pixelColumns} columns over
     * {@code span} seconds.
     */
    public void update(int fromStep, int toStep, double span, int pixelColumns) {
        for (Trace trace : traces.values()) {
            trace.shown.update(trace, fromStep, Math.min(toStep, trace.history.endStep()), span, pixelColumns);
        }
    }

    /** Starts a new run of steps of {@code dt} seconds: every trace empty. */
    public void reset(double stepSeconds) {
        dt = stepSeconds;
        clear();
    }

    public void clear() {
        for (Trace trace : traces.values()) {
            trace.history.clear();
            trace.shown.clear();
        }
    }
}
