package org.spikefx.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Simulation;
import org.spikefx.params.NetworkParameters;
import org.spikefx.run.Batch;

/** Batches for tests and the demo: packed from a real simulation, or made up with known spikes. */
public final class TestBatches {
    private TestBatches() {
    }

    /** A whole run of the engine, in batches of {@code stepsPerBatch} steps. */
    public static List<Batch> simulate(NetworkParameters params, int stepsPerBatch, int... balanceNeurons) {
        Simulation simulation = new Simulation(params, RandomNetwork.build(params));
        simulation.balance().follow(balanceNeurons);
        List<Batch> batches = new ArrayList<>();
        while (!simulation.finished()) {
            batches.add(next(simulation, stepsPerBatch, 1));
        }
        return batches;
    }

    /** Advances the simulation by up to {@code steps} steps and packs what they produced. */
    public static Batch next(Simulation simulation, int steps, long runId) {
        int firstStep = simulation.nextStep();
        int count = Math.min(steps, simulation.parameters().steps() - firstStep);
        int[] recorded = simulation.recordedNeurons();
        int[] balance = simulation.balance().neurons();
        double[] voltages = new double[count * recorded.length];
        double[] excitatory = new double[count * balance.length];
        double[] inhibitory = new double[count * balance.length];
        int[] spikesPerStep = new int[count];
        List<int[]> spikes = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            simulation.advance();
            System.arraycopy(simulation.recordedVoltages(), 0, voltages, s * recorded.length, recorded.length);
            for (int r = 0; r < balance.length; r++) {
                excitatory[s * balance.length + r] = simulation.balance().excitatory(r);
                inhibitory[s * balance.length + r] = simulation.balance().inhibitory(r);
            }
            spikesPerStep[s] = simulation.spikeCount();
            for (int k = 0; k < simulation.spikeCount(); k++) {
                spikes.add(new int[] {firstStep + s, simulation.spikers()[k]});
            }
        }
        return new Batch(runId, firstStep, count, simulation.parameters().dt(), simulation.parameters().n(), recorded,
                voltages, spikes.stream().mapToInt(spike -> spike[0]).toArray(),
                spikes.stream().mapToInt(spike -> spike[1]).toArray(), spikesPerStep, balance, excitatory, inhibitory);
    }

    /**
     * A made-up batch with the given spikes (pairs step, neuron, in time order) and no voltages; the
     * population counts follow from the spikes.
     */
    public static Batch withSpikes(int firstStep, int stepCount, double dt, int neuronCount, int... stepNeuronPairs) {
        int[] steps = new int[stepNeuronPairs.length / 2];
        int[] neurons = new int[steps.length];
        int[] spikesPerStep = new int[stepCount];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = stepNeuronPairs[2 * i];
            neurons[i] = stepNeuronPairs[2 * i + 1];
            spikesPerStep[steps[i] - firstStep]++;
        }
        return new Batch(1, firstStep, stepCount, dt, neuronCount, new int[0], new double[0], steps, neurons,
                spikesPerStep, new int[0], new double[0], new double[0]);
    }

    /** A made-up batch in which the recorded neurons have the given voltage at every step. */
    public static Batch withVoltages(int firstStep, int stepCount, double dt, int[] recorded,
                                     VoltageOfStep voltage) {
        double[] voltages = new double[stepCount * recorded.length];
        for (int s = 0; s < stepCount; s++) {
            for (int r = 0; r < recorded.length; r++) {
                voltages[s * recorded.length + r] = voltage.at(firstStep + s, recorded[r]);
            }
        }
        return new Batch(1, firstStep, stepCount, dt, Arrays.stream(recorded).max().orElse(0) + 1, recorded, voltages,
                new int[0], new int[0], new int[stepCount], new int[0], new double[0], new double[0]);
    }

    /** A voltage as a function of step and neuron. */
    @FunctionalInterface
    public interface VoltageOfStep {
        double at(int step, int neuron);
    }
}
