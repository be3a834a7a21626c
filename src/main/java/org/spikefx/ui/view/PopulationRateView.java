package org.spikefx.ui.view;

import java.util.stream.IntStream;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.AreaChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import org.spikefx.engine.RunStatistics;
import org.spikefx.run.Batch;
import org.spikefx.ui.model.MinMaxDecimator;
import org.spikefx.ui.model.PopulationRate;
import org.spikefx.ui.model.TickSpacing;
import org.spikefx.ui.model.TimeWindow;

/**
 * The population firing rate in short bins (1 to 5 ms, chosen in the corner; 2 ms at first), on the
 * shared time window. Bins are thinned like the voltage traces, so memory stays bounded.
 */
public final class PopulationRateView extends StackPane implements RunView {
    private final TimeWindow window;
    private final FixedRangeAxis timeAxis = new FixedRangeAxis("time (s)");
    private final FixedRangeAxis rateAxis = new FixedRangeAxis("rate (Hz)");
    private final AreaChart<Number, Number> chart;
    private final MinMaxDecimator bins;
    private final PopulationRate rate;
    private final DecimatedSeries series;
    private final ChoiceBox<Integer> binChoice = new ChoiceBox<>();

    public PopulationRateView(TimeWindow window) {
        this.window = window;
        chart = new AreaChart<>(timeAxis, rateAxis);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add("time-plot");
        bins = new MinMaxDecimator(window.span(), DecimatedSeries.columnsFor(timeAxis.pixelColumns()));
        rate = new PopulationRate(bins::add);
        series = new DecimatedSeries("population rate", bins, 0);
        chart.getData().add(series.series());

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
        binChoice.valueProperty().addListener((property, old, milliseconds) -> rate.setBinSeconds(milliseconds / 1000.0));
        binChoice.getStyleClass().addAll("rate-bin-choice", FIGURE_CONTROL);
        // Beside the time axis label, where it hides no data.
        StackPane.setAlignment(binChoice, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(binChoice, new Insets(0, 8, 4, 0));

        getChildren().addAll(chart, binChoice);
        getStyleClass().add("population-rate");
    }

    /** Chooses the bin width, from 1 to 5 ms in whole milliseconds; it applies from the next bin on. */
    public void setBinMilliseconds(int milliseconds) {
        if (!binChoice.getItems().contains(milliseconds)) {
            throw new IllegalArgumentException("the rate bin must be a whole number of milliseconds from "
                    + binChoice.getItems().get(0) + " to " + binChoice.getItems().get(binChoice.getItems().size() - 1)
                    + ", not " + milliseconds);
        }
        binChoice.setValue(milliseconds);
    }

    public int binMilliseconds() {
        return binChoice.getValue();
    }

    /** The chart itself, for styling or export. */
    public AreaChart<Number, Number> chart() {
        return chart;
    }

    /** The rate's bins, thinned as drawn: (bin centre in seconds, rate in Hz). */
    public MinMaxDecimator bins() {
        return bins;
    }

    @Override
    public void accept(Batch batch) {
        window.advanceTo(batch.endTime());
        rate.accept(batch);
    }

    @Override
    public void redraw() {
        timeAxis.setRange(window.start(), window.end());
        bins.setGrid(window.span(), DecimatedSeries.columnsFor(timeAxis.pixelColumns()));
        series.sync();
        rateAxis.setRange(0, TickSpacing.roundUp(1.05 * highestSettledRate(), 4));
    }

    /**
     * The highest rate shown, leaving out the start of the run while others follow: the neurons that
     * begin above threshold all fire in the first step, a peak that would flatten everything after it.
     */
    private double highestSettledRate() {
        double settled = bins.maxValueFrom(RunStatistics.CV_START_SECONDS);
        return Double.isNaN(settled) ? bins.maxValueFrom(Double.NEGATIVE_INFINITY) : settled;
    }

    @Override
    public void reset(int neuronCount, double dt) {
        rate.reset(neuronCount, dt);
        bins.clear();
        redraw();
    }
}
