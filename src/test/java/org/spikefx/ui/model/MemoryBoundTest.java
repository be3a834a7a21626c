package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.spikefx.run.Batch;

/**
 * A run that goes on: after ten simulated minutes the models of a following window hold exactly as
 * much as after one and a half, when the full-resolution history ({@link StepTrace#HISTORY_STEPS}
 * steps, 32 s here) and the ring of recent spikes are full. Step, window and pixel sizes are powers of two, so every time is exact, and
 * everything repeats with a period of a power of two steps, so both moments see the same picture.
 */
class MemoryBoundTest {
    private static final double DT = 1.0 / 8192;
    private static final int STEPS_PER_BATCH = 1024;
    private static final int NEURONS = 100;
    /** Every neuron fires once per period, each at its own phase. */
    private static final int PERIOD_STEPS = 512;
    private static final int WIDTH = 512;
    private static final int HEIGHT = 64;
    private static final int[] RECORDED = {0, 1, 2};
    private static final int RING = 1 << 17;

    private final TimeWindow window = TimeWindow.following(1.0);
    private final SpikeRaster raster = new SpikeRaster(RING);
    private final VoltageTraces voltages = new VoltageTraces(window.span(), WIDTH);
    private final BalanceTraces balance = new BalanceTraces(window.span(), WIDTH);
    private final RateHistory rate = new RateHistory();
    private final SpikeStatistics statistics = new SpikeStatistics();
    private int nextStep;

    private static int phase(int neuron) {
        return (37 * neuron + 5) % PERIOD_STEPS;
    }

    private static Batch batch(int firstStep) {
        List<int[]> spikes = new ArrayList<>();
        int[] spikesPerStep = new int[STEPS_PER_BATCH];
        double[] voltages = new double[STEPS_PER_BATCH * RECORDED.length];
        double[] excitatory = new double[STEPS_PER_BATCH];
        double[] inhibitory = new double[STEPS_PER_BATCH];
        for (int s = 0; s < STEPS_PER_BATCH; s++) {
            int step = firstStep + s;
            for (int neuron = 0; neuron < NEURONS; neuron++) {
                if (step % PERIOD_STEPS == phase(neuron)) {
                    spikes.add(new int[] {step, neuron});
                    spikesPerStep[s]++;
                }
            }
            for (int r = 0; r < RECORDED.length; r++) {
                voltages[s * RECORDED.length + r] = step % PERIOD_STEPS == phase(RECORDED[r]) ? 30 : -60 + step % 16;
            }
            excitatory[s] = 10 + step % 32;
            inhibitory[s] = -10 - step % 64;
        }
        return new Batch(1, firstStep, STEPS_PER_BATCH, DT, NEURONS, RECORDED, voltages,
                spikes.stream().mapToInt(spike -> spike[0]).toArray(), spikes.stream().mapToInt(spike -> spike[1]).toArray(),
                spikesPerStep, new int[] {0}, excitatory, inhibitory);
    }

    /** Feeds batches up to {@code seconds} as the views would: accept each, then redraw. */
    private void runTo(double seconds) {
        while (nextStep * DT < seconds) {
            Batch batch = batch(nextStep);
            window.advanceTo(batch.endTime());
            raster.add(batch);
            voltages.accept(batch);
            balance.accept(batch);
            rate.accept(batch);
            statistics.accept(batch);
            nextStep += STEPS_PER_BATCH;

            raster.setView(window.start(), window.span(), WIDTH, HEIGHT);
            int from = (int) Math.floor(window.start() / DT);
            int to = (int) Math.round(window.newest() / DT);
            voltages.update(from, to, window.span(), WIDTH);
            balance.update(from, to, window.span(), WIDTH);
            rate.update(from, to, window.span(), WIDTH);
        }
    }

    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(List.of(raster.storedSpikes(), raster.allocatedSpikes(),
                raster.pixels().length, balance.net().size(), balance.excitatory().size(), rate.thinned().size(),
                rate.counts().allocated(),
                statistics.ratesHz().length));
        for (int neuron : voltages.shownNeurons()) {
            sizes.add(voltages.trace(neuron).size());
            sizes.add(voltages.history(neuron).allocated());
        }
        return sizes;
    }

    @Test
    void tenMinutesNeedNoMoreThanTenSeconds() {
        voltages.showNeurons(RECORDED);
        raster.reset(NEURONS, DT);
        rate.reset(NEURONS, DT);
        balance.reset(DT);
        statistics.reset(NEURONS, DT);

        runTo(96);
        List<Integer> whenFull = sizes();
        runTo(600);

        assertEquals(600, window.newest());
        assertEquals(whenFull, sizes());
        assertEquals(RING, raster.storedSpikes(), "the raster keeps the newest spikes its ring holds");
        assertEquals(StepTrace.HISTORY_STEPS, voltages.history(0).recent().endStep() - voltages.history(0).recent().firstStep(),
                "a trace keeps the newest steps of its history");
        assertTrue(voltages.history(0).allocated() <= 2 * StepTrace.HISTORY_STEPS);
        assertTrue(balance.net().size() <= 4 * (WIDTH + 1));
    }
}
