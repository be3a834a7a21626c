package org.spikefx.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.Histogram;
import org.spikefx.ui.model.SpikeStatistics;
import org.spikefx.ui.model.TimeWindow;

@ExtendWith(ApplicationExtension.class)
class StatisticsViewTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 200)
            .with(Parameter.T, 0.5);
    private static List<Batch> run;

    private StatisticsView view;

    @BeforeAll
    static void simulate() {
        run = TestBatches.simulate(PARAMS, 500);
    }

    @Start
    void start(Stage stage) {
        view = new StatisticsView(TimeWindow.wholeRun(PARAMS.T()));
        view.reset(PARAMS.n(), PARAMS.dt());
        stage.setScene(new Scene(view, 1000, 250));
        stage.show();
    }

    private String text(String styleClass) {
        return ((Label) view.lookup("." + styleClass)).getText();
    }

    @SuppressWarnings("unchecked")
    private AreaChart<Number, Number> chart(String styleClass) {
        return (AreaChart<Number, Number>) view.lookup("." + styleClass);
    }

    /** Bin heights of a histogram drawn as a staircase: every other corner. */
    private int[] drawnCounts(String styleClass) {
        List<XYChart.Data<Number, Number>> corners = chart(styleClass).getData().get(0).getData();
        int[] counts = new int[corners.size() / 2];
        for (int bin = 0; bin < counts.length; bin++) {
            assertEquals(corners.get(2 * bin).getYValue(), corners.get(2 * bin + 1).getYValue(), "a flat step");
            counts[bin] = corners.get(2 * bin).getYValue().intValue();
        }
        return counts;
    }

    @Test
    void theWholeRunShowsItsNumbersAndBothHistograms(FxRobot robot) {
        robot.interact(() -> {
            run.forEach(view::accept);
            view.setRealTimeFactor(2.5);
            view.redraw();
        });
        SpikeStatistics statistics = view.statistics();

        assertEquals("0.500 s", text("simulated-time"));
        assertEquals(String.format(Locale.ROOT, "%,d", run.stream().mapToInt(Batch::spikeCount).sum()),
                text("spike-count"));
        assertEquals(String.format(Locale.ROOT, "%.2f Hz", statistics.meanRateHz()), text("mean-rate"));
        assertEquals(String.format(Locale.ROOT, "%.3f", statistics.meanCv()), text("mean-cv"));
        assertEquals("2.50\u00d7", text("real-time-factor"));

        double[] cvs = statistics.coefficientsOfVariation();
        assertTrue(cvs.length > 50);
        double cvUpper = ((ValueAxis<Number>) chart("cv-histogram").getXAxis()).getUpperBound();
        assertEquals(StatisticsView.cvUpper(cvs), cvUpper);
        assertTrue(cvUpper >= Arrays.stream(cvs).max().orElseThrow(), "no CV beyond the axis, piled into the last bin");
        assertEquals(Arrays.toString(Histogram.of(cvs, cvUpper, StatisticsView.CV_BINS).counts()),
                Arrays.toString(drawnCounts("cv-histogram")));
        int[] rateCounts = drawnCounts("rate-histogram");
        assertEquals(PARAMS.n(), Arrays.stream(rateCounts).sum(), "every neuron has a rate");
        double upper = ((ValueAxis<Number>) chart("rate-histogram").getXAxis()).getUpperBound();
        assertEquals(Arrays.toString(Histogram.of(statistics.ratesHz(), upper, StatisticsView.RATE_BINS).counts()),
                Arrays.toString(rateCounts));
        assertTrue(upper >= Arrays.stream(statistics.ratesHz()).max().orElseThrow(), "the fastest neuron is on the axis");
    }

    @Test
    void theCvAxisEndsAtTheLargestCvRoundedUpBetweenOneAndTen() {
        assertEquals(1, StatisticsView.cvUpper(new double[] {0.02, 0.03}), "clock-like firing");
        assertEquals(2, StatisticsView.cvUpper(new double[] {0.4, 0.9, 1.6}), "the reference defaults");
        assertEquals(6, StatisticsView.cvUpper(new double[] {0.8, 2.3, 5.4}), "strong coupling");
        assertEquals(10, StatisticsView.cvUpper(new double[] {1, 42}), "one outlier does not stretch the axis further");
        assertEquals(1, StatisticsView.cvUpper(new double[0]), "no neuron has a CV yet");
    }

    @Test
    void resetStartsFromNothing(FxRobot robot) {
        robot.interact(() -> {
            run.forEach(view::accept);
            view.redraw();
            view.reset(PARAMS.n(), PARAMS.dt());
        });
        assertEquals("0", text("spike-count"));
        assertEquals("\u2013", text("mean-cv"));
        assertEquals(0, Arrays.stream(drawnCounts("cv-histogram")).sum());
    }
}
