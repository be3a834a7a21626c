package org.spikefx.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
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
import org.spikefx.ui.model.TimeWindow;

@ExtendWith(ApplicationExtension.class)
class BalanceViewTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 200)
            .with(Parameter.T, 0.3);
    private static final int NEURON = 3;
    private static List<Batch> run;

    private BalanceView view;

    @BeforeAll
    static void simulate() {
        run = TestBatches.simulate(PARAMS, 250, NEURON);
    }

    @Start
    void start(Stage stage) {
        view = new BalanceView(TimeWindow.wholeRun(PARAMS.T()));
        view.reset(PARAMS.n(), PARAMS.dt());
        stage.setScene(new Scene(view, 800, 300));
        stage.show();
    }

    private static double highest(DrawnLines line) {
        return line.highest();
    }

    private static double lowest(DrawnLines line) {
        return line.lowest();
    }

    @Test
    void excitationInhibitionAndTheirSumKeepTheirExtremes(FxRobot robot) {
        robot.interact(() -> {
            run.forEach(view::accept);
            view.redraw();
        });
        double highestExcitation = Double.NEGATIVE_INFINITY;
        double lowestInhibition = Double.POSITIVE_INFINITY;
        double highestNet = Double.NEGATIVE_INFINITY;
        double lowestNet = Double.POSITIVE_INFINITY;
        for (Batch batch : run) {
            for (int s = 0; s < batch.stepCount(); s++) {
                highestExcitation = Math.max(highestExcitation, batch.excitatory(s, 0));
                lowestInhibition = Math.min(lowestInhibition, batch.inhibitory(s, 0));
                double net = batch.excitatory(s, 0) + batch.inhibitory(s, 0);
                highestNet = Math.max(highestNet, net);
                lowestNet = Math.min(lowestNet, net);
            }
        }
        List<DrawnLines> lines = DrawnLines.of(robot, view, view.layers());
        assertEquals(List.of("excitatory", "inhibitory", "net"), lines.stream().map(DrawnLines::name).toList());
        assertTrue(highestExcitation > 0 && lowestInhibition < 0, "the neuron receives both kinds of input");
        assertEquals(highestExcitation, highest(lines.get(0)));
        assertEquals(lowestInhibition, lowest(lines.get(1)));
        assertEquals(highestNet, highest(lines.get(2)));
        assertEquals(lowestNet, lowest(lines.get(2)));
        assertEquals("input to neuron 3:", ((Label) view.lookup(".legend-caption")).getText());
    }

    @Test
    void resetClearsTheLines(FxRobot robot) {
        robot.interact(() -> {
            run.forEach(view::accept);
            view.redraw();
            view.reset(PARAMS.n(), PARAMS.dt());
        });
        DrawnLines.of(robot, view, view.layers()).forEach(line -> assertTrue(line.isEmpty()));
        assertEquals(-1, view.traces().neuron());
    }
}
