package org.spikefx.run;

/**
 * What the simulation thread hands to the views for one chunk of consecutive steps. Immutable once
 * built: the arrays belong to the batch and nobody writes to them after construction.
 *
 * @param runId           the run this batch belongs to; a restart starts a new id, older batches are dropped
 * @param firstStep       index of the chunk's first step (time = step * dt)
 * @param stepCount       number of steps in the chunk
 * @param dt              step length in seconds
 * @param neuronCount     number of neurons in the network (the raster's height)
 * @param recordedNeurons neurons whose voltages are recorded
 * @param voltages        voltages before reset, step-major: {@code voltages[s * recordedNeurons.length + r]}
 * @param spikeSteps      step index of each spike of the chunk, in detection order
 * @param spikeNeurons    neuron of each spike
 * @param spikesPerStep   population count: how many neurons spiked in each step of the chunk
 * @param balanceNeurons  neurons whose synaptic current is split into excitatory and inhibitory parts
 * @param excitatory      current from positive weights, step-major like {@code voltages}
 * @param inhibitory      current from negative weights, step-major like {@code voltages}
 * @param readout         the model's readout and its target at each step, or {@link Readout#NONE} for a model without one
 */
public record Batch(long runId, int firstStep, int stepCount, double dt, int neuronCount,
                    int[] recordedNeurons, double[] voltages,
                    int[] spikeSteps, int[] spikeNeurons, int[] spikesPerStep,
                    int[] balanceNeurons, double[] excitatory, double[] inhibitory, Readout readout) implements RunEvent {

    /** A batch of a model without a readout. */
    public Batch(long runId, int firstStep, int stepCount, double dt, int neuronCount,
                 int[] recordedNeurons, double[] voltages,
                 int[] spikeSteps, int[] spikeNeurons, int[] spikesPerStep,
                 int[] balanceNeurons, double[] excitatory, double[] inhibitory) {
        this(runId, firstStep, stepCount, dt, neuronCount, recordedNeurons, voltages, spikeSteps, spikeNeurons,
                spikesPerStep, balanceNeurons, excitatory, inhibitory, Readout.NONE);
    }

    /**
     * A model's readout over the chunk: the readout z and the target at each step, and, as they stand
     * at the chunk's end, the number of decoder updates and the decoder's norm.
     *
     * @param values      z at each step of the chunk
     * @param targets     the target at each step
     * @param updates     decoder updates so far
     * @param decoderNorm ‖φ‖ at the end of the chunk
     */
    public record Readout(double[] values, double[] targets, int updates, double decoderNorm) {
        /** What a batch of a model without a readout carries. */
        public static final Readout NONE = new Readout(new double[0], new double[0], 0, 0);

        /** Whether the model has a readout at all. */
        public boolean present() {
            return this != NONE;
        }
    }

    /** Number of spikes in the chunk. */
    public int spikeCount() {
        return spikeSteps.length;
    }

    /** Voltage of the r-th recorded neuron at the chunk's s-th step. */
    public double voltage(int s, int r) {
        return voltages[s * recordedNeurons.length + r];
    }

    /** Excitatory current of the r-th balance neuron at the chunk's s-th step. */
    public double excitatory(int s, int r) {
        return excitatory[s * balanceNeurons.length + r];
    }

    /** Inhibitory current of the r-th balance neuron at the chunk's s-th step. */
    public double inhibitory(int s, int r) {
        return inhibitory[s * balanceNeurons.length + r];
    }

    /** Simulated time at the end of the chunk, in seconds. */
    public double endTime() {
        return (firstStep + stepCount) * dt;
    }
}
