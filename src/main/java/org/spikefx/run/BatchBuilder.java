package org.spikefx.run;

import java.util.Arrays;

import org.spikefx.engine.BalanceProbe;
import org.spikefx.engine.Simulation;

/** Collects the steps of one chunk from a simulation and packs them into an immutable {@link Batch}. */
final class BatchBuilder {
    private final long runId;
    private final Simulation simulation;
    private final int firstStep;
    private final int capacity;
    private final int[] recorded;
    private final int[] balance;
    private final double[] voltages;
    private final double[] excitatory;
    private final double[] inhibitory;
    private final int[] spikesPerStep;
    private int[] spikeSteps = new int[64];
    private int[] spikeNeurons = new int[64];
    private int spikeCount;
    private int steps;

    BatchBuilder(long runId, Simulation simulation, int capacity) {
        this.runId = runId;
        this.simulation = simulation;
        this.firstStep = simulation.nextStep();
        this.capacity = capacity;
        this.recorded = simulation.recordedNeurons();
        this.balance = simulation.balance().neurons();
        this.voltages = new double[capacity * recorded.length];
        this.excitatory = new double[capacity * balance.length];
        this.inhibitory = new double[capacity * balance.length];
        this.spikesPerStep = new int[capacity];
    }

    boolean isFull() {
        return steps == capacity;
    }

    /** Advances the simulation by one step and keeps what the views need of it. */
    void advance() {
        simulation.advance();
        int count = simulation.spikeCount();
        if (spikeCount + count > spikeSteps.length) {
            int larger = Math.max(2 * spikeSteps.length, spikeCount + count);
            spikeSteps = Arrays.copyOf(spikeSteps, larger);
            spikeNeurons = Arrays.copyOf(spikeNeurons, larger);
        }
        int step = simulation.nextStep() - 1;
        int[] spikers = simulation.spikers();
        for (int s = 0; s < count; s++) {
            spikeSteps[spikeCount] = step;
            spikeNeurons[spikeCount++] = spikers[s];
        }
        spikesPerStep[steps] = count;
        System.arraycopy(simulation.recordedVoltages(), 0, voltages, steps * recorded.length, recorded.length);
        BalanceProbe probe = simulation.balance();
        for (int r = 0; r < balance.length; r++) {
            excitatory[steps * balance.length + r] = probe.excitatory(r);
            inhibitory[steps * balance.length + r] = probe.inhibitory(r);
        }
        steps++;
    }

    Batch build() {
        return new Batch(runId, firstStep, steps, simulation.parameters().dt(), simulation.parameters().n(),
                recorded, Arrays.copyOf(voltages, steps * recorded.length),
                Arrays.copyOf(spikeSteps, spikeCount), Arrays.copyOf(spikeNeurons, spikeCount),
                Arrays.copyOf(spikesPerStep, steps), balance,
                Arrays.copyOf(excitatory, steps * balance.length), Arrays.copyOf(inhibitory, steps * balance.length));
    }
}
