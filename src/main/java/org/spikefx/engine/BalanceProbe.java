package org.spikefx.engine;

/**
 * For a few chosen neurons, the synaptic current split into the part from positive weights and the
 * part from negative weights. Both parts go through the same double-exponential filter as the total
 * current (ipsc), so their sum is the ipsc itself: excitation and inhibition cancelling is what
 * keeps the balanced network irregular.
 */
public final class BalanceProbe {
    private final SynapticWeights weights;
    private final SynapticFilter synapse;

    private int[] neurons = new int[0];
    private double[] positiveCurrent = new double[0];
    private double[] negativeCurrent = new double[0];
    private double[] positiveRise = new double[0];
    private double[] negativeRise = new double[0];
    private double[] positiveJump = new double[0];
    private double[] negativeJump = new double[0];
    /**
     * The incoming weights of each followed neuron, by presynaptic neuron (zero where unconnected).
     * Looking a spike's weight up here instead of searching its column keeps the probe's cost per
     * spike to one read per followed neuron: at n = 20,000 the searches missed the cache so often
     * that the probe took an eighth of each step.
     */
    private double[][] incoming = new double[0][];

    /** A probe following no neuron yet, of the network of these weights, whose synapses are this filter. */
    public BalanceProbe(SynapticWeights weights, SynapticFilter synapse) {
        this.weights = weights;
        this.synapse = synapse;
    }

    /**
     * Follows these neurons from now on, in this order. A neuron followed already keeps its split; a
     * new one starts from zero, so its two parts add up to its current only once the input from
     * before (a few decay times td) has faded.
     */
    public void follow(int[] chosen) {
        NetworkModel.requireExisting(chosen, weights.neuronCount());
        int count = chosen.length;
        double[] positive = new double[count];
        double[] negative = new double[count];
        double[] positiveRising = new double[count];
        double[] negativeRising = new double[count];
        double[][] rows = new double[count][];
        for (int r = 0; r < count; r++) {
            for (int old = 0; old < neurons.length; old++) {
                if (neurons[old] == chosen[r]) {
                    positive[r] = positiveCurrent[old];
                    negative[r] = negativeCurrent[old];
                    positiveRising[r] = positiveRise[old];
                    negativeRising[r] = negativeRise[old];
                    rows[r] = incoming[old];
                }
            }
            if (rows[r] == null) {
                rows[r] = weights.denseRow(chosen[r]);
            }
        }
        incoming = rows;
        neurons = chosen.clone();
        positiveCurrent = positive;
        negativeCurrent = negative;
        positiveRise = positiveRising;
        negativeRise = negativeRising;
        positiveJump = new double[count];
        negativeJump = new double[count];
    }

    public int[] neurons() {
        return neurons.clone();
    }

    /** Takes in the spikes of a step: a model calls this once per step, after the step's spikes are known. */
    public void update(int[] spikers, int spikeCount) {
        if (neurons.length == 0) {
            return;
        }
        for (int s = 0; s < spikeCount; s++) {
            int j = spikers[s];
            for (int r = 0; r < incoming.length; r++) {
                double w = incoming[r][j];
                if (w > 0) {
                    positiveJump[r] += w;
                } else {
                    negativeJump[r] += w;
                }
            }
        }
        synapse.step(positiveCurrent, positiveRise, positiveJump, 0, neurons.length);
        synapse.step(negativeCurrent, negativeRise, negativeJump, 0, neurons.length);
    }

    /** Current from positive (excitatory) weights onto the r-th followed neuron. */
    public double excitatory(int r) {
        return positiveCurrent[r];
    }

    /** Current from negative (inhibitory) weights onto the r-th followed neuron; zero or below. */
    public double inhibitory(int r) {
        return negativeCurrent[r];
    }
}
