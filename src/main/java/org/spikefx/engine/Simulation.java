package org.spikefx.engine;

import org.spikefx.params.NetworkParameters;

/**
 * The balanced network stepped exactly as the reference steps it. Each expression that decides a
 * spike is written as the reference writes it: the refractory test {@code dt*i > tlast + tref}, the
 * update {@code tlast + (t - tlast)}, the order of the voltage, current and reset updates.
 *
 * <p>The neurons can be split into parts that step on threads of their own ({@link #parallel}):
 * each part updates its own neurons and adds every spike's weights into its own neurons' input,
 * visiting the spikes in the same order as one thread would, so the result is the same to the bit.
 *
 * <p>After each {@link #advance()} the step's spikes and recorded voltages can be read until the
 * next call. One thread owns a simulation; close it when done if it is parallel.
 */
public final class Simulation implements NetworkModel {
    private final NetworkParameters params;
    private final int n;
    private final double dt;
    private final Divisor membraneTime;
    private final double offset;
    private final double vpeak;
    private final double vreset;
    private final double tref;
    private final SynapticFilter synapse;

    private final double[] v;
    private final double[] ipsc;
    private final double[] hm;
    private final double[] jd;
    private final double[] tlast;
    /** tlast + tref, kept per neuron: the refractory test compares dt*i with it. */
    private final double[] refractoryEnd;
    /**
     * 1.0 while a neuron integrates, 0.0 while it is refractory: the reference multiplies the voltage
     * change by the boolean {@code dt*i > tlast + tref}, and so does this, which keeps the update loop
     * free of branches (and vectorisable). Only refractory neurons are tested each step.
     */
    private final double[] integrating;

    private final Part[] parts;
    private final SynapticWeights.Partition synapses;
    private final PartWorkers workers;

    private final int[] spikers;
    private int spikeCount;
    private int nextStep;
    private double stepTime;
    private double previousStepTime;

    private int[] recordedNeurons;
    private double[] recordedVoltages;
    private final BalanceProbe balance;

    /** From this size on, splitting the neurons across cores pays for handing each step over between threads. */
    public static final int PARALLEL_FROM_NEURONS = 5000;

    /** A simulation stepped on the calling thread alone. */
    public Simulation(NetworkParameters params, RandomNetwork network) {
        this(params, network, 1, false);
    }

    /**
     * A simulation whose neurons are split into {@code threads} parts stepped in parallel: worth it
     * for large networks (several thousand neurons), where the spikes' synapses dominate.
     */
    public static Simulation parallel(NetworkParameters params, RandomNetwork network, int threads) {
        return new Simulation(params, network, Math.max(1, Math.min(threads, params.n())), true);
    }

    /** Split into parts like a parallel simulation, but all stepped by the calling thread, as when workers back off. */
    static Simulation inParts(NetworkParameters params, RandomNetwork network, int parts) {
        return new Simulation(params, network, parts, false);
    }

    /**
     * A simulation that uses every core when the network is large enough for it to pay
     * ({@link #PARALLEL_FROM_NEURONS}), for runs that own the machine: the command line and benchmarks.
     */
    public static Simulation usingAllCores(NetworkParameters params, RandomNetwork network) {
        int cores = params.n() >= PARALLEL_FROM_NEURONS ? Runtime.getRuntime().availableProcessors() : 1;
        return new Simulation(params, network, cores, true);
    }

    private Simulation(NetworkParameters params, RandomNetwork network, int partCount, boolean withWorkers) {
        if (!network.matches(params)) {
            throw new IllegalArgumentException("the network was built for other values of n, p, g or seed");
        }
        this.params = params;
        this.n = params.n();
        this.dt = params.dt();
        this.membraneTime = new Divisor(params.tm());
        this.offset = params.offset();
        this.vpeak = params.vpeak();
        this.vreset = params.vreset();
        this.tref = params.tref();
        this.synapse = SynapticFilter.of(dt, params.tr(), params.td());

        v = network.initialVoltages(vreset);
        ipsc = new double[n];
        hm = new double[n];
        jd = new double[n];
        tlast = new double[n];
        refractoryEnd = new double[n];
        integrating = new double[n];
        spikers = new int[n];

        int[] partStart = new int[partCount + 1];
        for (int p = 0; p <= partCount; p++) {
            partStart[p] = (int) ((long) n * p / partCount);
        }
        parts = new Part[partCount];
        for (int p = 0; p < partCount; p++) {
            parts[p] = new Part(p, partStart[p], partStart[p + 1]);
        }
        synapses = network.weights().partition(partStart);
        workers = withWorkers && partCount > 1 ? new PartWorkers(partCount - 1, this::runStep) : null;

        int[] firstNeurons = new int[params.nrec()];
        for (int k = 0; k < firstNeurons.length; k++) {
            firstNeurons[k] = k;
        }
        setRecordedNeurons(firstNeurons);
        balance = new BalanceProbe(network.weights(), synapse);
    }

    @Override
    public NetworkParameters parameters() {
        return params;
    }

    @Override
    public int nextStep() {
        return nextStep;
    }

    /** Which neurons' voltages are recorded after each step (default: 0 .. nrec-1). */
    @Override
    public void setRecordedNeurons(int[] neurons) {
        NetworkModel.requireExisting(neurons, n);
        recordedNeurons = neurons.clone();
        recordedVoltages = new double[neurons.length];
    }

    @Override
    public int[] recordedNeurons() {
        return recordedNeurons.clone();
    }

    /** The neurons whose input is split into its excitatory and inhibitory parts; see {@link BalanceProbe}. */
    @Override
    public BalanceProbe balance() {
        return balance;
    }

    /**
     * Computes step i = {@link #nextStep()} and moves on. The spikes of step i reach their targets at
     * the start of step i+1 (each part first finishes the previous step's synapses, spike peaks and
     * resets for its own neurons, then integrates): the order of every operation on a neuron is the
     * reference's, and parts meet only once per step, when all spikes of the step are known.
     */
    @Override
    public void advance() {
        previousStepTime = stepTime;
        stepTime = dt * nextStep;
        if (workers != null && workers.worthHandingOver()) {
            workers.start(nextStep);
            runStep(0, nextStep);
            workers.awaitAll();
        } else {
            for (int part = 0; part < parts.length; part++) {
                runStep(part, nextStep);
            }
        }
        int buffer = nextStep & 1;
        spikeCount = 0;
        for (Part part : parts) {
            System.arraycopy(part.spikers[buffer], 0, spikers, spikeCount, part.spikeCount[buffer]);
            spikeCount += part.spikeCount[buffer];
        }
        balance.update(spikers, spikeCount);
        nextStep++;
    }

    /** Part {@code part}'s share of step {@code step}; parts 1.. run on the workers. */
    private void runStep(int part, int step) {
        if (step > 0) {
            parts[part].propagate(previousStepTime, (step - 1) & 1);
        }
        parts[part].integrate(stepTime, step & 1);
    }

    /**
     * The synaptic current (the reference's ipsc) of neuron k that the last step's membrane update
     * used: the current at the end of the step before it.
     */
    double currentIntegratedInLastStep(int k) {
        return ipsc[k];
    }

    @Override
    public int spikeCount() {
        return spikeCount;
    }

    @Override
    public int[] spikers() {
        return spikers;
    }

    /** Voltages of the recorded neurons at the end of the last step, before the reset (the reference's rec). Do not modify. */
    @Override
    public double[] recordedVoltages() {
        return recordedVoltages;
    }

    /** Stops the worker threads of a parallel simulation; it cannot advance afterwards. */
    @Override
    public void close() {
        if (workers != null) {
            workers.close();
        }
    }

    /**
     * A contiguous range of neurons with its own refractory list and its own spikers. The spikers of
     * consecutive steps go to alternate buffers: while one part still reads the previous step's
     * spikes of every part, another may already be writing the new step's.
     */
    private final class Part {
        private final int index;
        private final int from;
        private final int to;
        private final int[] refractory;
        private int refractoryCount;
        private final int[][] spikers;
        private final int[] spikeCount = new int[2];

        Part(int index, int from, int to) {
            this.index = index;
            this.from = from;
            this.to = to;
            refractory = new int[to - from];
            spikers = new int[2][to - from];
            // Everybody starts with tlast = 0, so nobody integrates during the first tref.
            for (int k = from; k < to; k++) {
                refractoryEnd[k] = tlast[k] + tref;
                refractory[refractoryCount++] = k;
            }
        }

        /** Membrane update and threshold (spikers in increasing index order), and the recorded voltages. */
        void integrate(double t, int buffer) {
            endRefractoryPeriods(t);
            // dv = (dt*i > tlast + tref) * (-v + inp) / tm;  v = v + dt*dv
            for (int k = from; k < to; k++) {
                v[k] = v[k] + dt * membraneTime.divide(integrating[k] * ((ipsc[k] + offset) - v[k]));
            }
            int[] found = spikers[buffer];
            int count = 0;
            for (int k = from; k < to; k++) {
                if (v[k] >= vpeak) {
                    found[count++] = k;
                }
            }
            spikeCount[buffer] = count;
            // The reference records after setting spikers to their peak, v + (30 - v), and before the reset.
            for (int r = 0; r < recordedNeurons.length; r++) {
                int k = recordedNeurons[r];
                if (k >= from && k < to) {
                    recordedVoltages[r] = v[k] >= vpeak ? v[k] + (SPIKE_PEAK_MV - v[k]) : v[k];
                }
            }
        }

        /** Lets the refractory neurons whose period is over integrate again: the literal test dt*i > tlast + tref. */
        private void endRefractoryPeriods(double t) {
            int stillRefractory = 0;
            for (int r = 0; r < refractoryCount; r++) {
                int k = refractory[r];
                if (t > refractoryEnd[k]) {
                    integrating[k] = 1.0;
                } else {
                    refractory[stillRefractory++] = k;
                }
            }
            refractoryCount = stillRefractory;
        }

        /** The rest of the step at time t: every spike's weights onto this part's neurons, their synapses, peaks and resets. */
        void propagate(double t, int buffer) {
            for (Part spiking : parts) {
                int[] spiked = spiking.spikers[buffer];
                for (int s = 0, count = spiking.spikeCount[buffer]; s < count; s++) {
                    synapses.addColumn(spiked[s], index, jd);
                }
            }
            int[] own = spikers[buffer];
            int count = spikeCount[buffer];
            for (int s = 0; s < count; s++) {
                int j = own[s];
                tlast[j] = tlast[j] + (t - tlast[j]);
                refractoryEnd[j] = tlast[j] + tref;
                if (integrating[j] != 0.0) {
                    integrating[j] = 0.0;
                    refractory[refractoryCount++] = j;
                }
            }

            // Double-exponential synapse; ipsc takes the old hm: ipsc = ipsc*e^(-dt/tr) + hm*dt; hm = hm*e^(-dt/td) + jd/(tr*td)
            synapse.step(ipsc, hm, jd, from, to);

            // Spike peak, then reset, as the reference writes them: v + (30 - v), then v + (vreset - v).
            for (int s = 0; s < count; s++) {
                int j = own[s];
                v[j] = v[j] + (SPIKE_PEAK_MV - v[j]);
                v[j] = v[j] + (vreset - v[j]);
            }
        }
    }
}
