package org.spikefx.ui.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToLongFunction;

import org.spikefx.run.Batch;

/**
 * The input of one neuron split into its excitatory part (from positive weights), its inhibitory part
 * (from negative weights) and their sum: the net input is what is left after the two large parts cancel.
 *
 * <p>Each neuron the batches follow has a full-resolution history. A split is exact only when the run
 * has followed the neuron since step 0: one followed from later on starts from zero, a transient that
 * never happened. So a neuron's live values are kept only while it has been followed since step 0;
 * the history of any other neuron comes from a re-run ({@link #put}), which follows it from the start.
 * The neuron shown is the one chosen ({@link #showNeuron}), or else the batches' first balance neuron.
 */
public final class BalanceTraces {
    private final Map<Integer, Split> splits = new LinkedHashMap<>();
    /** Neurons followed in every batch since step 0 of the run: their live split is exact. */
    private final Set<Integer> followedSinceStart = new HashSet<>();
    private final WindowedThinning excitatory = new WindowedThinning();
    private final WindowedThinning inhibitory = new WindowedThinning();
    private final WindowedThinning net = new WindowedThinning();
    private int chosen = -1;
    private int neuron = -1;
    private boolean started;
    private double dt = 1;

    /** Kept for the views' constructors: the grid is set by {@link #update}. */
    public BalanceTraces(double span, int pixelColumns) {
    }

    /**
     * One neuron's excitatory and inhibitory input, step by step, and their sum: kept as a trace of its
     * own, so that a zoomed-out plot thins it from its blocks' extremes as it does the two parts, rather
     * than adding every step of the window up again each frame.
     */
    private static final class Split {
        final StepTrace excitatory = new StepTrace();
        final StepTrace inhibitory = new StepTrace();
        final StepTrace net = new StepTrace();
    }

    /** Samples of one part of the shown neuron's split, or of their sum. */
    private final class Part implements WindowedThinning.Samples {
        private final int which;

        Part(int which) {
            this.which = which;
        }

        @Override
        public double time(int index) {
            return index * dt;
        }

        @Override
        public void forEach(int from, int to, StepSeries.StepValueConsumer consumer) {
            Split split = splits.get(neuron);
            if (split == null) {
                return;
            }
            trace(split).forEach(from, to, consumer);
        }

        private StepTrace trace(Split split) {
            return which == 0 ? split.excitatory : which == 1 ? split.inhibitory : split.net;
        }

        @Override
        public void forEachForColumns(int from, int to, IntToLongFunction columnOf,
                                      StepSeries.StepValueConsumer consumer) {
            Split split = splits.get(neuron);
            if (split == null) {
                return;
            }
            trace(split).forEachForColumns(from, to, columnOf, consumer);
        }

        @Override
        public long revision() {
            Split split = splits.get(neuron);
            return split == null ? -1 : (split.excitatory.revision() << 20) + split.inhibitory.revision() + neuron * 31L;
        }
    }

    private final Part excitatoryPart = new Part(0);
    private final Part inhibitoryPart = new Part(1);
    private final Part netPart = new Part(2);

    public void accept(Batch batch) {
        dt = batch.dt();
        int[] followed = batch.balanceNeurons();
        Set<Integer> inBatch = new HashSet<>();
        for (int k : followed) {
            inBatch.add(k);
        }
        if (!started && batch.firstStep() == 0) {
            followedSinceStart.addAll(inBatch);
        }
        started = true;
        followedSinceStart.retainAll(inBatch);
        if (chosen < 0 && followed.length > 0) {
            neuron = followed[0];
        }
        for (int r = 0; r < followed.length; r++) {
            if (!followedSinceStart.contains(followed[r])) {
                continue;
            }
            Split split = splits.computeIfAbsent(followed[r], k -> new Split());
            for (int s = 0; s < batch.stepCount(); s++) {
                int step = batch.firstStep() + s;
                double excitation = batch.excitatory(s, r);
                double inhibition = batch.inhibitory(s, r);
                split.excitatory.append(step, excitation);
                split.inhibitory.append(step, inhibition);
                split.net.append(step, excitation + inhibition);
            }
        }
        splits.keySet().removeIf(k -> !inBatch.contains(k) && k != neuron);
    }

    /** Shows this neuron's input from now on (-1: the batches' first balance neuron). */
    public void showNeuron(int k) {
        chosen = k;
        if (k >= 0) {
            neuron = k;
        }
    }

    /** Whether the live values of neuron k are exact: the run has followed it since step 0. */
    public boolean followedSinceStart(int k) {
        return followedSinceStart.contains(k);
    }

    /** A re-run's split of neuron k's input for the steps from {@code fromStep} on. */
    public void put(int k, int fromStep, double[] excitation, double[] inhibition) {
        Split split = splits.computeIfAbsent(k, key -> new Split());
        split.excitatory.put(fromStep, excitation);
        split.inhibitory.put(fromStep, inhibition);
        double[] sum = new double[Math.min(excitation.length, inhibition.length)];
        for (int s = 0; s < sum.length; s++) {
            sum[s] = excitation[s] + inhibition[s];
        }
        split.net.put(fromStep, sum);
    }

    /** Whether the shown neuron's split is known for every step of [from, to). */
    public boolean covers(int from, int to) {
        Split split = splits.get(neuron);
        return split != null && split.excitatory.covers(from, to) && split.inhibitory.covers(from, to);
    }

    /** The first step of [from, to) for which the shown neuron's split is not known; {@code to} if none. */
    public int firstMissing(int from, int to) {
        Split split = splits.get(neuron);
        return split == null ? from : Math.min(split.excitatory.firstMissing(from, to), split.inhibitory.firstMissing(from, to));
    }

    /** One past the newest step of the shown neuron's split. */
    private int endStep() {
        Split split = splits.get(neuron);
        return split == null ? 0 : Math.min(split.excitatory.endStep(), split.inhibitory.endStep());
    }

    /** Thins the shown neuron's split for the steps [fromStep, toStep) on the plot's grid. */
    public void update(int fromStep, int toStep, double span, int pixelColumns) {
        int to = Math.min(toStep, endStep());
        excitatory.update(excitatoryPart, fromStep, to, span, pixelColumns);
        inhibitory.update(inhibitoryPart, fromStep, to, span, pixelColumns);
        net.update(netPart, fromStep, to, span, pixelColumns);
    }

    /** The neuron whose input is shown, or -1 before any is chosen or followed. */
    public int neuron() {
        return neuron;
    }

    public MinMaxDecimator excitatory() {
        return excitatory.thinned();
    }

    public MinMaxDecimator inhibitory() {
        return inhibitory.thinned();
    }

    public MinMaxDecimator net() {
        return net.thinned();
    }

    /** Starts a new run of steps of {@code dt} seconds; the chosen neuron stays chosen. */
    public void reset(double stepSeconds) {
        dt = stepSeconds;
        clear();
        if (chosen >= 0) {
            neuron = chosen;
        }
    }

    public void clear() {
        splits.clear();
        followedSinceStart.clear();
        started = false;
        excitatory.clear();
        inhibitory.clear();
        net.clear();
        neuron = -1;
    }
}
