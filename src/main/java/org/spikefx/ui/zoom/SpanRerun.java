package org.spikefx.ui.zoom;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.params.NetworkParameters;

/**
 * Simulates a run again, deterministically, to give back the steps [from, to) of chosen traces that the
 * window no longer has or never recorded: voltages, the balance split (followed from step 0, so without
 * the transient of a probe started late), every spike and the spikes per step. The engine is
 * deterministic, so these equal what the run produced, bit for bit. The steps go through the engine's one
 * {@link RunLoop}, like every other run; the span is one of its recorders.
 *
 * <p>The last model is kept: a request for the same neurons that starts at or after where it stopped
 * goes on from there instead of from step 0 (a picked neuron's balance keeping up with a run). It
 * reports progress and can be cancelled between steps, which a re-run that a zoom asks for needs. The
 * model is made by a {@link ModelFactory}, on one thread, leaving the other core to the live run.
 * Runs on a background thread, never the FX thread; one request at a time.
 */
final class SpanRerun {
    /** Progress is reported, and a cancel looked for, every this many steps. */
    private static final int CHECK_EVERY_STEPS = 1024;
    private final ModelFactory factory;

    SpanRerun() {
        this(ModelFactory.BALANCED);
    }

    SpanRerun(ModelFactory factory) {
        this.factory = factory;
    }

    /** What to simulate again: the steps [from, to) of the run with these parameters. */
    record Request(NetworkParameters params, int from, int to, int[] voltageNeurons, int[] balanceNeurons) {
        int steps() {
            return to - from;
        }
    }

    /**
     * The steps [from, to) of the request: {@code voltages[r][s]} for the r-th voltage neuron at step
     * from + s, likewise the balance parts; every spike as (step, neuron) in time order; spikes per step.
     */
    record Result(Request request, double[][] voltages, double[][] excitatory, double[][] inhibitory,
                  int[] spikeSteps, int[] spikeNeurons, double[] spikesPerStep) {
    }

    private RandomNetwork network;
    private NetworkModel simulation;
    private Request started;
    private long stepsSimulated;

    /**
     * Simulates the request; returns null if {@code cancelled} said so on the way.
     *
     * @param progress told the fraction done (0 to 1) from time to time
     */
    Result run(Request request, DoubleConsumer progress, BooleanSupplier cancelled) {
        if (network == null || !factory.canReuse(network, request.params())) {
            closeModel();
            network = null; // let the old one go before the new one is built
            try {
                network = factory.buildNetwork(request.params(), fraction -> { });
            } catch (CancellationException stopped) {
                return null; // interrupted while building: nothing to give, nothing kept
            }
        }
        if (simulation == null || !canGoOn(request)) {
            closeModel();
            simulation = factory.create(request.params(), network);
            simulation.setRecordedNeurons(request.voltageNeurons());
            simulation.balance().follow(request.balanceNeurons());
            started = request;
        }
        Span span = new Span(request, simulation, progress, cancelled);
        try {
            new RunLoop(simulation).runToUnchecked(request.to(), List.of(span), span);
        } catch (CancellationException stopped) {
            // The thread was interrupted between steps: the model stopped mid-span, so start afresh next time.
            closeModel();
            return null;
        }
        stepsSimulated += span.steps;
        if (span.cancelledOnTheWay) {
            closeModel();
            return null;
        }
        progress.accept(1);
        return span.result();
    }

    /**
     * Collects the request's steps as the run loop makes them (the steps before {@code from} are only
     * simulated), reports progress every {@link #CHECK_EVERY_STEPS} steps and stops there when asked to.
     */
    private static final class Span implements RunLoop.Recorder, RunLoop.StopCondition {
        private final Request request;
        private final DoubleConsumer progress;
        private final BooleanSupplier cancelled;
        private final int first;
        private final int[] voltageColumn;
        private final int[] balanceColumn;
        private final double[][] voltages;
        private final double[][] excitatory;
        private final double[][] inhibitory;
        private final double[] spikesPerStep;
        private int[] spikeSteps = new int[1024];
        private int[] spikeNeurons = new int[1024];
        private int spikes;
        long steps;
        boolean cancelledOnTheWay;

        Span(Request request, NetworkModel model, DoubleConsumer progress, BooleanSupplier cancelled) {
            this.request = request;
            this.progress = progress;
            this.cancelled = cancelled;
            first = model.nextStep();
            int count = request.steps();
            voltages = new double[request.voltageNeurons().length][count];
            excitatory = new double[request.balanceNeurons().length][count];
            inhibitory = new double[request.balanceNeurons().length][count];
            spikesPerStep = new double[count];
            voltageColumn = columns(request.voltageNeurons(), model.recordedNeurons());
            balanceColumn = columns(request.balanceNeurons(), model.balance().neurons());
        }

        @Override
        public void stepDone(NetworkModel model) {
            int step = model.nextStep() - 1;
            steps++;
            if (step < request.from()) {
                return;
            }
            int s = step - request.from();
            double[] recorded = model.recordedVoltages();
            for (int r = 0; r < voltageColumn.length; r++) {
                voltages[r][s] = recorded[voltageColumn[r]];
            }
            for (int r = 0; r < balanceColumn.length; r++) {
                excitatory[r][s] = model.balance().excitatory(balanceColumn[r]);
                inhibitory[r][s] = model.balance().inhibitory(balanceColumn[r]);
            }
            int spiking = model.spikeCount();
            spikesPerStep[s] = spiking;
            if (spikes + spiking > spikeSteps.length) {
                int larger = Math.max(2 * spikeSteps.length, spikes + spiking);
                spikeSteps = Arrays.copyOf(spikeSteps, larger);
                spikeNeurons = Arrays.copyOf(spikeNeurons, larger);
            }
            int[] spikers = model.spikers();
            for (int k = 0; k < spiking; k++) {
                spikeSteps[spikes] = step;
                spikeNeurons[spikes++] = spikers[k];
            }
        }

        @Override
        public boolean stopAfter(NetworkModel model) {
            int step = model.nextStep() - 1;
            if (step % CHECK_EVERY_STEPS != 0) {
                return false;
            }
            if (cancelled.getAsBoolean()) {
                cancelledOnTheWay = true;
                return true;
            }
            progress.accept((double) (step - first) / (request.to() - first));
            return false;
        }

        Result result() {
            return new Result(request, voltages, excitatory, inhibitory, Arrays.copyOf(spikeSteps, spikes),
                    Arrays.copyOf(spikeNeurons, spikes), spikesPerStep);
        }
    }

    private void closeModel() {
        if (simulation != null) {
            simulation.close();
            simulation = null;
        }
    }

    /** Steps simulated by all re-runs so far. */
    long stepsSimulated() {
        return stepsSimulated;
    }

    /** Whether the kept simulation can go on to this request: same run, same neurons, not past its start. */
    private boolean canGoOn(Request request) {
        return started != null && started.params().equals(request.params())
                && simulation.nextStep() <= request.from()
                && contains(simulation.recordedNeurons(), request.voltageNeurons())
                && contains(simulation.balance().neurons(), request.balanceNeurons());
    }

    private static boolean contains(int[] all, int[] wanted) {
        return Arrays.stream(wanted).allMatch(k -> Arrays.stream(all).anyMatch(a -> a == k));
    }

    /** For each wanted neuron, its column among the simulation's neurons. */
    private static int[] columns(int[] wanted, int[] all) {
        int[] columns = new int[wanted.length];
        for (int r = 0; r < wanted.length; r++) {
            int k = wanted[r];
            columns[r] = IntStream.range(0, all.length).filter(i -> all[i] == k).findFirst().orElseThrow();
        }
        return columns;
    }
}
