package org.spikefx.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** The spectrum of the effective weights against EJML's own decomposition, with progress and cancel. */
class EigenSpectrumTest {
    private static final int N = 120;
    private final RandomNetwork network = RandomNetwork.build(NetworkParameters.DEFAULTS.with(Parameter.N, N),
            RandomNetwork.Kind.TRAINED, fraction -> { });

    @Test
    void theEffectiveWeightsAreTheRandomWeightsPlusTheRankOneFeedback() {
        double[] eta = network.encoder(10);
        double[] phi = new double[N];
        phi[3] = 0.5;
        DMatrixRMaj m = EigenSpectrum.effectiveWeights(network.weights(), eta, phi);
        assertEquals(network.weights().weight(7, 3) + eta[7] * 0.5, m.get(7, 3), 0);
        assertEquals(network.weights().weight(7, 4), m.get(7, 4), 0);
    }

    @Test
    void findsTheSameEigenvaluesAsEjmlsDecompositionAndReportsProgress() {
        double[] eta = network.encoder(10);
        double[] phi = new double[N];
        for (int k = 0; k < N; k++) {
            phi[k] = 0.01 * Math.sin(k);
        }
        double[] last = {0};
        AtomicInteger reports = new AtomicInteger();
        EigenSpectrum.Eigenvalues found = EigenSpectrum.compute(network.weights(), eta, phi, fraction -> {
            assertTrue(fraction >= last[0] - 1e-12, "progress never goes back");
            last[0] = fraction;
            reports.incrementAndGet();
        }, () -> false);
        assertEquals(1.0, last[0]);
        assertTrue(reports.get() > N / 2, "progress comes column by column and eigenvalue by eigenvalue");

        EigenDecomposition_F64<DMatrixRMaj> reference = DecompositionFactory_DDRM.eig(N, false);
        assertTrue(reference.decompose(EigenSpectrum.effectiveWeights(network.weights(), eta, phi)));
        double[] expected = new double[N];
        for (int k = 0; k < N; k++) {
            expected[k] = reference.getEigenvalue(k).getMagnitude();
        }
        double[] moduli = new double[N];
        for (int k = 0; k < N; k++) {
            moduli[k] = Math.hypot(found.re()[k], found.im()[k]);
        }
        Arrays.sort(expected);
        Arrays.sort(moduli);
        for (int k = 0; k < N; k++) {
            assertEquals(expected[k], moduli[k], 1e-9);
        }
    }

    @Test
    void theRandomPartFillsTheDiscOfRadiusGOverRootP() {
        EigenSpectrum.Eigenvalues found = EigenSpectrum.compute(network.weights(), network.encoder(10),
                new double[N], fraction -> { }, () -> false);
        double radius = 0.04 / Math.sqrt(0.1);
        assertTrue(found.radius() > 0.6 * radius && found.radius() < 1.4 * radius, "radius " + found.radius());
    }

    @Test
    void aCancelStopsTheComputation() {
        AtomicInteger asked = new AtomicInteger();
        assertThrows(CancellationException.class, () -> EigenSpectrum.compute(network.weights(), network.encoder(10),
                new double[N], fraction -> { }, () -> asked.incrementAndGet() > 5));
    }
}
