package org.spikefx.ui;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.BalanceView;
import org.spikefx.ui.view.PopulationRateView;
import org.spikefx.ui.view.RunView;
import org.spikefx.ui.view.SpikeRasterView;
import org.spikefx.ui.view.StatisticsView;
import org.spikefx.ui.view.VoltageTraceView;

/**
 * The figure: voltage traces, spike raster, population rate and balance on one shared time axis,
 * with the statistics below. The window shows it live; screenshots and the {@code render} command
 * draw exactly this node, so an exported figure is what the user saw.
 */
public final class PlotArea extends SplitPane {
    private static final double MIN_PLOT_HEIGHT = 60;

    private final TimeWindow window;
    private final VoltageTraceView voltages;
    private final SpikeRasterView raster;
    private final PopulationRateView rate;
    private final BalanceView balance;
    private final StatisticsView statistics;

    /**
     * @param voltageHeader shown above the voltage traces (the window's trace chooser), or null
     */
    public PlotArea(TimeWindow window, Node voltageHeader) {
        this.window = window;
        voltages = new VoltageTraceView(window);
        raster = new SpikeRasterView(window);
        rate = new PopulationRateView(window);
        balance = new BalanceView(window);
        statistics = new StatisticsView(window);

        VBox voltagePane = voltageHeader == null ? new VBox(voltages) : new VBox(voltageHeader, voltages);
        VBox.setVgrow(voltages, Priority.ALWAYS);
        // One shared time axis: only the lowest plot names it, and every plot may shrink to fit 720 px,
        // so the vertical axes carry just their units (the legends say what is plotted).
        for (XYChart<?, ?> chart : List.of(voltages.chart(), raster, rate.chart())) {
            chart.getXAxis().setLabel(null);
        }
        voltages.chart().getYAxis().setLabel("mV");
        rate.chart().getYAxis().setLabel("Hz");
        balance.chart().getYAxis().setLabel("mV");
        for (Region view : List.of(voltagePane, voltages.chart(), raster, rate, rate.chart(), balance, balance.chart(),
                statistics)) {
            view.setMinHeight(MIN_PLOT_HEIGHT);
        }
        SplitPane timePlots = new SplitPane(voltagePane, raster, rate, balance);
        timePlots.setOrientation(Orientation.VERTICAL);
        timePlots.setDividerPositions(0.29, 0.53, 0.71);
        getItems().setAll(timePlots, statistics);
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.76);
        getStyleClass().add("plot-area");
    }

    /** Every view, in the order batches are handed to them. */
    public List<RunView> views() {
        return List.of(voltages, raster, rate, balance, statistics);
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
