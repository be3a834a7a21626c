package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spikefx.run.Batch;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.model.VoltageTraces;

/**
 * Membrane voltage of a few chosen neurons over the shared time window, each trace drawn
 * {@link #TRACE_OFFSET_MV} above the one before so that they do not overlap (the legend names the
 * shift); a spike shows as a peak to 30 mV. Every trace is thinned to at most four points per pixel
 * column, however long the run.
 */
public final class VoltageTraceView extends TraceView {
    /** Vertical distance between neighbouring traces: more than a trace's full swing (reset to peak). */
    public static final double TRACE_OFFSET_MV = 100;
    private static final int[] DEFAULT_NEURONS = {0, 1, 2};

    private final VoltageTraces traces;

    public VoltageTraceView(TimeWindow window) {
        super(window, "V (mV)");
        getStyleClass().add("voltage-trace");
        traces = new VoltageTraces(window.span(), plotColumns());
        showNeurons(DEFAULT_NEURONS);
    }

    /**
     * Shows these neurons, bottom trace first. A neuron keeps the trace it already has; a neuron the
     * batches do not record stays empty.
     */
    public void showNeurons(int[] neurons) {
        traces.showNeurons(neurons);
        int[] order = traces.shownNeurons();
        List<DecimatedSeries> lines = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            double offset = offset(i);
            String name = "neuron " + order[i] + (i == 0 ? "" : String.format(Locale.ROOT, " (+%.0f mV)", offset));
            lines.add(new DecimatedSeries(name, traces.trace(order[i]), offset));
        }
        setLines(lines);
    }

    /** How far the i-th trace from the bottom is drawn above its real voltage, in mV. */
    public static double offset(int i) {
        return i * TRACE_OFFSET_MV;
    }

    /** The neurons shown, bottom trace first. */
    public int[] shownNeurons() {
        return traces.shownNeurons();
    }

    /** The model behind the traces. */
    public VoltageTraces traces() {
        return traces;
    }

    @Override
    public void accept(Batch batch) {
        window().advanceTo(batch.endTime());
        traces.accept(batch);
    }

    @Override
    public void reset(int neuronCount, double dt) {
        setStep(dt);
        traces.reset(dt);
        redraw();
    }

    @Override
    void update(int fromStep, int toStep, double span, int pixelColumns) {
        traces.update(fromStep, toStep, span, pixelColumns);
    }
}
