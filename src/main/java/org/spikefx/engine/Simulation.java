package org.spikefx.engine;

import org.spikefx.params.NetworkParameters;

/**
 * The balanced network stepped exactly as the reference steps it. Each expression that decides a
 * spike is written as the reference writes it: the refractory test {@code dt*i > tlast + tref}, the
 * update {@code tlast + (t - tlast)}, the order of the voltage, current and reset updates.
 *
 * <p>After each {@link #advance()} the step's spikes and recorded voltages can be read until the
 * next call. Not thread-safe: one thread owns a simulation.
 */
public final class Simulation {
    private final NetworkParameters params;
    private final SynapticWeights weights;
    private final int n;
    private final double dt;
    private final Divisor membraneTime;
    private final double offset;
    private final double vpeak;
    private final double vreset;
    private final double tref;
    private final double riseDecay;
    private final double fallDecay;
    private final Divisor riseTimesDecayTime;

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
    private final int[] refractory;
    private int refractoryCount;

    private final int[] spikers;
    private int spikeCount;
    private int nextStep;

    private int[] recordedNeurons;
    private double[] recordedVoltages;
    private final BalanceProbe balance;

    public Simulation(NetworkParameters params, RandomNetwork network) {
        if (!network.matches(params)) {
            throw new IllegalArgumentException("the network was built for other values of n, p, g or seed");
        }
        this.params = params;
        this.weights = network.weights();
        this.n = params.n();
        this.dt = params.dt();
        this.membraneTime = new Divisor(params.tm());
        this.offset = params.offset();
        this.vpeak = params.vpeak();
        this.vreset = params.vreset();
        this.tref = params.tref();
        this.riseDecay = StrictMath.exp(-dt / params.tr());
        this.fallDecay = StrictMath.exp(-dt / params.td());
        this.riseTimesDecayTime = new Divisor(params.tr() * params.td());

        v = network.initialVoltages(vreset);
        ipsc = new double[n];
        hm = new double[n];
        jd = new double[n];
        tlast = new double[n];
        refractoryEnd = new double[n];
        integrating = new double[n];
        refractory = new int[n];
        // Everybody starts with tlast = 0, so nobody integrates during the first tref.
        for (int k = 0; k < n; k++) {
            refractoryEnd[k] = tlast[k] + tref;
            refractory[refractoryCount++] = k;
        }
        spikers = new int[n];
        int[] firstNeurons = new int[params.nrec()];
        for (int k = 0; k < firstNeurons.length; k++) {
            firstNeurons[k] = k;
        }
        setRecordedNeurons(firstNeurons);
        balance = new BalanceProbe(weights, riseDecay, fallDecay, dt, params.tr() * params.td());
    }

    public NetworkParameters parameters() {
        return params;
    }

    /** Index of the next step to compute; equals the number of steps done. */
    public int nextStep() {
        return nextStep;
    }

    /** Whether all round(T/dt) steps of the run are done. */
    public boolean finished() {
        return nextStep >= params.steps();
    }

    /** Which neurons' voltages are recorded after each step (default: 0 .. nrec-1). */
    public void setRecordedNeurons(int[] neurons) {
        for (int k : neurons) {
            if (k < 0 || k >= n) {
                throw new IllegalArgumentException("neuron " + k + " does not exist: neurons are 0 to " + (n - 1));
            }
        }
        recordedNeurons = neurons.clone();
        recordedVoltages = new double[neurons.length];
    }

    public int[] recordedNeurons() {
        return recordedNeurons.clone();
    }

    /** The neurons whose input is split into its excitatory and inhibitory parts; see {@link BalanceProbe}. */
    public BalanceProbe balance() {
        return balance;
    }

    /** Computes step i = {@link #nextStep()} and moves on. */
    public void advance() {
        int i = nextStep;
        double t = dt * i;
        endRefractoryPeriods(t);

        // dv = (dt*i > tlast + tref) * (-v + inp) / tm;  v = v + dt*dv
        for (int k = 0; k < n; k++) {
            v[k] = v[k] + dt * membraneTime.divide(integrating[k] * ((ipsc[k] + offset) - v[k]));
        }
        spikeCount = 0;
        for (int k = 0; k < n; k++) {
            if (v[k] >= vpeak) {
                spikers[spikeCount++] = k;
            }
        }

        for (int s = 0; s < spikeCount; s++) {
            int j = spikers[s];
            weights.addColumn(j, jd);
            tlast[j] = tlast[j] + (t - tlast[j]);
            refractoryEnd[j] = tlast[j] + tref;
            if (integrating[j] != 0.0) {
                integrating[j] = 0.0;
                refractory[refractoryCount++] = j;
            }
        }
        balance.update(spikers, spikeCount);

        // Double-exponential synapse; ipsc takes the old hm: ipsc = ipsc*e^(-dt/tr) + hm*dt; hm = hm*e^(-dt/td) + jd/(tr*td)
        for (int k = 0; k < n; k++) {
            ipsc[k] = ipsc[k] * riseDecay + hm[k] * dt;
            hm[k] = hm[k] * fallDecay + riseTimesDecayTime.divide(jd[k]);
            jd[k] = 0.0;
        }

        // The spike peak is what gets recorded; the reset follows.
        for (int s = 0; s < spikeCount; s++) {
            int j = spikers[s];
            v[j] = v[j] + (30 - v[j]);
        }
        for (int r = 0; r < recordedNeurons.length; r++) {
            recordedVoltages[r] = v[recordedNeurons[r]];
        }
        for (int s = 0; s < spikeCount; s++) {
            int j = spikers[s];
            v[j] = v[j] + (vreset - v[j]);
        }
        nextStep = i + 1;
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

    /** Number of neurons that spiked in the last step. */
    public int spikeCount() {
        return spikeCount;
    }

    /** The neurons that spiked in the last step, increasing; valid entries are 0 .. spikeCount()-1. Do not modify. */
    public int[] spikers() {
        return spikers;
    }

    /** Voltages of the recorded neurons at the end of the last step, before the reset (the reference's rec). Do not modify. */
    public double[] recordedVoltages() {
        return recordedVoltages;
    }

    /** Synaptic current of neuron k now. */
    public double synapticCurrent(int k) {
        return ipsc[k];
    }

    /** Membrane voltage of neuron k now (after any reset). */
    public double voltage(int k) {
        return v[k];
    }
}
