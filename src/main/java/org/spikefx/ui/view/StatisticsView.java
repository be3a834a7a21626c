package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.spikefx.run.Batch;
import org.spikefx.ui.model.Histogram;
import org.spikefx.ui.model.SpikeStatistics;
import org.spikefx.ui.model.TickSpacing;
import org.spikefx.ui.model.TimeWindow;

/**
 * The run's numbers as it goes (simulated time, spikes, mean rate, mean CV, speed against real time)
 * and two histograms over neurons: the coefficient of variation of inter-spike intervals and the firing
 * rate. The numbers change every pulse; the histograms at most four times a second, and once more when
 * a run of fixed length has all its steps.
 */
public final class StatisticsView extends HBox implements RunView {
    static final int CV_BINS = 20;
    static final double CV_UPPER = 2.0;
    static final int RATE_BINS = 20;
    private static final long HISTOGRAM_INTERVAL_NANOS = 250_000_000L;

    private final TimeWindow window;
    private final SpikeStatistics statistics = new SpikeStatistics();
    private final Label simulatedTime = new Label();
    private final Label spikes = new Label();
    private final Label meanRate = new Label();
    private final Label meanCv = new Label();
    private final Label realTimeFactor = new Label();
    private final StepHistogram cvHistogram = new StepHistogram("CV of inter-spike intervals", CV_BINS, "cv-histogram");
    private final StepHistogram rateHistogram = new StepHistogram("firing rate (Hz)", RATE_BINS, "rate-histogram");
    private double dt = 1;
    private long histogramStep = -1;
    private long histogramNanos;

    public StatisticsView(TimeWindow window) {
        this.window = window;
        GridPane numbers = new GridPane();
        numbers.getStyleClass().add("run-numbers");
        addRow(numbers, "simulated time", simulatedTime, "simulated-time");
        addRow(numbers, "spikes", spikes, "spike-count");
        addRow(numbers, "mean rate", meanRate, "mean-rate");
        addRow(numbers, "mean CV", meanCv, "mean-cv");
        addRow(numbers, "real-time factor", realTimeFactor, "real-time-factor");
        // The numbers keep their full width; the histograms share what is left.
        numbers.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(cvHistogram.chart(), Priority.ALWAYS);
        HBox.setHgrow(rateHistogram.chart(), Priority.ALWAYS);
        getChildren().addAll(numbers, cvHistogram.chart(), rateHistogram.chart());
        getStyleClass().add("run-statistics");
        setRealTimeFactor(Double.NaN);
        // Zeros until the first run resets the view with its own size and step.
        reset(1, 1);
    }

    private static void addRow(GridPane numbers, String name, Label value, String styleClass) {
        Label label = new Label(name);
        label.getStyleClass().add("statistic-name");
        value.getStyleClass().addAll("statistic-value", styleClass);
        numbers.addRow(numbers.getRowCount(), label, value);
    }

    /** How many simulated seconds the run achieves per second of wall time; NaN shows a dash. */
    public void setRealTimeFactor(double factor) {
        realTimeFactor.setText(Double.isFinite(factor) ? String.format(Locale.ROOT, "%.2f\u00d7", factor) : "\u2013");
    }

    /** The model behind the numbers. */
    public SpikeStatistics statistics() {
        return statistics;
    }

    /** The histogram of the neurons' coefficients of variation. */
    public StepHistogram cvHistogram() {
        return cvHistogram;
    }

    /** The histogram of the neurons' firing rates. */
    public StepHistogram rateHistogram() {
        return rateHistogram;
    }

    @Override
    public void accept(Batch batch) {
        window.advanceTo(batch.endTime());
        statistics.accept(batch);
    }

    @Override
    public void redraw() {
        simulatedTime.setText(String.format(Locale.ROOT, "%.3f s", statistics.elapsedSeconds()));
        spikes.setText(String.format(Locale.ROOT, "%,d", statistics.totalSpikes()));
        meanRate.setText(String.format(Locale.ROOT, "%.2f Hz", statistics.meanRateHz()));
        double cv = statistics.meanCv();
        meanCv.setText(Double.isNaN(cv) ? "\u2013" : String.format(Locale.ROOT, "%.3f", cv));

        long now = System.nanoTime();
        boolean changed = statistics.elapsedSteps() != histogramStep;
        boolean runComplete = !window.isFollowing() && statistics.elapsedSteps() >= Math.rint(window.span() / dt);
        if (changed && (runComplete || now - histogramNanos >= HISTOGRAM_INTERVAL_NANOS)) {
            cvHistogram.show(Histogram.of(statistics.coefficientsOfVariation(), CV_UPPER, CV_BINS));
            double[] rates = statistics.ratesHz();
            double maxRate = Arrays.stream(rates).max().orElse(0);
            rateHistogram.show(Histogram.of(rates, TickSpacing.roundUp(Math.max(1, maxRate), 5), RATE_BINS));
            histogramStep = statistics.elapsedSteps();
            histogramNanos = now;
        }
    }

    @Override
    public void reset(int neuronCount, double dt) {
        statistics.reset(neuronCount, dt);
        this.dt = dt;
        histogramStep = -1;
        histogramNanos = System.nanoTime() - HISTOGRAM_INTERVAL_NANOS;
        redraw();
    }

    /**
     * A histogram drawn as a filled staircase: each bin is a flat step from its left to its right edge.
     * The points are made once and then only moved.
     */
    public static final class StepHistogram {
        private final AreaChart<Number, Number> chart;
        private final FixedRangeAxis valueAxis;
        private final List<XYChart.Data<Number, Number>> corners = new ArrayList<>();
        private Histogram shown;

        StepHistogram(String label, int bins, String styleClass) {
            valueAxis = new FixedRangeAxis(label);
            NumberAxis neuronAxis = new NumberAxis();
            neuronAxis.setLabel("neurons");
            neuronAxis.setAnimated(false);
            chart = new AreaChart<>(valueAxis, neuronAxis);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.setLegendVisible(false);
            chart.getStyleClass().addAll("histogram", styleClass);
            for (int corner = 0; corner < 2 * bins; corner++) {
                corners.add(new XYChart.Data<>(0, 0));
            }
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.getData().setAll(corners);
            chart.getData().add(series);
            show(new Histogram(1, new int[bins]));
        }

        /** The chart, for export. */
        public AreaChart<Number, Number> chart() {
            return chart;
        }

        /** The counts on screen, which lag the statistics by up to a quarter of a second while a run goes on. */
        public Histogram shown() {
            return shown;
        }

        void show(Histogram histogram) {
            shown = histogram;
            valueAxis.setRange(0, histogram.upper());
            int[] counts = histogram.counts();
            for (int bin = 0; bin < counts.length; bin++) {
                set(corners.get(2 * bin), bin * histogram.binWidth(), counts[bin]);
                set(corners.get(2 * bin + 1), (bin + 1) * histogram.binWidth(), counts[bin]);
            }
        }

        private static void set(XYChart.Data<Number, Number> corner, double x, int y) {
            corner.setXValue(x);
            corner.setYValue(y);
        }
    }
}
