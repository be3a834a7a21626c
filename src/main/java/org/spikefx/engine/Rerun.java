package org.spikefx.engine;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.spikefx.params.NetworkParameters;

/**
 * A span of a run computed again, to see what a live run did not keep: the voltages and the split of
 * the synaptic input into excitation and inhibition of neurons chosen afterwards. The models are
 * deterministic, so running from step 0 gives, bit for bit, what the live run computed; the balance
 * currents are followed from t = 0, so they are exact from the first step of the span (a live run
 * that starts following a neuron late only catches up after a few decay times).
 *
 * <p>The cost is the steps 0 .. to, without drawing: at the defaults about 20 simulated seconds per
 * second of one core. Reusing an already built {@link RandomNetwork} skips the build.
 *
 * <pre>
 * Rerun.Span span = Rerun.balanced(params, network, new int[] {17, 512}, from, to);
 * double v = span.voltage(s, 0);          // neuron 17 at step from + s
 * double e = span.excitatory(s, 1);       // excitatory current onto neuron 512 at step from + s
 * </pre>
 */
public final class Rerun {
    private Rerun() {
    }

    /**
     * What a span of steps {@code [from, to)} holds for the chosen neurons.
     *
     * @param from       first step of the span
     * @param to         the step after the last
     * @param neurons    the chosen neurons, in the order given
     * @param voltages   voltage before reset (a spike shows as its peak), step-major: {@code [s * neurons.length + r]}
     * @param excitatory current from positive weights, step-major
     * @param inhibitory current from negative weights, step-major
     * @param spikeSteps step of every spike of the whole network in the span, in detection order
     * @param spikeNeurons neuron of each of those spikes
     */
    public record Span(int from, int to, int[] neurons, double[] voltages, double[] excitatory, double[] inhibitory,
                       int[] spikeSteps, int[] spikeNeurons) {
        /** Number of steps in the span. */
        public int steps() {
            return to - from;
        }

        /** Voltage of the r-th chosen neuron at step {@code from + s}. */
        public double voltage(int s, int r) {
            return voltages[s * neurons.length + r];
        }

        /** Excitatory current onto the r-th chosen neuron at step {@code from + s}. */
        public double excitatory(int s, int r) {
            return excitatory[s * neurons.length + r];
        }

        /** Inhibitory current onto the r-th chosen neuron at step {@code from + s}; zero or below. */
        public double inhibitory(int s, int r) {
            return inhibitory[s * neurons.length + r];
        }
    }

    /**
     * The span {@code [from, to)} of the balanced network of these parameters, on one thread.
     *
     * @param network built for these parameters ({@link RandomNetwork#matches}); it is only read
     * @throws CancellationException    if the calling thread is interrupted (checked every step)
     * @throws IllegalArgumentException if the span is empty or negative, or a neuron does not exist
     */
    public static Span balanced(NetworkParameters params, RandomNetwork network, int[] neurons, int from, int to) {
        try (Simulation simulation = new Simulation(params, network)) {
            return of(simulation, neurons, from, to);
        }
    }

    /**
     * The span {@code [from, to)} of any model, which must be fresh (at step 0). The model is left at
     * step {@code to}; the caller closes it.
     */
    public static Span of(NetworkModel fresh, int[] neurons, int from, int to) {
        if (fresh.nextStep() != 0) {
            throw new IllegalArgumentException("a rerun starts from step 0; this model is at step " + fresh.nextStep());
        }
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("steps " + from + " to " + to + " are not a span: it must start at 0"
                    + " or later and end after it starts");
        }
        int[] chosen = neurons.clone();
        fresh.setRecordedNeurons(chosen);
        fresh.balance().follow(chosen);
        int count = chosen.length;
        int steps = to - from;
        double[] voltages = new double[steps * count];
        double[] excitatory = new double[steps * count];
        double[] inhibitory = new double[steps * count];
        SpikeRecord spikes = new SpikeRecord();
        RunLoop.Recorder keep = model -> {
            int step = model.nextStep() - 1;
            if (step < from) {
                return;
            }
            int s = step - from;
            System.arraycopy(model.recordedVoltages(), 0, voltages, s * count, count);
            BalanceProbe balance = model.balance();
            for (int r = 0; r < count; r++) {
                excitatory[s * count + r] = balance.excitatory(r);
                inhibitory[s * count + r] = balance.inhibitory(r);
            }
            spikes.addStep(model);
        };
        new RunLoop(fresh).runToUnchecked(to, List.of(keep), model -> false);
        int[] spikeSteps = new int[spikes.size()];
        int[] spikeNeurons = new int[spikes.size()];
        for (int k = 0; k < spikes.size(); k++) {
            spikeSteps[k] = spikes.step(k);
            spikeNeurons[k] = spikes.neuron(k);
        }
        return new Span(from, to, chosen, voltages, excitatory, inhibitory, spikeSteps, spikeNeurons);
    }
}
