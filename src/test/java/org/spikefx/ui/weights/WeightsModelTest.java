package org.spikefx.ui.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import org.spikefx.analysis.WeightFigure;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** The Weights window's model without a window: which network it shows, and the eigenvalues. */
class WeightsModelTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 120)
            .with(Parameter.SEED, 4);

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theNetworkTheLiveViewIsBuildingIsWaitedForAndShownRatherThanBuiltAgain() throws InterruptedException {
        AtomicReference<RandomNetwork> live = new AtomicReference<>();
        WeightsModel model = new WeightsModel(Runnable::run, live::get, params -> params.sameNetworkAs(SMALL));
        model.show(SMALL);
        Thread.sleep(300);
        assertTrue(model.statusProperty().get().startsWith("Waiting for the live view"), model.statusProperty().get());
        RandomNetwork built = RandomNetwork.build(SMALL);
        live.set(built);
        await("the statistics are shown", () -> model.contentProperty().get() != null);
        assertSame(built, model.network());
        assertEquals(built.weights().synapseCount(), model.statistics().synapseCount());
    }

    @Test
    void aNetworkTheLiveViewDoesNotRunIsBuiltInTheBackground() throws InterruptedException {
        RandomNetwork other = RandomNetwork.build(SMALL.with(Parameter.SEED, 5));
        WeightsModel model = new WeightsModel(Runnable::run, () -> other, params -> false);
        model.show(SMALL);
        await("the statistics are shown", () -> model.contentProperty().get() != null);
        assertNotSame(other, model.network());
        assertTrue(model.network().matches(SMALL));
        assertEquals(RandomNetwork.build(SMALL).weights().synapseCount(), model.statistics().synapseCount());
    }

    @Test
    void theEigenvaluesFillTheCircleLawsDisc() throws InterruptedException {
        WeightsModel model = new WeightsModel(Runnable::run, () -> null, params -> false);
        model.show(SMALL);
        await("the statistics are shown", () -> model.contentProperty().get() != null);
        model.computeSpectrum();
        await("the eigenvalues are shown", () -> model.contentProperty().get().spectrum() != null);
        WeightFigure.Spectrum spectrum = model.contentProperty().get().spectrum();
        assertEquals(SMALL.n(), spectrum.re().length);
        assertEquals(SMALL.g() / Math.sqrt(SMALL.p()), spectrum.radius(), 1e-15);
        // Centred rows sum to zero, so 0 is an eigenvalue (the vector of ones); the rest fill the disc.
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < spectrum.re().length; k++) {
            double modulus = Math.hypot(spectrum.re()[k], spectrum.im()[k]);
            smallest = Math.min(smallest, modulus);
            assertTrue(modulus < 1.5 * spectrum.radius(), "eigenvalue " + modulus + " lies near the disc");
        }
        assertEquals(0, smallest, 1e-12, "w · 1 = 0: the row sums are zero");
        assertTrue(model.statusProperty().get().startsWith("120 eigenvalues in "), model.statusProperty().get());
    }

    @Test
    void eigenvaluesOfANetworkTooLargeAreRefusedWithTheReason() throws InterruptedException {
        NetworkParameters large = SMALL.with(Parameter.N, WeightsModel.MAX_SPECTRUM_NEURONS + 1)
                .with(Parameter.P, 0.001);
        WeightsModel model = new WeightsModel(Runnable::run, () -> null, params -> false);
        model.show(large);
        await("the statistics are shown", () -> model.contentProperty().get() != null);
        model.computeSpectrum();
        assertEquals(WeightsModel.spectrumNote(large.n()), model.statusProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Eigenvalues are computed for networks of at most 3,000"
                + " neurons"));
        assertEquals(false, model.spectrumRunningProperty().get());
    }
}
