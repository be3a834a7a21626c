package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/** RLS on one triangle of P, blocked and split across threads, against RLS on the whole matrix. */
class TriangleRlsTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.N, 300)
            .with(Parameter.T, 1.2).with(Parameter.SEED, 5);
    private static final TrainingParameters TRAINING = TrainingParameters.DEFAULTS
            .with(TrainingParameter.TRAIN_START, 0.2).with(TrainingParameter.TRAIN_STOP, 1.0);
    private static final RandomNetwork NETWORK = RandomNetwork.build(PARAMS, RandomNetwork.Kind.TRAINED,
            fraction -> { });

    /** Every spike, the readout of every step and the decoder of one run. */
    private record Run(List<Long> spikes, double[] readout, double[] decoder, int updates) {
    }

    private static Run run(Rls rls) throws IOException {
        List<Long> spikes = new ArrayList<>();
        double[] readout = new double[PARAMS.steps()];
        try (ForceNetwork model = new ForceNetwork(PARAMS, TRAINING, NETWORK, TargetSignal.of(TRAINING, PARAMS),
                rls)) {
            while (!model.finished()) {
                model.advance();
                int step = model.nextStep() - 1;
                for (int s = 0; s < model.spikeCount(); s++) {
                    spikes.add((long) step << 32 | model.spikers()[s]);
                }
                readout[step] = model.value();
            }
            return new Run(spikes, readout, model.decoder(), model.updates());
        }
    }

    private static double initialP() {
        return PARAMS.dt() * TRAINING.rlsLambda();
    }

    @Test
    void theTriangleOnOneOrTwoThreadsGivesTheSpikesOfTheWholeMatrix() throws IOException {
        Run full = run(new FullRls(PARAMS.n(), initialP()));
        Run one = run(new TriangleRls(PARAMS.n(), initialP(), 1));
        Run two = run(new TriangleRls(PARAMS.n(), initialP(), 2));
        // Pending for only 16 updates, then on the triangle: 19 blocks written, each in the pass of the next P r.
        Run early = run(new TriangleRls(PARAMS.n(), initialP(), 2, TriangleRls.BLOCK));

        // Steps i with i mod 50 = 1 strictly between 4000 and 20000: 4001 to 19951, 320 updates: the first 300
        // pending on the initial diagonal, then written into the triangle 32 per update, then blocks of 16.
        assertEquals(320, full.updates());
        assertEquals(300, TriangleRls.capacity(PARAMS.n()));
        assertTrue(full.spikes().size() > 5000, "a run with spikes to compare: " + full.spikes().size());
        for (Run triangle : List.of(one, two, early)) {
            assertEquals(full.spikes(), triangle.spikes());
            assertEquals(full.updates(), triangle.updates());
            for (int i = 0; i < full.readout().length; i++) {
                assertEquals(full.readout()[i], triangle.readout()[i], 1e-12, "readout at step " + i);
            }
            for (int k = 0; k < full.decoder().length; k++) {
                assertEquals(full.decoder()[k], triangle.decoder()[k], 1e-12, "phi[" + k + "]");
            }
        }
        double largest = 0;
        for (double z : full.readout()) {
            largest = Math.max(largest, Math.abs(z));
        }
        assertTrue(largest > 0.5, "the readout learnt to move: " + largest);
    }

    @Test
    void theBitsDependOnlyOnTheNumberOfThreads() throws IOException {
        Run first = run(new TriangleRls(PARAMS.n(), initialP(), 2));
        Run again = run(new TriangleRls(PARAMS.n(), initialP(), 2));
        assertArrayEquals(first.readout(), again.readout());
        assertArrayEquals(first.decoder(), again.decoder());
    }

    @Test
    void theTriangleFromTheStartGivesTheShortReferenceRunSpikeForSpike() throws IOException {
        // 600 updates, all but the first 16 on the triangle, against the NumPy reference itself.
        ForceReferenceRun reference = ForceReferenceRun.load(ForceReferenceRun.SHORT);
        NetworkParameters params = reference.parameters();
        TrainingParameters training = reference.training();
        RandomNetwork network = RandomNetwork.build(params, RandomNetwork.Kind.TRAINED, fraction -> { });
        JsonNode readout = reference.summary().get("z_every_20_steps");
        int spikes = 0;
        try (ForceNetwork model = new ForceNetwork(params, training, network, TargetSignal.of(training, params),
                new TriangleRls(params.n(), params.dt() * training.rlsLambda(), 2, TriangleRls.BLOCK))) {
            while (!model.finished()) {
                model.advance();
                int step = model.nextStep() - 1;
                for (int s = 0; s < model.spikeCount(); s++, spikes++) {
                    assertTrue(spikes < reference.spikeSteps().length,
                            "more spikes than the reference at step " + step);
                    assertEquals(reference.spikeSteps()[spikes], step, "step of spike " + spikes);
                    assertEquals(reference.spikeNeurons()[spikes], model.spikers()[s], "neuron of spike " + spikes);
                }
                if (step % 20 == 0) {
                    assertEquals(readout.get(step / 20).asDouble(), model.value(), 1e-9, "readout at step " + step);
                }
            }
            assertEquals(reference.spikeSteps().length, spikes, "number of spikes");
            assertEquals(reference.summary().get("rls_updates").asInt(), model.updates(), "RLS updates");
        }
    }

    /** Filtered spike trains that change from update to update, as a training run's do. */
    private static double[] trains(int n, int update) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = (0.5 + Math.sin(i)) * (1 + 0.1 * Math.cos(update + i));
        }
        return r;
    }

    /** The decoder after each of {@code updates} updates, with errors that change sign. */
    private static double[][] decoders(Rls rls, int n, int updates) {
        double[][] decoders = new double[updates][];
        double[] phi = new double[n];
        for (int update = 0; update < updates; update++) {
            rls.update(trains(n, update), 0.25 - 0.01 * update, phi);
            decoders[update] = phi.clone();
        }
        return decoders;
    }

    @Test
    void pendingChangesThenTheTriangleFollowTheWholeMatrixOnAnyNumberOfThreads() {
        int n = 203; // 200 changes pending, a multiple of four
        int pendingPhase = TriangleRls.capacity(n);
        assertEquals(200, pendingPhase);
        // Past the writing of the 200 pending changes, 32 per update, then two blocks and a part of a third.
        int updates = pendingPhase + 2 * TriangleRls.BLOCK + 5;
        double[][] expected;
        try (FullRls full = new FullRls(n, 0.3)) {
            expected = decoders(full, n, updates);
        }
        for (int threads = 1; threads <= 3; threads++) {
            double[][] actual;
            double[][] again;
            try (TriangleRls triangle = new TriangleRls(n, 0.3, threads)) {
                actual = decoders(triangle, n, updates);
            }
            try (TriangleRls triangle = new TriangleRls(n, 0.3, threads)) {
                again = decoders(triangle, n, updates);
            }
            for (int update = 0; update < updates; update++) {
                assertArrayEquals(expected[update], actual[update], 1e-12,
                        "phi after update " + update + " on " + threads + " threads");
                assertArrayEquals(actual[update], again[update], 0.0,
                        "the same bits again after update " + update + " on " + threads + " threads");
            }
        }
        assertTrue(Math.abs(expected[updates - 1][0]) > 1e-3, "the decoder moved: " + expected[updates - 1][0]);
    }

    @Test
    void thePendingChangesStayWithinTheirBudget() {
        // n where the triangle is small, so that the paper's task (2000 updates at n = 2000) never writes the
        // triangle; at n = 20,000 the budget decides.
        assertEquals(2000, TriangleRls.capacity(2000));
        assertTrue(TriangleRls.pendingBytes(20_000) <= TriangleRls.PENDING_BUDGET_BYTES);
        assertTrue(TriangleRls.capacity(20_000) >= TriangleRls.BLOCK);
        assertEquals(TriangleRls.BLOCK, TriangleRls.capacity(5));
    }

    @Test
    void oneUpdateIsTheTextbookOneAndResetForgetsIt() {
        int n = 37; // odd, and not a multiple of the bands or of the unrolled loops
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 0.5 + Math.sin(i);
        }
        try (TriangleRls triangle = new TriangleRls(n, 0.3, 3); FullRls full = new FullRls(n, 0.3)) {
            double[] phiTriangle = new double[n];
            double[] phiFull = new double[n];
            // More updates than a block, so that pending changes are applied and pending again.
            for (int update = 0; update < 2 * TriangleRls.BLOCK + 3; update++) {
                double[] ri = r.clone();
                for (int i = 0; i < n; i++) {
                    ri[i] *= 1 + 0.1 * Math.cos(update + i);
                }
                triangle.update(ri, 0.25 - 0.01 * update, phiTriangle);
                full.update(ri, 0.25 - 0.01 * update, phiFull);
            }
            assertArrayEquals(phiFull, phiTriangle, 1e-12);
            assertTrue(Math.abs(phiFull[0]) > 1e-3, "the decoder moved: " + phiFull[0]);

            // After a reset, the first update is P0 r err with P0 = 0.3 I: c = 0.3 r.
            triangle.reset();
            double[] phi = new double[n];
            triangle.update(r, 1.0, phi);
            for (int i = 0; i < n; i++) {
                assertEquals(-0.3 * r[i], phi[i], 1e-15, "phi[" + i + "] after a reset");
            }
        }
    }
}
