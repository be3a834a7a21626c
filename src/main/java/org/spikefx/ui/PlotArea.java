package org.spikefx.ui;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.pin.Pins;
import org.spikefx.ui.view.BalanceView;
import org.spikefx.ui.view.PopulationRateView;
import org.spikefx.ui.view.RunView;
import org.spikefx.ui.view.SpikeRasterView;
import org.spikefx.ui.view.StatisticsView;
import org.spikefx.ui.view.VoltageTraceView;

/**
 * The figure: voltage traces, spike raster, population rate and balance on one shared time axis,
 * with the statistics below, each under a titled header. The window shows it live; screenshots and
 * the {@code render} command draw exactly this node, so an exported figure is what the user saw.
 *
 * <p>The voltage traces are what a class looks at first and need the height to show a spike, so
 * they get the largest share; every plot keeps a minimum height at which its axis still reads, so
 * none collapses when presentation mode enlarges the text. Any plot can fill the figure alone
 * ({@link #maximisedProperty()}) and share it again, with the dividers where they were.
 */
public final class PlotArea extends SplitPane {
    /** The plots, top to bottom, under the titles their headers show. */
    public enum Plot {
        VOLTAGES("Voltage traces", "voltages", 110),
        RASTER("Spike raster", "raster", 75),
        RATE("Population rate", "rate", 75),
        BALANCE("Excitation and inhibition", "balance", 95),
        STATISTICS("Statistics", "statistics", 130);

        private final String title;
        private final String id;
        private final double minHeight;

        Plot(String title, String id, double minHeight) {
            this.title = title;
            this.id = id;
            this.minHeight = minHeight;
        }

        public String title() {
            return title;
        }

        /** Stem of the node ids: {@code voltages-panel}, {@code voltages-header}. */
        public String id() {
            return id;
        }

        /** Height, header included, below which the plot's axis labels would start to overlap. */
        double minHeight() {
            return minHeight;
        }

        boolean isTimePlot() {
            return this != STATISTICS;
        }
    }

    /**
     * Where the dividers between the time plots sit, as fractions of their height: voltage traces 44 %,
     * raster 18 %, rate 13 %, balance 25 % (its time axis carries the labels below its plot). At
     * 1280 x 720 in presentation mode this leaves every plot its minimum height, the balance's plot
     * room for a number at each end of its axis, and the traces an axis of about 180 px: one spike
     * (95 mV) of three stacked traces, 300 mV from the lowest reset to the highest peak, is then more
     * than 50 px tall.
     */
    static final double[] TIME_DIVIDERS = {0.44, 0.62, 0.75};
    /** The statistics take the bottom 21 %: their histograms need less height than the traces. */
    static final double STATISTICS_DIVIDER = 0.79;
    private static final String TIME_LABEL = "time (s)";

    private final TimeWindow window;
    private final VoltageTraceView voltages;
    private final SpikeRasterView raster;
    private final PopulationRateView rate;
    private final BalanceView balance;
    private final StatisticsView statistics;
    private final Pins pins;
    /** The time plots, one above the other; made anew whenever they share the figure again. */
    private SplitPane timePlots;
    private Placement outerPlacement = new Placement();
    private final Map<Plot, PlotPanel> panels = new EnumMap<>(Plot.class);
    private final ObjectProperty<Plot> maximised = new SimpleObjectProperty<>(this, "maximised");
    /**
     * Where the dividers belong: the defaults, or where the user last put them. A split pane moves its
     * dividers by itself when it is too small for its plots' minimum heights (while a window opens,
     * say) and leaves them there; the figure puts them back after such a layout ({@link Placement}).
     */
    private double[] timeDividers = TIME_DIVIDERS.clone();
    private double[] outerDividers = {STATISTICS_DIVIDER};

    /**
     * @param voltageControls shown in the voltage traces' header (the window's trace chooser), or null
     */
    public PlotArea(TimeWindow window, Node voltageControls) {
        this.window = window;
        voltages = new VoltageTraceView(window);
        raster = new SpikeRasterView(window);
        rate = new PopulationRateView(window);
        balance = new BalanceView(window);
        statistics = new StatisticsView(window);
        pins = new Pins(statistics, rate, raster);
        statistics.showBeside(pins.view());

        // Every plot says what it shows in its title, so the vertical axes carry just their units.
        voltages.chart().getYAxis().setLabel("mV");
        rate.chart().getYAxis().setLabel("Hz");
        balance.chart().getYAxis().setLabel("mV");
        // The raster's rows are neurons: said in its header, since a short raster has no room to write it
        // up its axis.
        raster.getYAxis().setLabel(null);
        Label rows = new Label("one row per neuron");
        rows.getStyleClass().addAll("legend-caption", PlotPanel.NOTE);

        Node voltageLegend = legendOf(voltages);
        panel(Plot.VOLTAGES, voltages, voltageControls == null ? new Node[] {voltageLegend}
                : new Node[] {voltageControls, voltageLegend});
        panel(Plot.RASTER, raster, rows);
        panel(Plot.RATE, rate, rate.binChooser());
        panel(Plot.BALANCE, balance, legendOf(balance));
        // The legends' symbols take their colours from the view's style class, which the header now needs too.
        panels.get(Plot.VOLTAGES).getStyleClass().addAll(voltages.getStyleClass());
        panels.get(Plot.BALANCE).getStyleClass().addAll(balance.getStyleClass());
        Node numbers = statistics.numbers();
        statistics.getChildren().remove(numbers); // the numbers share the header's line with the title
        panel(Plot.STATISTICS, statistics, pins.button(), numbers);
        // A header too narrow for them (a projector's) would cut the last number off, and a second line
        // would take the histograms' height: they stand in a column beside the histograms instead.
        panels.get(Plot.STATISTICS).moveWhenNarrow(numbers, statistics::numbersLineWidth, statistics::showNumbersBeside);
        for (Region chart : List.of(voltages.chart(), raster, rate.chart(), balance.chart(),
                statistics.cvHistogram().chart(), statistics.rateHistogram().chart())) {
            chart.setMinHeight(0); // the panel's minimum height decides
        }

        setOrientation(Orientation.VERTICAL);
        getStyleClass().add("plot-area");
        share();
        maximised.addListener((property, before, plot) -> {
            if (plot == null) {
                share();
            } else {
                showAlone(plot);
            }
        });
        // A divider dragged by the user stays where it was dropped.
        addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (maximised.get() == null && onDivider(event)) {
                timeDividers = timePlots.getDividerPositions();
                outerDividers = getDividerPositions();
            }
        });
    }

    /**
     * A trace view's one-line legend, taken out of the view into the plot's header, where it shares
     * the line with the title instead of taking a line of the plot's height. The view goes on filling it.
     */
    private static Node legendOf(Region traceView) {
        Node legend = traceView.lookup(".series-legend");
        if (legend == null) {
            return null;
        }
        ((Pane) legend.getParent()).getChildren().remove(legend);
        return legend;
    }

    private void panel(Plot plot, Region content, Node... headerNodes) {
        Node[] controls = Arrays.stream(headerNodes).filter(Objects::nonNull).toArray(Node[]::new);
        PlotPanel panel = new PlotPanel(plot, content, () -> toggleMaximised(plot), controls);
        panel.setMinHeight(plot.minHeight());
        panels.put(plot, panel);
    }

    private static boolean onDivider(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null; node = node.getParent()) {
            if (node.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    /** Every plot in its place, with the dividers where they were before one plot was shown alone. */
    private void share() {
        // A split pane that had fewer items keeps its dividers where those were: a new one starts clean.
        timePlots = newTimePlots();
        timePlots.getItems().setAll(List.of(panels.get(Plot.VOLTAGES), panels.get(Plot.RASTER),
                panels.get(Plot.RATE), panels.get(Plot.BALANCE)));
        getItems().setAll(timePlots, panels.get(Plot.STATISTICS));
        labelLowestTimeAxis();
        placeDividers();
        outerPlacement = new Placement();
    }

    /** A split pane for the time plots that puts its dividers back whenever its height has changed. */
    private SplitPane newTimePlots() {
        SplitPane pane = new SplitPane() {
            private final Placement placement = new Placement();

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (maximised.get() == null && placement.due(getHeight(), getDividerPositions(), timeDividers)) {
                    Platform.runLater(() -> setDividerPositions(timeDividers));
                }
            }
        };
        pane.setOrientation(Orientation.VERTICAL);
        pane.getStyleClass().add("time-plots");
        return pane;
    }

    /**
     * One shared time axis, as in a printed figure: only the lowest plot shown labels its time axis;
     * the plots above it keep the tick marks and give the height of the labels to their data.
     */
    private void labelLowestTimeAxis() {
        Plot lowest = maximised.get() != null ? maximised.get() : Plot.BALANCE;
        for (Plot plot : List.of(Plot.VOLTAGES, Plot.RASTER, Plot.RATE, Plot.BALANCE)) {
            Axis<?> time = timeChart(plot).getXAxis();
            time.setTickLabelsVisible(plot == lowest);
            time.setLabel(plot == lowest ? TIME_LABEL : null);
        }
    }

    private XYChart<?, ?> timeChart(Plot plot) {
        return switch (plot) {
            case VOLTAGES -> voltages.chart();
            case RASTER -> raster;
            case RATE -> rate.chart();
            case BALANCE -> balance.chart();
            case STATISTICS -> throw new IllegalArgumentException("the statistics have no time axis");
        };
    }

    private void placeDividers() {
        timePlots.setDividerPositions(timeDividers);
        setDividerPositions(outerDividers);
    }

    /**
     * Whenever its height has changed, the figure puts the dividers back where they belong, once this
     * layout is done (a split pane applies positions set during its own layout only in part).
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (maximised.get() == null && outerPlacement.due(getHeight(), getDividerPositions(), outerDividers)) {
            Platform.runLater(() -> setDividerPositions(outerDividers));
        }
    }

    private void showAlone(Plot plot) {
        if (plot.isTimePlot()) {
            timePlots.getItems().setAll(List.of(panels.get(plot)));
            getItems().setAll(timePlots);
        } else {
            getItems().setAll(panels.get(plot));
        }
        labelLowestTimeAxis();
    }

    /**
     * When a split pane's dividers should be put back: after a layout that left them elsewhere than
     * they belong (minimum heights not yet styled, a new size), a few times at each height, so that
     * dividers that cannot be where they belong (the window is too small) are left where they are.
     */
    private static final class Placement {
        private static final int TRIES_PER_HEIGHT = 3;
        private static final double TOLERANCE = 0.002;
        private double height = -1;
        private int tries;

        boolean due(double newHeight, double[] actual, double[] wanted) {
            if (newHeight != height) {
                height = newHeight;
                tries = 0;
            }
            boolean misplaced = actual.length != wanted.length;
            for (int k = 0; !misplaced && k < actual.length; k++) {
                misplaced = Math.abs(actual[k] - wanted[k]) > TOLERANCE;
            }
            return misplaced && tries++ < TRIES_PER_HEIGHT;
        }
    }

    /** Shows the plot alone, or, if it is alone already, every plot again. */
    public void toggleMaximised(Plot plot) {
        maximised.set(maximised.get() == plot ? null : plot);
    }

    /** The plot shown alone, or null while every plot is shown. */
    public ObjectProperty<Plot> maximisedProperty() {
        return maximised;
    }

    /** The titled panel of a plot, as laid out in the figure. */
    Region panel(Plot plot) {
        return panels.get(plot);
    }

    /** Every view, in the order batches are handed to them. */
    public List<RunView> views() {
        return List.of(voltages, raster, rate, balance, statistics, pins.view());
    }

    /** The pinned runs that the plots show against the current one. */
    public Pins pins() {
        return pins;
    }

    public TimeWindow window() {
        return window;
    }

    public VoltageTraceView voltages() {
        return voltages;
    }

    public SpikeRasterView raster() {
        return raster;
    }

    public PopulationRateView rate() {
        return rate;
    }

    public BalanceView balance() {
        return balance;
    }

    public StatisticsView statistics() {
        return statistics;
    }
}
