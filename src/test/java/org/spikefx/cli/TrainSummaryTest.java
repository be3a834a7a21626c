package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The readout's fit, gathered step by step so that a training run of any length keeps no readout. */
class TrainSummaryTest {

    @Test
    void theFitGatheredStepByStepIsTheFitOfAllTheStepsAtOnce() {
        Random random = new Random(7);
        int steps = 100_000;
        double[] z = new double[steps];
        double[] target = new double[steps];
        TrainSummary.Fit.Window window = new TrainSummary.Fit.Window();
        for (int i = 0; i < steps; i++) {
            target[i] = 3 + Math.sin(i * 1e-3);
            z[i] = target[i] + 0.2 * random.nextGaussian() + 0.05;
            window.add(z[i], target[i]);
        }
        // The textbook two passes: the means first, then the deviations from them.
        double squares = 0;
        double zMean = 0;
        double tMean = 0;
        for (int i = 0; i < steps; i++) {
            squares += (z[i] - target[i]) * (z[i] - target[i]);
            zMean += z[i] / steps;
            tMean += target[i] / steps;
        }
        double zz = 0;
        double tt = 0;
        double zt = 0;
        for (int i = 0; i < steps; i++) {
            zz += (z[i] - zMean) * (z[i] - zMean);
            tt += (target[i] - tMean) * (target[i] - tMean);
            zt += (z[i] - zMean) * (target[i] - tMean);
        }
        TrainSummary.Fit fit = window.fit();
        assertEquals(Math.sqrt(squares / steps), fit.rmse(), 1e-12);
        assertEquals(zt / Math.sqrt(zz * tt), fit.correlation(), 1e-12);
        assertTrue(fit.correlation() > 0.9 && fit.correlation() < 1, "a close but noisy readout: " + fit.correlation());
    }

    @Test
    void aConstantReadoutHasNoCorrelationAndFewerThanTwoStepsNoFit() {
        TrainSummary.Fit.Window silent = new TrainSummary.Fit.Window();
        for (int i = 0; i < 1000; i++) {
            silent.add(0, Math.sin(2 * Math.PI * i / 1000));
        }
        assertTrue(Double.isNaN(silent.fit().correlation()));
        assertEquals(Math.sqrt(0.5), silent.fit().rmse(), 1e-9, "a whole period of the sine");

        TrainSummary.Fit.Window one = new TrainSummary.Fit.Window();
        assertNull(one.fit());
        one.add(1, 2);
        assertNull(one.fit());
    }
}
