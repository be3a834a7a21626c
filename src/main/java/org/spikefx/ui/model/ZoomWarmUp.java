package org.spikefx.ui.model;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the model code of a zoom (the traces thinned over a changed span, the raster repainted from its
 * store) on made-up data of its own, on a background thread of low priority, so that the just-in-time
 * compiler has compiled that code before the first gesture. Without it, the first frames of the first
 * zoom after launch ran that code interpreted and took two to three times as long as the same frames of
 * a later zoom. It makes its own models and touches no node and no model of the window.
 */
public final class ZoomWarmUp {
    /** 2 s of the default step, as the default run; 2000 neurons with 75,000 spikes among them. */
    static final int STEPS = 40_000;
    static final double DT = 5e-5;
    static final int NEURONS = 2000;
    static final int SPIKES = 75_000;
    /** Frames of a zoom in to 1/20 and out again: enough calls for the compiler to compile every loop. */
    static final int FRAMES = 120;
    private static final double DEEPEST_ZOOM = 20;
    private static final int COLUMNS = 900;
    private static final int ROWS = 200;
    private static final System.Logger LOG = System.getLogger(ZoomWarmUp.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ZoomWarmUp() {
    }

    /** Starts the warm-up the first time it is asked for in this program; later calls do nothing. */
    public static void startOnce() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException | Error e) {
                // Only a warm-up: the zoom works without it, a little slower at first.
                LOG.log(System.Logger.Level.DEBUG, "the zoom's warm-up stopped", e);
            }
        }, "zoom-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * One warm-up: a zoom in to 1/20 about the middle and out again over the made-up run, each frame
     * thinning three voltage traces and one neuron's input and repainting the raster. Returns the points
     * and spikes drawn over all frames, which depend on every step of the work.
     */
    static long run() {
        Random random = new Random(1);
        VoltageTraces traces = new VoltageTraces(0, 0);
        traces.reset(DT);
        int[] neurons = {0, 1, 2};
        traces.showNeurons(neurons);
        for (int neuron : neurons) {
            traces.put(neuron, 0, voltages(random));
        }
        BalanceTraces balance = new BalanceTraces(0, 0);
        balance.reset(DT);
        balance.showNeuron(0);
        balance.put(0, 0, currents(random, 1), currents(random, -1));
        SpikeRaster raster = new SpikeRaster(SPIKES);
        raster.reset(NEURONS, DT);
        int[] steps = new int[SPIKES];
        int[] spiking = new int[SPIKES];
        for (int k = 0; k < SPIKES; k++) {
            steps[k] = (int) ((long) k * STEPS / SPIKES);
            spiking[k] = random.nextInt(NEURONS);
        }
        raster.putSpikes(0, STEPS, steps, spiking);

        long drawn = 0;
        double whole = STEPS * DT;
        for (int frame = 0; frame < FRAMES; frame++) {
            double depth = frame < FRAMES / 2 ? frame : FRAMES - 1 - frame;
            double span = whole / Math.pow(DEEPEST_ZOOM, depth / (FRAMES / 2.0 - 1));
            double start = (whole - span) / 2;
            int from = (int) Math.floor(start / DT);
            int to = (int) Math.ceil((start + span) / DT);
            traces.update(from, to, span, COLUMNS);
            balance.update(from, to, span, COLUMNS);
            for (int neuron : neurons) {
                drawn += traces.trace(neuron).size();
            }
            raster.setView(start, span, COLUMNS, ROWS);
            raster.finishRepaint();
            drawn += raster.spikesInView();
        }
        return drawn;
    }

    /** A voltage-like trace: noise about -60 mV, and now and then a spike to 30 mV and a reset. */
    private static double[] voltages(Random random) {
        double[] v = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            v[s] = random.nextDouble() < 0.0005 ? 30 : -60 + 5 * random.nextGaussian();
        }
        return v;
    }

    private static double[] currents(Random random, double sign) {
        double[] current = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            current[s] = sign * (10 + 3 * random.nextGaussian());
        }
        return current;
    }
}
