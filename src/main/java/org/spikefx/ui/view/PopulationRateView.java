package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import javafx.scene.chart.LineChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import org.spikefx.analysis.TickSpacing;
import org.spikefx.engine.RunStatistics;
import org.spikefx.run.Batch;
import org.spikefx.ui.model.MinMaxDecimator;
import org.spikefx.ui.model.PopulationRate;
import org.spikefx.ui.model.RateHistory;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.model.WindowedThinning;
import org.spikefx.ui.view.plot.LayerCanvas;
import org.spikefx.ui.view.plot.LineStyle;
import org.spikefx.ui.view.plot.PlotLayer;

/**
 * The population firing rate in short bins (1 to 5 ms, chosen in the plot's header; 2 ms at first), on the
 * shared time window. Bins are thinned like the voltage traces, so memory stays bounded.
 */
public final class PopulationRateView extends StackPane implements RunView {
    private final TimeWindow window;
    private final PlotAxis timeAxis = new PlotAxis("time (s)");
    private final PlotAxis rateAxis = new PlotAxis("rate (Hz)");
    private final TimeLineChart chart;
    private final RateHistory rate = new RateHistory();
    private final ChoiceBox<Integer> binChoice = new ChoiceBox<>();
    private final Overlay[] overlays = new Overlay[StatisticsView.OVERLAY_SLOTS];
    private final WindowedThinning[] overlaysShown = new WindowedThinning[StatisticsView.OVERLAY_SLOTS];
    private double dt = 1;

    public PopulationRateView(TimeWindow window) {
        this.window = window;
        chart = new TimeLineChart(timeAxis, rateAxis);
        for (int slot = 0; slot < overlaysShown.length; slot++) {
            overlaysShown[slot] = new WindowedThinning();
        }
        showLayers();

        binChoice.getItems().setAll(IntStream.rangeClosed((int) Math.round(PopulationRate.MIN_BIN_SECONDS * 1000),
                (int) Math.round(PopulationRate.MAX_BIN_SECONDS * 1000)).boxed().toList());
        binChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer milliseconds) {
                return milliseconds + " ms bins";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace(" ms bins", ""));
            }
        });
        binChoice.setValue((int) Math.round(rate.binSeconds() * 1000));
        binChoice.valueProperty().addListener((property, old, milliseconds) -> {
            rate.setBinSeconds(milliseconds / 1000.0);
            redraw();
        });
        binChoice.getStyleClass().addAll("rate-bin-choice", FIGURE_CONTROL);
        binChoice.setId("rate-bin-chooser");
        // Not in the chart, where it would hide a tick label: the window puts it in the plot's header.
        getChildren().add(chart);
        getStyleClass().add("population-rate");
    }

    /** Chooses the bin width, from 1 to 5 ms in whole milliseconds; the spikes kept are binned anew. */
    public void setBinMilliseconds(int milliseconds) {
        if (!binChoice.getItems().contains(milliseconds)) {
            throw new IllegalArgumentException("the rate bin must be a whole number of milliseconds from "
                    + binChoice.getItems().get(0) + " to " + binChoice.getItems().get(binChoice.getItems().size() - 1)
                    + ", not " + milliseconds);
        }
        binChoice.setValue(milliseconds);
    }

    /** The bin width chooser, for the plot's header; the view's own node holds only the chart. */
    public ChoiceBox<Integer> binChooser() {
        return binChoice;
    }

    /** The bin width the rate is binned with: the model's, which the chooser sets. */
    public int binMilliseconds() {
        return (int) Math.round(rate.binSeconds() * 1000);
    }

    /** The chart that holds the axes and the plot, for styling or export. */
    public LineChart<Number, Number> chart() {
        return chart;
    }

    /**
     * The layers drawn: the rate, its area filled. Another run's rate, thinned for the same window, is
     * one more layer: {@code layers().add(new PlotLayer(name, bins, 0, LineStyle.dashed(0)))}.
     */
    public LayerCanvas layers() {
        return chart.layers();
    }

    /**
     * Another run's rate, drawn over this one in the same window: its bins in time order, each at its
     * centre.
     */
    public interface Overlay extends WindowedThinning.Samples {
        /** How many bins there are. */
        int size();

        /** The first bin whose time is at or after {@code seconds}; {@link #size()} if none is. */
        int firstAtOrAfter(double seconds);
    }

    /**
     * Draws {@code overlay} dashed over the rate in {@code slot} (0 or 1; the colours and dashes of the
     * histograms' overlays in the same slot), or removes the slot's line for null.
     */
    public void setOverlay(int slot, Overlay overlay) {
        if (slot < 0 || slot >= overlays.length) {
            throw new IllegalArgumentException("an overlay slot is from 0 to " + (overlays.length - 1) + ", not " + slot);
        }
        overlays[slot] = overlay;
        overlaysShown[slot].clear();
        showLayers();
        redraw();
    }

    /** The rate filled, then each overlay's line: colour 1 + slot, dashed. */
    private void showLayers() {
        List<PlotLayer> layers = new ArrayList<>();
        layers.add(new PlotLayer("population rate", rate.thinned(), 0, LineStyle.area(0)));
        for (int slot = 0; slot < overlays.length; slot++) {
            if (overlays[slot] != null) {
                layers.add(new PlotLayer(StatisticsView.overlayStyle(slot), overlaysShown[slot].thinned(), 0,
                        LineStyle.dashed(1 + slot)));
            }
        }
        chart.layers().setLayers(layers);
    }

    /** The points of the overlay in {@code slot} drawn for the window, if there is one. */
    public Optional<MinMaxDecimator> overlayBins(int slot) {
        return overlays[slot] == null ? Optional.empty() : Optional.of(overlaysShown[slot].thinned());
    }

    /** The rate's bins, thinned as drawn: (bin centre in seconds, rate in Hz). */
    public MinMaxDecimator bins() {
        return rate.thinned();
    }

    /** The rate of every stretch kept at full resolution. */
    public RateHistory history() {
        return rate;
    }

    @Override
    public void accept(Batch batch) {
        window.advanceTo(batch.endTime());
        rate.accept(batch);
    }

    @Override
    public void redraw() {
        timeAxis.setRange(window.start(), window.end());
        int[] steps = StepRange.of(window, dt);
        rate.update(steps[0], steps[1], window.span(), timeAxis.thinningColumns());
        double highest = highestSettledRate(rate.thinned());
        for (int slot = 0; slot < overlays.length; slot++) {
            Overlay overlay = overlays[slot];
            if (overlay != null) {
                // A bin either side of the window, so that the line runs to the plot's edges.
                int from = Math.max(0, overlay.firstAtOrAfter(window.start()) - 1);
                int to = Math.min(overlay.size(), overlay.firstAtOrAfter(window.end()) + 1);
                int columns = to > from ? WindowedThinning.columnsHolding(overlay.time(from), overlay.time(to - 1),
                        window.span(), timeAxis.thinningColumns()) : timeAxis.thinningColumns();
                overlaysShown[slot].update(overlay, from, Math.max(from, to),
                        window.span() / timeAxis.thinningColumns() * columns, columns);
                highest = Math.max(highest, highestSettledRate(overlaysShown[slot].thinned()));
            }
        }
        rateAxis.setRange(0, TickSpacing.roundUp(1.05 * highest, 4));
        chart.layers().invalidate();
    }

    /**
     * The highest rate shown, leaving out the start of the run while others follow: the neurons that
     * begin above threshold all fire in the first step, a peak that would flatten everything after it
     * (it reaches the top instead). When nothing follows it (a network that falls silent), the first
     * volley sets the scale, so that it is seen whole.
     */
    private static double highestSettledRate(MinMaxDecimator bins) {
        double settled = bins.maxValueFrom(RunStatistics.CV_START_SECONDS);
        return settled > 0 ? settled : bins.maxValueFrom(Double.NEGATIVE_INFINITY);
    }

    @Override
    public void reset(int neuronCount, double dt) {
        this.dt = dt;
        rate.reset(neuronCount, dt);
        redraw();
    }
}
