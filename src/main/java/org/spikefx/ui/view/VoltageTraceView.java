package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Point2D;
import javafx.scene.chart.ValueAxis;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import org.spikefx.params.NetworkParameters;
import org.spikefx.run.Batch;
import org.spikefx.ui.model.StepTrace;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.model.VoltageTraces;
import org.spikefx.ui.view.plot.LineStyle;
import org.spikefx.ui.view.plot.PlotLayer;

/**
 * Membrane voltage of a few chosen neurons over the shared time window, each trace drawn
 * {@link #TRACE_OFFSET_MV} above the one before so that they do not overlap (the legend names the
 * shift); a spike shows as a peak to 30 mV. Every trace is thinned to at most four points per pixel
 * column, however long the run.
 */
public final class VoltageTraceView extends TraceView {
    /** Vertical distance between neighbouring traces: more than a trace's full swing (reset to peak). */
    public static final double TRACE_OFFSET_MV = 100;
    /** Where a spike is drawn: the reference sets a spiking neuron's voltage to this peak before the reset. */
    public static final double SPIKE_PEAK_MV = 30;
    private static final int[] DEFAULT_NEURONS = {0, 1, 2};
    /** Line colours of the traces (views.css): a ninth trace takes the first colour again. */
    private static final int LINE_COLOURS = 8;

    /**
     * Zoomed into less than this, the traces show the threshold and the reset as lines and shade each
     * refractory period: then a refractory period (2 ms by default) is at least a few pixels wide.
     */
    public static final double DETAIL_SPAN_SECONDS = 0.2;

    private final VoltageTraces traces;
    private final List<Line> thresholds = new ArrayList<>();
    private final List<Rectangle> refractory = new ArrayList<>();
    private final Label readout = new Label();
    private double vpeak = NetworkParameters.DEFAULTS.vpeak();
    private double vreset = NetworkParameters.DEFAULTS.vreset();
    private double tref = NetworkParameters.DEFAULTS.tref();
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public VoltageTraceView(TimeWindow window) {
        super(window, new PlotAxis("V (mV)"));
        getStyleClass().add("voltage-trace");
        setCaption("neuron");
        traces = new VoltageTraces(window.span(), plotColumns());
        showNeurons(DEFAULT_NEURONS);
        readout.getStyleClass().addAll("trace-readout", FIGURE_CONTROL);
        readout.setMouseTransparent(true);
        readout.setManaged(false);
        readout.setVisible(false);
        timeChart().overlay().add(readout);
        chart().addEventHandler(MouseEvent.MOUSE_MOVED, event -> {
            Point2D plot = plotPoint(event.getSceneX(), event.getSceneY());
            pointerX = plot.getX();
            pointerY = plot.getY();
            timeChart().relayout();
        });
        chart().addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            pointerX = Double.NaN;
            timeChart().relayout();
        });
    }

    /** The threshold, reset and refractory period of the run, for the lines and shading of a close look. */
    public void setNeuronModel(double threshold, double reset, double refractoryPeriod) {
        vpeak = threshold;
        vreset = reset;
        tref = refractoryPeriod;
        timeChart().relayout();
    }

    /** A scene point in the plot's coordinates (those of the axes' display positions). */
    private Point2D plotPoint(double sceneX, double sceneY) {
        Point2D x = timeAxis().sceneToLocal(sceneX, sceneY);
        Point2D y = chart().getYAxis().sceneToLocal(sceneX, sceneY);
        return new Point2D(x.getX(), y.getY());
    }

    @Override
    public void redraw() {
        super.redraw();
        fitVoltageAxis();
    }

    /** The voltage axis fits the traces drawn (see {@link #fitValueAxis}); before any, a reset to a peak per trace. */
    private void fitVoltageAxis() {
        int traces = shownNeurons().length;
        fitValueAxis(vreset, Math.max(traces - 1, 0) * TRACE_OFFSET_MV + SPIKE_PEAK_MV);
    }

    @Override
    void layoutOverlay() {
        int[] neurons = shownNeurons();
        boolean close = window().span() < DETAIL_SPAN_SECONDS;
        ValueAxis<Number> valueAxis = (ValueAxis<Number>) chart().getYAxis();
        double width = timeAxis().getWidth();
        int lines = 0;
        int shaded = 0;
        if (close) {
            for (int i = 0; i < neurons.length; i++) {
                double offset = offset(i);
                lines = placeLine(lines, "threshold-line", valueAxis.getDisplayPosition(offset + vpeak), width);
                lines = placeLine(lines, "reset-line", valueAxis.getDisplayPosition(offset + vreset), width);
                double top = valueAxis.getDisplayPosition(offset + SPIKE_PEAK_MV);
                double bottom = valueAxis.getDisplayPosition(offset + vreset);
                shaded = shadeRefractoryPeriods(neurons[i], shaded, top, bottom);
            }
        }
        for (int k = lines; k < thresholds.size(); k++) {
            thresholds.get(k).setVisible(false);
        }
        for (int k = shaded; k < refractory.size(); k++) {
            refractory.get(k).setVisible(false);
        }
        placeReadout(neurons, valueAxis);
        super.layoutOverlay();
    }

    private int placeLine(int index, String style, double y, double width) {
        if (index == thresholds.size()) {
            Line line = new Line();
            line.setMouseTransparent(true);
            line.setManaged(false);
            thresholds.add(line);
            timeChart().overlay().add(line);
        }
        Line line = thresholds.get(index);
        line.getStyleClass().setAll(style);
        line.setStartX(0);
        line.setEndX(width);
        line.setStartY(y);
        line.setEndY(y);
        line.setVisible(true);
        return index + 1;
    }

    /** Shades tref after each spike of the neuron in the window, between its peak and its reset. */
    private int shadeRefractoryPeriods(int neuron, int index, double top, double bottom) {
        double dt = dt();
        int from = (int) Math.max(0, Math.floor(window().start() / dt) - Math.ceil(tref / dt));
        int to = (int) Math.min(Integer.MAX_VALUE, Math.ceil(window().end() / dt));
        int[] next = {index};
        traces.history(neuron).forEach(from, to, (step, v) -> {
            if (v >= vpeak) {
                double left = timeAxis().getDisplayPosition(step * dt);
                double right = timeAxis().getDisplayPosition(step * dt + tref);
                if (next[0] == refractory.size()) {
                    Rectangle shade = new Rectangle();
                    shade.getStyleClass().add("refractory");
                    shade.setMouseTransparent(true);
                    shade.setManaged(false);
                    refractory.add(shade);
                    timeChart().overlay().add(0, shade);
                }
                Rectangle shade = refractory.get(next[0]++);
                shade.setX(left);
                shade.setWidth(Math.max(1, right - left));
                shade.setY(Math.min(top, bottom));
                shade.setHeight(Math.abs(bottom - top));
                shade.setVisible(true);
            }
        });
        return next[0];
    }

    /** Time and voltage of the trace nearest to the pointer, at the step under it. */
    private void placeReadout(int[] neurons, ValueAxis<Number> valueAxis) {
        readout.setVisible(false);
        if (Double.isNaN(pointerX) || pointerX < 0 || pointerX > timeAxis().getWidth()) {
            return;
        }
        double dt = dt();
        double time = timeAxis().getValueForDisplay(pointerX).doubleValue();
        int step = (int) Math.max(0, Math.round(time / dt));
        double nearest = Double.POSITIVE_INFINITY;
        String text = null;
        for (int i = 0; i < neurons.length; i++) {
            StepTrace history = traces.history(neurons[i]);
            if (history.has(step)) {
                double v = history.value(step);
                double distance = Math.abs(valueAxis.getDisplayPosition(v + offset(i)) - pointerY);
                if (distance < nearest) {
                    nearest = distance;
                    text = String.format(Locale.ROOT, "neuron %d: t = %.5f s, v = %.2f mV", neurons[i], step * dt, v);
                }
            }
        }
        if (text != null) {
            readout.setText(text);
            readout.autosize();
            readout.relocate(6, 4);
            readout.setVisible(true);
            readout.toFront();
        }
    }

    /**
     * Shows these neurons, bottom trace first. A neuron keeps the trace it already has; a neuron the
     * batches do not record stays empty.
     */
    public void showNeurons(int[] neurons) {
        traces.showNeurons(neurons);
        int[] order = traces.shownNeurons();
        List<PlotLayer> lines = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            double offset = offset(i);
            // Short names after the caption "neuron", so that the legend fits a 1280 px projector's header.
            String name = order[i] + (i == 0 ? "" : String.format(Locale.ROOT, " (+%.0f mV)", offset));
            lines.add(new PlotLayer(name, traces.trace(order[i]), offset, LineStyle.solid(i % LINE_COLOURS)));
        }
        setLayers(lines);
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
