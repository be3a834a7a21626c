package org.spikefx.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.engine.Simulation;
import org.spikefx.params.NetworkParameters;
import org.spikefx.run.Batch;
import org.spikefx.run.BatchBuilder;

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

    /** Advances the model by up to {@code steps} steps, through the run loop, and packs what they produced. */
    public static Batch next(NetworkModel model, int steps, long runId) {
        int count = Math.min(steps, model.parameters().steps() - model.nextStep());
        BatchBuilder batch = new BatchBuilder(runId, model, count);
        new RunLoop(model).runToUnchecked(model.nextStep() + count, List.of(batch), done -> false);
        return batch.build();
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
