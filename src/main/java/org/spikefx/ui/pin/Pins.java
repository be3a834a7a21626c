package org.spikefx.ui.pin;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import org.spikefx.ui.model.SpikeRaster;
import org.spikefx.ui.model.SpikeStatistics;
import org.spikefx.ui.view.PopulationRateView;
import org.spikefx.ui.view.SpikeRasterView;
import org.spikefx.ui.view.StatisticsView;

/**
 * "Pin this run" and what follows from it: the pins' board, the comparison table, and the pinned
 * runs' histograms and rates drawn over the live ones. The window asks it to pin and tells it the current
 * settings; the views only ever get plain histograms and rate curves to overlay.
 */
public final class Pins {
    /** A thumbnail's size in pixels: a strip of the raster, legible beside a line of numbers. */
    static final int THUMBNAIL_WIDTH = 48;
    static final int THUMBNAIL_HEIGHT = 14;

    private final PinBoard board = new PinBoard();
    private final StatisticsView statistics;
    private final PopulationRateView rate;
    private final SpikeRasterView raster;
    private final CompareView view;
    private final Button button = new Button("Pin");
    private Consumer<String> reporter = message -> { };

    public Pins(StatisticsView statistics, PopulationRateView rate, SpikeRasterView raster) {
        this.statistics = statistics;
        this.rate = rate;
        this.raster = raster;
        view = new CompareView(board, statistics.statistics());
        board.pins().addListener((ListChangeListener<PinBoard.Pin>) change -> showOverlays());
        button.getStyleClass().add("pin-button");
        button.setId("pin-button");
        button.setTooltip(new Tooltip("Pin this run: keep its numbers, histograms and rate, to see the next runs against"
                + " them (Ctrl+I); two pins at most"));
        button.setOnAction(event -> pin());
        button.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** The "Pin this run" button, for the statistics' header. */
    public Button button() {
        return button;
    }

    /** Where {@link #pin()} says what it did: the window's status line. */
    public void setReporter(Consumer<String> reporter) {
        this.reporter = reporter;
    }

    /** Pins the run shown and says so (see {@link #pinCurrent()}). */
    public void pin() {
        reporter.accept(pinCurrent());
    }

    public PinBoard board() {
        return board;
    }

    /** The comparison table, shown beside the histograms while anything is pinned. */
    public CompareView view() {
        return view;
    }

    /**
     * Pins the run shown, as far as it has got, under the settings the board holds as current.
     *
     * @return what happened, for the status bar: the pin's letter, and the pin it replaced if any
     */
    public String pinCurrent() {
        SpikeStatistics numbers = statistics.statistics();
        if (numbers.elapsedSteps() == 0) {
            return "Nothing to pin yet: the run has not made a step.";
        }
        SpikeRaster picture = raster.raster();
        PinnedRun run = new PinnedRun(board.currentProperty().get(), RunNumbers.of(numbers),
                statistics.cvHistogram().shown(), statistics.rateHistogram().shown(), RateCurve.of(rate.history()),
                Thumbnail.of(picture.pixels(), picture.width(), picture.height(), THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT));
        var replaced = board.pin(run);
        PinBoard.Pin pin = board.pins().get(board.pins().size() - 1);
        String at = String.format(Locale.ROOT, "%.3f s", run.numbers().simulatedSeconds());
        return replaced.map(old -> "Pinned this run (t = " + at + ") as " + pin.name() + ", in place of the older pin "
                        + old.name() + ".")
                .orElse("Pinned this run (t = " + at + ") as " + pin.name()
                        + ": the next runs show against it. Unpin with \u00d7 beside it.");
    }

    /** Each slot's histograms from the pin in it, or none. */
    private void showOverlays() {
        for (int slot = 0; slot < StatisticsView.OVERLAY_SLOTS; slot++) {
            int wanted = slot;
            PinnedRun run = board.pins().stream().filter(pin -> pin.slot() == wanted).findFirst()
                    .map(PinBoard.Pin::run).orElse(null);
            statistics.cvHistogram().setOverlay(slot, run == null ? null : run.cvHistogram());
            statistics.rateHistogram().setOverlay(slot, run == null ? null : run.rateHistogram());
            rate.setOverlay(slot, run == null ? null : run.rate());
        }
    }
}
