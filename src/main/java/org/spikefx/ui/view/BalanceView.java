package org.spikefx.ui.view;

import java.util.List;

import org.spikefx.run.Batch;
import org.spikefx.ui.model.BalanceTraces;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.plot.LineStyle;
import org.spikefx.ui.view.plot.PlotLayer;

/**
 * The synaptic input of one neuron (the batches' first balance neuron) split into its excitatory and
 * inhibitory parts, with their sum: two large inputs that cancel into a small, fluctuating net input.
 */
public final class BalanceView extends TraceView {
    private final BalanceTraces traces;

    public BalanceView(TimeWindow window) {
        super(window, new PlotAxis("input (mV)"));
        getStyleClass().add("balance");
        traces = new BalanceTraces(window.span(), plotColumns());
        setLayers(List.of(new PlotLayer("excitatory", traces.excitatory(), 0, LineStyle.solid(0)),
                new PlotLayer("inhibitory", traces.inhibitory(), 0, LineStyle.solid(1)),
                new PlotLayer("net", traces.net(), 0, LineStyle.solid(2))));
        setCaption("input to");
    }

    /** The model behind the lines. */
    public BalanceTraces traces() {
        return traces;
    }

    @Override
    public void accept(Batch batch) {
        window().advanceTo(batch.endTime());
        traces.accept(batch);
    }

    @Override
    public void redraw() {
        super.redraw();
        fitValueAxis(Double.NaN, Double.NaN, true);
        setCaption(traces.neuron() < 0 ? "input to" : "input to neuron " + traces.neuron() + ":");
    }

    @Override
    public void reset(int neuronCount, double dt) {
        setStep(dt);
        traces.reset(dt);
        redraw();
    }

    /** Shows this neuron's input from now on, with its whole history (-1: the first neuron the run follows). */
    public void showNeuron(int neuron) {
        traces.showNeuron(neuron);
        redraw();
    }

    @Override
    void update(int fromStep, int toStep, double span, int pixelColumns) {
        traces.update(fromStep, toStep, span, pixelColumns);
    }
}
