package org.spikefx.engine;

/**
 * For a few chosen neurons, the synaptic current split into the part from positive weights and the
 * part from negative weights. Both parts go through the same double-exponential filter as the total
 * current (ipsc), so their sum is the ipsc itself: excitation and inhibition cancelling is what
 * keeps the balanced network irregular.
 */
public final class BalanceProbe {
    private final SynapticWeights weights;
    private final double riseDecay;
    private final double fallDecay;
    private final double dt;
    private final double riseTimesDecayTime;

    private int[] neurons = new int[0];
    private double[] positiveCurrent = new double[0];
    private double[] negativeCurrent = new double[0];
    private double[] positiveRise = new double[0];
    private double[] negativeRise = new double[0];
    private double[] positiveJump = new double[0];
    private double[] negativeJump = new double[0];

    BalanceProbe(SynapticWeights weights, double riseDecay, double fallDecay, double dt, double riseTimesDecayTime) {
        this.weights = weights;
        this.riseDecay = riseDecay;
        this.fallDecay = fallDecay;
        this.dt = dt;
        this.riseTimesDecayTime = riseTimesDecayTime;
    }

    /**
     * Follows these neurons from now on, in this order. A neuron followed already keeps its split; a
     * new one starts from zero, so its two parts add up to its current only once the input from
     * before (a few decay times td) has faded.
     */
    public void follow(int[] chosen) {
        Simulation.requireExisting(chosen, weights.neuronCount());
        int count = chosen.length;
        double[] positive = new double[count];
        double[] negative = new double[count];
        double[] positiveRising = new double[count];
        double[] negativeRising = new double[count];
        for (int r = 0; r < count; r++) {
            for (int old = 0; old < neurons.length; old++) {
                if (neurons[old] == chosen[r]) {
                    positive[r] = positiveCurrent[old];
                    negative[r] = negativeCurrent[old];
                    positiveRising[r] = positiveRise[old];
                    negativeRising[r] = negativeRise[old];
                }
            }
        }
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

    void update(int[] spikers, int spikeCount) {
        if (neurons.length == 0) {
            return;
        }
        for (int s = 0; s < spikeCount; s++) {
            weights.addColumnSplit(spikers[s], neurons, positiveJump, negativeJump);
        }
        for (int r = 0; r < neurons.length; r++) {
            positiveCurrent[r] = positiveCurrent[r] * riseDecay + positiveRise[r] * dt;
            negativeCurrent[r] = negativeCurrent[r] * riseDecay + negativeRise[r] * dt;
            positiveRise[r] = positiveRise[r] * fallDecay + positiveJump[r] / riseTimesDecayTime;
            negativeRise[r] = negativeRise[r] * fallDecay + negativeJump[r] / riseTimesDecayTime;
            positiveJump[r] = 0;
            negativeJump[r] = 0;
        }
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
