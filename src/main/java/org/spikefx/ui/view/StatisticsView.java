package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.spikefx.analysis.TickSpacing;
import org.spikefx.run.Batch;
import org.spikefx.ui.model.Histogram;
import org.spikefx.ui.model.SpikeStatistics;
import org.spikefx.ui.model.TimeWindow;

/**
 * The run's numbers as it goes (simulated time, spikes, mean rate, mean CV, speed against real time)
 * and two histograms over neurons: the coefficient of variation of inter-spike intervals and the firing
 * rate. Time, spikes and rate change every pulse; the mean CV and the histograms at most four times a
 * second, and once more when a run of fixed length has all its steps.
 */
public final class StatisticsView extends VBox implements RunView {
    static final int CV_BINS = 20;
    /**
     * The CV axis reaches at least to 1 (so clock-like firing reads as a bar at 0, not as a spread)
     * and at most to 10, beyond which a CV is counted in the last bin; in between it ends at the
     * largest CV rounded up to a step of the axis (2 for the defaults, 6 for Strong coupling).
     */
    static final double CV_MIN_UPPER = 1;
    static final double CV_MAX_UPPER = 10;
    private static final int CV_AXIS_TICKS = 4;
    static final int RATE_BINS = 20;
    /**
     * Earlier runs a histogram can show over its own bars, each as an outline of its own colour and
     * dashes (a pinned run, say): two, so that a class compares at most three runs at a glance.
     */
    public static final int OVERLAY_SLOTS = 2;
    private static final List<String> OVERLAY_STYLES = List.of("overlay-a", "overlay-b");
    private static final long HISTOGRAM_INTERVAL_NANOS = 250_000_000L;

    private final TimeWindow window;
    private final SpikeStatistics statistics = new SpikeStatistics();
    private final Label simulatedTime = new Label();
    private final Label spikes = new Label();
    private final Label meanRate = new Label();
    private final Label meanCv = new Label();
    private final Label realTimeFactor = new Label();
    /** The run's numbers: a line (in a header, say), or a column beside the histograms where no line fits. */
    private final OneLineWhereItFits numbers = new OneLineWhereItFits();
    /** The numbers stand in a column beside the histograms rather than on a line ({@link #showNumbersBeside}). */
    private static final PseudoClass BESIDE = PseudoClass.getPseudoClass("beside");
    private final HBox histograms;
    private final StepHistogram cvHistogram = new StepHistogram("CV of inter-spike intervals", CV_BINS, "cv-histogram");
    private final StepHistogram rateHistogram = new StepHistogram("firing rate (Hz)", RATE_BINS, "rate-histogram");
    private double dt = 1;
    private long histogramStep = -1;
    private long histogramNanos;

    public StatisticsView(TimeWindow window) {
        this.window = window;
        // One line of numbers above the histograms: the histograms get the whole width and every
        // pixel of height but one line.
        numbers.getStyleClass().add("run-numbers");
        add("simulated", simulatedTime, "simulated-time");
        add("spikes", spikes, "spike-count");
        add("mean rate", meanRate, "mean-rate");
        add("mean CV", meanCv, "mean-cv");
        add("speed", realTimeFactor, "real-time-factor");
        histograms = new HBox(cvHistogram.chart(), rateHistogram.chart());
        histograms.getStyleClass().add("run-histograms");
        VBox.setVgrow(histograms, Priority.ALWAYS);
        HBox.setHgrow(cvHistogram.chart(), Priority.ALWAYS);
        HBox.setHgrow(rateHistogram.chart(), Priority.ALWAYS);
        getChildren().addAll(numbers, histograms);
        getStyleClass().add("run-statistics");
        setRealTimeFactor(Double.NaN);
        // Zeros until the first run resets the view with its own size and step.
        reset(1, 1);
    }

    private void add(String name, Label value, String styleClass) {
        Label label = new Label(name);
        label.getStyleClass().add("statistic-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        value.getStyleClass().addAll("statistic-value", styleClass);
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(label, value);
        pair.getStyleClass().add("statistic");
        numbers.getChildren().add(pair);
    }

    /**
     * A flow of words that prefers one line as wide as its words, or as a column one as wide as its widest:
     * a plain flow pane prefers its wrap length, whatever its words, and would widen its header or wrap
     * where there is room.
     */
    private static final class OneLineWhereItFits extends FlowPane {
        @Override
        protected double computePrefWidth(double height) {
            if (getOrientation() == Orientation.HORIZONTAL) {
                return lineWidth();
            }
            double width = 0;
            for (Node child : getManagedChildren()) {
                width = Math.max(width, child.prefWidth(-1));
            }
            return snappedLeftInset() + width + snappedRightInset();
        }

        /** The width of the words on one line, however they are laid out now. */
        double lineWidth() {
            double width = 0;
            int shown = 0;
            for (Node child : getManagedChildren()) {
                width += child.prefWidth(-1);
                shown++;
            }
            return snappedLeftInset() + width + Math.max(0, shown - 1) * snapSpaceX(getHgap()) + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            if (getOrientation() == Orientation.VERTICAL) {
                double height = 0;
                int shown = 0;
                for (Node child : getManagedChildren()) {
                    height += child.prefHeight(-1);
                    shown++;
                }
                return snappedTopInset() + height + Math.max(0, shown - 1) * snapSpaceY(getVgap()) + snappedBottomInset();
            }
            return super.computePrefHeight(width >= 0 ? width : computePrefWidth(-1));
        }
    }

    /** The style class of the outlines in an overlay slot, for a key or swatch that matches them. */
    public static String overlayStyle(int slot) {
        return OVERLAY_STYLES.get(slot);
    }

    /**
     * Leaves the histograms out of the scene until {@link #showHistograms()}: a launch paints its first
     * spikes sooner without styling and laying out two more charts. Their place stays empty meanwhile;
     * they go on counting, and come up to date.
     */
    public void holdHistograms() {
        histograms.getChildren().removeAll(cvHistogram.chart(), rateHistogram.chart());
    }

    /** Puts the histograms held back by {@link #holdHistograms()} in their place, left of what is beside them. */
    public void showHistograms() {
        if (!histograms.getChildren().contains(cvHistogram.chart())) {
            histograms.getChildren().addAll(0, List.of(cvHistogram.chart(), rateHistogram.chart()));
        }
    }

    /** Shows a node to the right of the histograms, at their height: a comparison with pinned runs, say. */
    public void showBeside(Node node) {
        histograms.getChildren().add(node);
    }

    /**
     * Shows the numbers (taken elsewhere, into a header, say) in a column left of the histograms, or takes
     * them out of it again: a header too narrow for them hands them over.
     */
    public void showNumbersBeside(boolean beside) {
        numbers.setOrientation(beside ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        numbers.pseudoClassStateChanged(BESIDE, beside);
        if (beside && !histograms.getChildren().contains(numbers)) {
            histograms.getChildren().add(0, numbers);
        } else if (!beside) {
            histograms.getChildren().remove(numbers);
        }
    }

    /** The width the numbers take on one line, wherever they are shown. */
    public double numbersLineWidth() {
        return numbers.lineWidth();
    }

    /** The line of numbers above the histograms; a window may show it elsewhere, in a header, say. */
    public FlowPane numbers() {
        return numbers;
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

        // What takes a pass over every neuron (the CVs, their mean, the rates) is worked out a few times a
        // second only: at n = 20,000 it took more than half of the pulse.
        long now = System.nanoTime();
        boolean changed = statistics.elapsedSteps() != histogramStep;
        boolean runComplete = !window.isFollowing() && statistics.elapsedSteps() >= Math.rint(window.span() / dt);
        if (changed && (runComplete || now - histogramNanos >= HISTOGRAM_INTERVAL_NANOS)) {
            double cv = statistics.meanCv();
            meanCv.setText(Double.isNaN(cv) ? "\u2013" : String.format(Locale.ROOT, "%.3f", cv));
            double[] cvs = statistics.coefficientsOfVariation();
            cvHistogram.show(Histogram.of(cvs, cvUpper(cvs), CV_BINS));
            double[] rates = statistics.ratesHz();
            double maxRate = Arrays.stream(rates).max().orElse(0);
            rateHistogram.show(Histogram.of(rates, TickSpacing.roundUp(Math.max(1, maxRate), 5), RATE_BINS));
            histogramStep = statistics.elapsedSteps();
            histogramNanos = now;
        }
    }

    /** Where the CV histogram ends for these CVs: see {@link #CV_MIN_UPPER}. */
    static double cvUpper(double[] cvs) {
        double largest = Arrays.stream(cvs).max().orElse(0);
        return Math.min(CV_MAX_UPPER, Math.max(CV_MIN_UPPER, TickSpacing.roundUp(largest, CV_AXIS_TICKS)));
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
     * The points are made once and then only moved. Up to {@link #OVERLAY_SLOTS} other histograms of the
     * same quantity are drawn over it as outlines (style classes {@code overlay-a}, {@code overlay-b}),
     * on a value axis long enough for all of them.
     */
    public static final class StepHistogram {
        /** Ticks the count axis is rounded up to, so that its top is a round number. */
        private static final int COUNT_AXIS_TICKS = 4;
        private final AreaChart<Number, Number> chart;
        private final PlotAxis valueAxis;
        private final PlotAxis neuronAxis;
        private final List<XYChart.Data<Number, Number>> corners = new ArrayList<>();
        private final List<XYChart.Series<Number, Number>> overlays = new ArrayList<>();
        private final Histogram[] overlaid = new Histogram[OVERLAY_SLOTS];
        private Histogram shown;

        StepHistogram(String label, int bins, String styleClass) {
            // Axes that keep their nodes and a range set here: a histogram that changes a few times a second
            // no longer makes its tick labels anew and measures them, as an auto-ranging axis did.
            valueAxis = new PlotAxis(label);
            neuronAxis = new PlotAxis("neurons");
            chart = new HistogramChart(valueAxis, neuronAxis);
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
            for (int slot = 0; slot < OVERLAY_SLOTS; slot++) {
                XYChart.Series<Number, Number> overlay = new XYChart.Series<>();
                chart.getData().add(overlay);
                // The chart numbers its series' colours by position; the slot's own class keeps an
                // overlay's look while the other slot comes and goes.
                overlay.getNode().getStyleClass().addAll("histogram-overlay", OVERLAY_STYLES.get(slot));
                overlays.add(overlay);
            }
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

        /** The histogram drawn over this one in {@code slot}, if any. */
        public Optional<Histogram> overlay(int slot) {
            return Optional.ofNullable(overlaid[slot]);
        }

        /**
         * Draws {@code histogram} as an outline over this one in {@code slot} (0 or 1), or removes the
         * slot's outline for null.
         */
        public void setOverlay(int slot, Histogram histogram) {
            if (slot < 0 || slot >= OVERLAY_SLOTS) {
                throw new IllegalArgumentException("an overlay slot is from 0 to " + (OVERLAY_SLOTS - 1) + ", not " + slot);
            }
            overlaid[slot] = histogram;
            List<XYChart.Data<Number, Number>> steps = new ArrayList<>();
            if (histogram != null) {
                int[] counts = histogram.counts();
                for (int bin = 0; bin < counts.length; bin++) {
                    steps.add(new XYChart.Data<>(bin * histogram.binWidth(), counts[bin]));
                    steps.add(new XYChart.Data<>((bin + 1) * histogram.binWidth(), counts[bin]));
                }
            }
            overlays.get(slot).getData().setAll(steps);
            fitAxes();
        }

        void show(Histogram histogram) {
            shown = histogram;
            int[] counts = histogram.counts();
            for (int bin = 0; bin < counts.length; bin++) {
                set(corners.get(2 * bin), bin * histogram.binWidth(), counts[bin]);
                set(corners.get(2 * bin + 1), (bin + 1) * histogram.binWidth(), counts[bin]);
            }
            fitAxes();
        }

        /** Values up to the end of the longest histogram shown; counts up to a round number above the highest bin. */
        private void fitAxes() {
            double upper = shown.upper();
            int highest = Arrays.stream(shown.counts()).max().orElse(0);
            for (Histogram histogram : overlaid) {
                if (histogram != null) {
                    upper = Math.max(upper, histogram.upper());
                    highest = Math.max(highest, Arrays.stream(histogram.counts()).max().orElse(0));
                }
            }
            valueAxis.setRange(0, upper);
            neuronAxis.setRange(0, TickSpacing.roundUp(Math.max(1, highest), COUNT_AXIS_TICKS));
        }

        private static void set(XYChart.Data<Number, Number> corner, double x, int y) {
            corner.setXValue(x);
            corner.setYValue(y);
        }
    }

    /** A histogram's chart, with the grid lines its axes give (their ticks are not JavaFX's). */
    private static final class HistogramChart extends AreaChart<Number, Number> {
        private final GridLines grid = new GridLines(getPlotChildren());

        HistogramChart(PlotAxis values, PlotAxis counts) {
            super(values, counts);
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            PlotAxis values = (PlotAxis) getXAxis();
            PlotAxis counts = (PlotAxis) getYAxis();
            grid.layout(values, counts, values.getWidth(), counts.getHeight());
        }
    }
}
