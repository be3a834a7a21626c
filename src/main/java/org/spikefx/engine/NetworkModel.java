package org.spikefx.engine;

import java.util.Optional;

import org.spikefx.params.NetworkParameters;

/**
 * A spiking network that advances one step at a time, in the spirit of NEST's neuron models: its
 * parameters are fixed when it is made; its state (voltages, synaptic currents, refractory clocks)
 * changes only in {@link #advance()}; what it derives from the parameters (decay factors, divisors)
 * is computed once; and what arrives between steps (the spikes' weights) is buffered inside it. Every
 * model runs through the same loop, {@link RunLoop}, and whoever records a run reads the model only
 * through this interface, after each step, so recorders never need to know which model runs.
 *
 * <p>After each {@link #advance()} the step's spikes, recorded voltages, balance currents and readout
 * can be read until the next call. One thread owns a model; close it when done.
 */
public interface NetworkModel extends AutoCloseable {
    /**
     * The voltage a neuron is set to in the step it spikes, before its reset, in mV: the reference writes
     * {@code v + (30 - v)}. A recorded spike shows as this peak.
     */
    double SPIKE_PEAK_MV = 30;

    NetworkParameters parameters();

    /** Index of the next step to compute; equals the number of steps done. */
    int nextStep();

    /** Whether all round(T/dt) steps of the run are done. A model may still advance past T (continuous runs). */
    default boolean finished() {
        return nextStep() >= parameters().steps();
    }

    /** Computes step {@link #nextStep()} and moves on. */
    void advance();

    /** Number of neurons that spiked in the last step. */
    int spikeCount();

    /** The neurons that spiked in the last step, increasing; valid entries are 0 .. spikeCount()-1. Do not modify. */
    int[] spikers();

    /** Which neurons' voltages are recorded after each step. */
    int[] recordedNeurons();

    /** Records these neurons' voltages from the next step on; refuses numbers outside 0 .. n-1. */
    void setRecordedNeurons(int[] neurons);

    /** Voltages of the recorded neurons at the end of the last step, before the reset. Do not modify. */
    double[] recordedVoltages();

    /** The neurons whose synaptic input is split into its excitatory and inhibitory parts. */
    BalanceProbe balance();

    /** The model's linear readout of its activity, if it has one (a trained network has). */
    default Optional<Readout> readout() {
        return Optional.empty();
    }

    /** Stops the model's worker threads, if it has any; it cannot advance afterwards. */
    @Override
    void close();

    /** Refuses neuron numbers outside 0 .. n-1, naming the first one. */
    static void requireExisting(int[] neurons, int n) {
        for (int k : neurons) {
            if (k < 0 || k >= n) {
                throw new IllegalArgumentException("neuron " + k + " does not exist: neurons are 0 to " + (n - 1));
            }
        }
    }
}
