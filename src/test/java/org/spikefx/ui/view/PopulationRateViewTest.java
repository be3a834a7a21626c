package org.spikefx.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.chart.ValueAxis;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.TimeWindow;

@ExtendWith(ApplicationExtension.class)
class PopulationRateViewTest {
    private static final int NEURONS = 10;
    private static final double DT = 1e-4;
    private static final int STEPS = 1000;

    private final TimeWindow window = TimeWindow.wholeRun(STEPS * DT);
    private PopulationRateView view;

    @Start
    void start(Stage stage) {
        view = new PopulationRateView(window);
        view.reset(NEURONS, DT);
        stage.setScene(new Scene(view, 800, 300));
        stage.show();
    }

    /** Neuron k fires at every step that k + 1 divides: a rate that differs from bin to bin. */
    private static int[] spikes() {
        List<Integer> pairs = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            for (int neuron = 0; neuron < NEURONS; neuron++) {
                if (step % (neuron + 1 + step / 200) == 0) {
                    pairs.add(step);
                    pairs.add(neuron);
                }
            }
        }
        return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** (bin center, rate) of each bin of {@code stepsPerBin} steps, counted directly from the spikes. */
    private static List<List<Double>> expectedBins(int[] spikes, int stepsPerBin) {
        int[] counts = new int[STEPS / stepsPerBin];
        for (int i = 0; i < spikes.length; i += 2) {
            counts[spikes[i] / stepsPerBin]++;
        }
        List<List<Double>> bins = new ArrayList<>();
        for (int bin = 0; bin < counts.length; bin++) {
            double start = bin * stepsPerBin * DT;
            double end = (bin + 1) * stepsPerBin * DT;
            bins.add(List.of((start + end) / 2, counts[bin] / (NEURONS * (end - start))));
        }
        return bins;
    }

    private List<List<Double>> drawnPoints(FxRobot robot) {
        return DrawnLines.of(robot, view, view.layers()).get(0).asLists();
    }

    private static void assertSamePoints(List<List<Double>> expected, List<List<Double>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).get(0), actual.get(i).get(0), 1e-12, "time of bin " + i);
            assertEquals(expected.get(i).get(1), actual.get(i).get(1), 1e-9, "rate of bin " + i);
        }
    }

    @Test
    void everyTwoMillisecondBinIsDrawnAtItsRate(FxRobot robot) {
        int[] spikes = spikes();
        robot.interact(() -> {
            view.accept(TestBatches.withSpikes(0, STEPS, DT, NEURONS, spikes));
            view.redraw();
        });
        assertEquals(2, view.binMilliseconds());
        assertTrue(view.chart().getXAxis().getWidth() > 50, "wide enough for one pixel column per bin");
        List<List<Double>> expected = expectedBins(spikes, 20);
        assertSamePoints(expected, drawnPoints(robot));
        double highest = expected.stream().mapToDouble(bin -> bin.get(1)).max().orElseThrow();
        assertTrue(((ValueAxis<Number>) view.chart().getYAxis()).getUpperBound() >= highest, "the peak is on the plot");
    }

    @Test
    void aWiderBinAppliesToTheFollowingSpikes(FxRobot robot) {
        int[] spikes = spikes();
        robot.interact(() -> {
            view.setBinMilliseconds(5);
            view.accept(TestBatches.withSpikes(0, STEPS, DT, NEURONS, spikes));
            view.redraw();
        });
        assertSamePoints(expectedBins(spikes, 50), drawnPoints(robot));
    }

    @Test
    void refusesABinWidthItDoesNotOffer() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> view.setBinMilliseconds(7));
        assertEquals("the rate bin must be a whole number of milliseconds from 1 to 5, not 7", error.getMessage());
    }

    @Test
    void resetClearsTheRate(FxRobot robot) {
        robot.interact(() -> {
            view.accept(TestBatches.withSpikes(0, STEPS, DT, NEURONS, spikes()));
            view.redraw();
            view.reset(NEURONS, DT);
        });
        assertTrue(drawnPoints(robot).isEmpty());
    }
}
