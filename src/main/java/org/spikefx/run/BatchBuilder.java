package org.spikefx.run;

import java.util.Arrays;

import org.spikefx.engine.BalanceProbe;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RunLoop;

/**
 * Records the steps of one chunk of a model's run and packs them into an immutable {@link Batch}: a
 * {@link RunLoop.Recorder} that keeps what the views need, for whichever model runs.
 */
public final class BatchBuilder implements RunLoop.Recorder {
    private final long runId;
    private final NetworkModel model;
    private final int firstStep;
    private final int capacity;
    private final int[] recorded;
    private final int[] balance;
    private final double[] voltages;
    private final double[] excitatory;
    private final double[] inhibitory;
    private final int[] spikesPerStep;
    private final double[] readout;
    private final double[] target;
    private int[] spikeSteps = new int[64];
    private int[] spikeNeurons = new int[64];
    private int spikeCount;
    private int steps;

    /** Collects up to {@code capacity} steps of the model from its next step on, with its current selections. */
    public BatchBuilder(long runId, NetworkModel model, int capacity) {
        this.runId = runId;
        this.model = model;
        this.firstStep = model.nextStep();
        this.capacity = capacity;
        this.recorded = model.recordedNeurons();
        this.balance = model.balance().neurons();
        this.voltages = new double[capacity * recorded.length];
        this.excitatory = new double[capacity * balance.length];
        this.inhibitory = new double[capacity * balance.length];
        this.spikesPerStep = new int[capacity];
        int readoutSteps = model.readout().isPresent() ? capacity : 0;
        this.readout = new double[readoutSteps];
        this.target = new double[readoutSteps];
    }

    /** Whether the chunk has all its steps: the loop stops here. */
    public boolean isFull() {
        return steps == capacity;
    }

    /** Keeps what the views need of the step just done. */
    @Override
    public void stepDone(NetworkModel model) {
        int count = model.spikeCount();
        if (spikeCount + count > spikeSteps.length) {
            int larger = Math.max(2 * spikeSteps.length, spikeCount + count);
            spikeSteps = Arrays.copyOf(spikeSteps, larger);
            spikeNeurons = Arrays.copyOf(spikeNeurons, larger);
        }
        int step = model.nextStep() - 1;
        int[] spikers = model.spikers();
        for (int s = 0; s < count; s++) {
            spikeSteps[spikeCount] = step;
            spikeNeurons[spikeCount++] = spikers[s];
        }
        spikesPerStep[steps] = count;
        System.arraycopy(model.recordedVoltages(), 0, voltages, steps * recorded.length, recorded.length);
        BalanceProbe probe = model.balance();
        for (int r = 0; r < balance.length; r++) {
            excitatory[steps * balance.length + r] = probe.excitatory(r);
            inhibitory[steps * balance.length + r] = probe.inhibitory(r);
        }
        if (readout.length > 0) {
            org.spikefx.engine.Readout z = model.readout().orElseThrow();
            readout[steps] = z.value();
            target[steps] = z.target();
        }
        steps++;
    }

    /**
     * The batch of the steps recorded so far; the builder is done with then. A full chunk hands over its
     * arrays as they are: copying them was half of what the running window allocated.
     */
    public Batch build() {
        Batch.Readout z = model.readout()
                .map(r -> new Batch.Readout(fit(readout, steps), fit(target, steps), r.updates(), r.decoderNorm()))
                .orElse(Batch.Readout.NONE);
        return new Batch(runId, firstStep, steps, model.parameters().dt(), model.parameters().n(),
                recorded, fit(voltages, steps * recorded.length),
                Arrays.copyOf(spikeSteps, spikeCount), Arrays.copyOf(spikeNeurons, spikeCount),
                fit(spikesPerStep, steps), balance,
                fit(excitatory, steps * balance.length), fit(inhibitory, steps * balance.length), z);
    }

    private static double[] fit(double[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }

    private static int[] fit(int[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }
}
