package org.spikefx.engine.force;

import java.util.Arrays;
import java.util.Optional;

import org.spikefx.engine.BalanceProbe;
import org.spikefx.engine.Divisor;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Readout;
import org.spikefx.engine.RowMean;
import org.spikefx.engine.SynapticFilter;
import org.spikefx.engine.SynapticWeights;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.TrainingParameters;

/**
 * The balanced network trained with FORCE (Nicola & Clopath 2017), stepped exactly as its reference
 * steps it. Beside the balanced network's state it has the filtered spike trains r (with their rising
 * parts hr), a linear readout {@code z = sum(phi * r)} and the readout's feedback into every neuron
 * through a fixed encoder eta. Each step, in the reference's order:
 * <pre>
 * inp = ipsc + eta * z + bias                       (z of the step before)
 * v, spikes, jd, tlast, ipsc, hm                    as in the balanced network
 * r  = r * e^(-dt/tr) + hr * dt;  hr = hr * e^(-dt/td) + spiked / (tr * td)
 * z  = sum(phi * r);  err = z - target(i)
 * if i mod rls-step == 1 and i_start < i < i_stop:  RLS update of phi and P
 * peak, record, reset                               as in the balanced network
 * </pre>
 * The reference sums {@code phi * r} with NumPy's pairwise sum, and so does this. Training can also be
 * switched on and off by hand ({@link #setTraining}) and the decoder forgotten ({@link #resetDecoder}).
 *
 * <p>The balance probe follows the recurrent input only: the feedback {@code eta * z} is neither
 * excitation nor inhibition of the weights.
 */
public final class ForceNetwork implements NetworkModel, Readout {

    /** Whether the decoder learns: in the training window of the parameters, always, or never. */
    public enum Training {
        BY_WINDOW, ON, OFF
    }

    private final NetworkParameters params;
    private final TrainingParameters training;
    private final int n;
    private final double dt;
    private final Divisor membraneTime;
    private final double bias;
    private final double vpeak;
    private final double vreset;
    private final double tref;
    private final SynapticFilter synapse;
    private final SynapticWeights weights;
    private final double[] eta;
    private final TargetSignal target;
    private final Rls rls;
    private final int startStep;
    private final int stopStep;

    private final double[] v;
    private final double[] ipsc;
    private final double[] hm;
    private final double[] jd;
    private final double[] tlast;
    /** tlast + tref per neuron: the refractory test compares dt*i with it. */
    private final double[] refractoryEnd;
    /**
     * 1.0 while a neuron integrates, 0.0 while it is refractory: the reference multiplies the voltage
     * change by the boolean {@code dt*i > tlast + tref}, and so does this, which keeps the update loop
     * free of branches. Only the refractory neurons are tested each step.
     */
    private final double[] integrating;
    private final int[] refractory;
    private int refractoryCount;
    private final double[] r;
    private final double[] hr;
    /** e^(-dt/td), the rising part's decay per step. */
    private final double trainDecay;
    /** What one spike adds to its neuron's rising part hr: 1 / (tr * td), as the filter divides it. */
    private final double trainJump;
    private final double[] phi;
    private final double[] products;
    private double z;
    /** While phi is all zeros (before the first update), z = sum(phi * r) is 0 without summing. */
    private boolean decoderZero = true;
    private double currentTarget;
    private int updates;
    private Training mode = Training.BY_WINDOW;
    /** With the mode {@link Training#ON}, the first step that learns (0 unless started at a zero crossing). */
    private int onFrom;

    private final int[] spikers;
    private int spikeCount;
    private int nextStep;
    /**
     * The step of the trained run this one goes on from ({@link #restore}): the network steps as at
     * step origin + nextStep of that run, for its time, refractory periods, target and RLS schedule,
     * while the steps it reports count from 0.
     */
    private int origin;
    private int[] recordedNeurons;
    private double[] recordedVoltages;
    private final BalanceProbe balance;

    /**
     * A trained network at step 0 on a network of kind {@link RandomNetwork.Kind#TRAINED}.
     *
     * @param rlsThreads threads that share each RLS update; the bits depend on their number
     */
    public ForceNetwork(NetworkParameters params, TrainingParameters training, RandomNetwork network,
                        TargetSignal target, int rlsThreads) {
        this(params, training, network, target,
                new TriangleRls(params.n(), params.dt() * training.rlsLambda(), rlsThreads));
    }

    ForceNetwork(NetworkParameters params, TrainingParameters training, RandomNetwork network, TargetSignal target,
                 Rls rls) {
        if (network.kind() != RandomNetwork.Kind.TRAINED || !network.matches(params)) {
            rls.close();
            throw new IllegalArgumentException("the network was not built for training with these n, p, g and seed");
        }
        this.params = params;
        this.training = training;
        this.n = params.n();
        this.dt = params.dt();
        this.membraneTime = new Divisor(params.tm());
        this.bias = params.offset();
        this.vpeak = params.vpeak();
        this.vreset = params.vreset();
        this.tref = params.tref();
        this.synapse = SynapticFilter.of(dt, params.tr(), params.td());
        this.weights = network.weights();
        this.eta = network.encoder(training.q());
        this.target = target;
        this.rls = rls;
        this.startStep = training.startStep(dt);
        this.stopStep = training.stopStep(dt);

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
        r = new double[n];
        hr = new double[n];
        trainDecay = synapse.fallDecay();
        trainJump = synapse.rising(0.0, 1.0);
        phi = new double[n];
        products = new double[n];
        spikers = new int[n];
        int[] firstNeurons = new int[params.nrec()];
        for (int k = 0; k < firstNeurons.length; k++) {
            firstNeurons[k] = k;
        }
        setRecordedNeurons(firstNeurons);
        balance = new BalanceProbe(weights, synapse);
    }

    /** Bytes the RLS matrix P takes for n neurons (one triangle of n x n doubles). */
    public static long rlsBytes(int n) {
        return TriangleRls.bytes(n);
    }

    /** Bytes RLS keeps beside P for n neurons: its pending rank-one changes (at most 64 MB; 32 MB at n = 2000). */
    public static long rlsPendingBytes(int n) {
        return TriangleRls.pendingBytes(n);
    }

    @Override
    public NetworkParameters parameters() {
        return params;
    }

    public TrainingParameters training() {
        return training;
    }

    @Override
    public int nextStep() {
        return nextStep;
    }

    @Override
    public void advance() {
        int i = origin + nextStep;
        double t = dt * i;
        double feedback = z;
        endRefractoryPeriods(t);
        // inp = ipsc + eta*z + bias;  dv = (dt*i > tlast + tref) * (-v + inp) / tm;  v = v + dt*dv
        for (int k = 0; k < n; k++) {
            double input = (ipsc[k] + eta[k] * feedback) + bias;
            v[k] = v[k] + dt * membraneTime.divide(integrating[k] * (input - v[k]));
        }
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (v[k] >= vpeak) {
                spikers[count++] = k;
            }
        }
        spikeCount = count;
        for (int s = 0; s < count; s++) {
            int j = spikers[s];
            weights.addColumn(j, jd);
            tlast[j] = tlast[j] + (t - tlast[j]);
            refractoryEnd[j] = tlast[j] + tref;
            if (integrating[j] != 0.0) {
                integrating[j] = 0.0;
                refractory[refractoryCount++] = j;
            }
        }
        synapse.step(ipsc, hm, jd, 0, n);
        filterSpikeTrains(count);
        if (decoderZero) {
            z = 0.0;
        } else {
            for (int k = 0; k < n; k++) {
                products[k] = phi[k] * r[k];
            }
            z = RowMean.pairwiseSum(products, 0, n);
        }
        currentTarget = target.at(i);
        double err = z - currentTarget;
        if (i % training.rlsStep() == 1 && learnsAt(i)) {
            rls.update(r, err, phi);
            updates++;
            decoderZero = false;
        }
        balance.update(spikers, count);
        for (int s = 0; s < count; s++) {
            int j = spikers[s];
            v[j] = v[j] + (SPIKE_PEAK_MV - v[j]);
        }
        for (int k = 0; k < recordedNeurons.length; k++) {
            recordedVoltages[k] = v[recordedNeurons[k]];
        }
        for (int s = 0; s < count; s++) {
            int j = spikers[s];
            v[j] = v[j] + (vreset - v[j]);
        }
        nextStep++;
    }

    /**
     * The filtered spike trains: {@code r = r e^(-dt/tr) + hr dt; hr = hr e^(-dt/td) + spiked / (tr td)}, the
     * reference's arithmetic, but with the jump added only where there is one. Elsewhere the jump is
     * {@code 0 / (tr td) = +0.0}, and {@code x + 0.0} is x unless x is -0.0, which hr never is: it starts at
     * +0.0 and only ever takes products of non-negative numbers and positive jumps. So the bits are the
     * reference's, without a division and a third array in the loop over every neuron.
     */
    private void filterSpikeTrains(int count) {
        for (int k = 0; k < n; k++) {
            double rising = hr[k];
            r[k] = synapse.current(r[k], rising);
            hr[k] = rising * trainDecay;
        }
        for (int s = 0; s < count; s++) {
            int j = spikers[s];
            hr[j] = hr[j] + trainJump;
        }
    }

    /** Lets the refractory neurons whose period is over integrate again: the literal test dt*i > tlast + tref. */
    private void endRefractoryPeriods(double t) {
        int still = 0;
        for (int r = 0; r < refractoryCount; r++) {
            int k = refractory[r];
            if (t > refractoryEnd[k]) {
                integrating[k] = 1.0;
            } else {
                refractory[still++] = k;
            }
        }
        refractoryCount = still;
    }

    private boolean learnsAt(int i) {
        return switch (mode) {
            case BY_WINDOW -> i > startStep && i < stopStep;
            case ON -> i >= onFrom;
            case OFF -> false;
        };
    }

    /** Whether the decoder would learn at step i (if i is one of the RLS steps). */
    public boolean isTrainingAt(int i) {
        return learnsAt(i);
    }

    /** From the next step on, the decoder learns in the training window, always, or never. */
    public void setTraining(Training training) {
        mode = training;
        onFrom = 0;
    }

    /**
     * The decoder learns from the target's next upward zero crossing on: the first step i from the next
     * one with target(i - 1) < 0 <= target(i), looked for one period of the target ahead. Learning that
     * starts where the target is far from zero starts with a large error, and the first RLS updates then
     * kick the decoder so hard that the feedback drives a large network (n = 2000) into a synchronous
     * burst it does not leave; at the crossing the untrained readout (z = 0) has no error at all, as at
     * the reference's own start of training (5 s, a whole number of periods of its 5 Hz sine). A
     * target that does not rise through zero within a period learns from the next step.
     *
     * @return the step learning starts at
     */
    public int startTrainingAtUpwardCrossing() {
        int start = nextUpwardCrossing();
        mode = Training.ON;
        onFrom = origin + start;
        return start;
    }

    /** The next step i with target(i - 1) < 0 <= target(i) within a period ahead, or the next step if none. */
    private int nextUpwardCrossing() {
        if (nextStep == 0 && origin == 0) {
            return 0; // nothing has happened yet: z = 0 and phi = 0 learn from the start
        }
        int next = origin + nextStep;
        TargetSignal ahead = target.copy();
        double before = nextStep == 0 ? ahead.at(next - 1) : currentTarget;
        long last = Math.min(Integer.MAX_VALUE, next + (long) Math.ceil(target.periodSeconds() / dt) + 1);
        for (int i = next; i <= last; i++) {
            double now = ahead.at(i);
            if (before < 0 && now >= 0) {
                return i - origin;
            }
            before = now;
        }
        return nextStep;
    }

    /**
     * Where a trained network stands between two steps, all it needs to go on from there exactly as it
     * would have: the step of its run, the readout z fed back at the next step, and per neuron the
     * voltage, the synaptic current and its rising part, the time of the last spike, and the filtered
     * spike train and its rising part. The spikes' jumps are always zero between steps; the decoder is
     * kept apart, and P is not kept: a network that goes on from a state does not learn unless told to,
     * and then starts P afresh.
     *
     * @param step the number of steps of the run made before this state (its time is step x dt)
     */
    public record State(int step, double z, double[] v, double[] ipsc, double[] hm, double[] tlast, double[] r,
                        double[] hr) {
        /** The per-neuron arrays in the order of {@link #flat()}. */
        public static final int ARRAYS = 6;

        /** The arrays one after another: v, ipsc, hm, tlast, r, hr, n values each. */
        public double[] flat() {
            int n = v.length;
            double[] all = new double[ARRAYS * n];
            double[][] parts = {v, ipsc, hm, tlast, r, hr};
            for (int k = 0; k < ARRAYS; k++) {
                System.arraycopy(parts[k], 0, all, k * n, n);
            }
            return all;
        }

        /** The state whose arrays {@link #flat()} gave. */
        public static State of(int step, double z, double[] flat) {
            if (flat.length % ARRAYS != 0) {
                throw new IllegalArgumentException("a network's state has " + ARRAYS + " values per neuron, not "
                        + flat.length + " values in all");
            }
            int n = flat.length / ARRAYS;
            double[][] parts = new double[ARRAYS][];
            for (int k = 0; k < ARRAYS; k++) {
                parts[k] = Arrays.copyOfRange(flat, k * n, (k + 1) * n);
            }
            return new State(step, z, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
        }
    }

    /** Where the network stands now, between two steps, as its run counts them (copies). */
    public State state() {
        return new State(origin + nextStep, z, v.clone(), ipsc.clone(), hm.clone(), tlast.clone(), r.clone(),
                hr.clone());
    }

    /**
     * Goes on from a state of a network of the same parameters and weights (saved with its decoder): it
     * steps from here as that network would have from then on, spike for spike, while its own steps
     * count from 0 again. Only before the first step.
     *
     * @throws IllegalArgumentException if the state is not one of n neurons
     * @throws IllegalStateException    if this network has stepped already
     */
    public void restore(State state) {
        if (nextStep != 0 || origin != 0) {
            throw new IllegalStateException("a network goes on from a state before its first step only");
        }
        if (state.v().length != n || state.step() < 0) {
            throw new IllegalArgumentException("the state is one of " + state.v().length + " neurons at step "
                    + state.step() + "; this network of n = " + n + " needs one per neuron");
        }
        System.arraycopy(state.v(), 0, v, 0, n);
        System.arraycopy(state.ipsc(), 0, ipsc, 0, n);
        System.arraycopy(state.hm(), 0, hm, 0, n);
        System.arraycopy(state.tlast(), 0, tlast, 0, n);
        System.arraycopy(state.r(), 0, r, 0, n);
        System.arraycopy(state.hr(), 0, hr, 0, n);
        z = state.z();
        origin = state.step();
        // Every neuron is tested at the next step, as each one is after its own spike.
        refractoryCount = 0;
        for (int k = 0; k < n; k++) {
            refractoryEnd[k] = tlast[k] + tref;
            integrating[k] = 0.0;
            refractory[refractoryCount++] = k;
        }
    }

    public Training trainingMode() {
        return mode;
    }

    /** Forgets what was learnt: phi = 0, P back to dt * lambda * I, no updates. The network itself goes on. */
    public void resetDecoder() {
        Arrays.fill(phi, 0.0);
        rls.reset();
        updates = 0;
        decoderZero = true;
    }

    @Override
    public int spikeCount() {
        return spikeCount;
    }

    @Override
    public int[] spikers() {
        return spikers;
    }

    @Override
    public int[] recordedNeurons() {
        return recordedNeurons.clone();
    }

    @Override
    public void setRecordedNeurons(int[] neurons) {
        NetworkModel.requireExisting(neurons, n);
        recordedNeurons = neurons.clone();
        recordedVoltages = new double[neurons.length];
    }

    @Override
    public double[] recordedVoltages() {
        return recordedVoltages;
    }

    @Override
    public BalanceProbe balance() {
        return balance;
    }

    @Override
    public Optional<Readout> readout() {
        return Optional.of(this);
    }

    @Override
    public double value() {
        return z;
    }

    @Override
    public double target() {
        return currentTarget;
    }

    @Override
    public int updates() {
        return updates;
    }

    @Override
    public double decoderNorm() {
        double sum = 0;
        for (double x : phi) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /**
     * Takes a decoder learnt before (saved with a trained network), so that the network produces its
     * signal from the first step. P stays as it is: training on from here starts from the initial P.
     *
     * @throws IllegalArgumentException if the decoder has not one finite weight per neuron
     */
    public void loadDecoder(double[] decoder) {
        if (decoder.length != n) {
            throw new IllegalArgumentException("the decoder has " + decoder.length + " weights; this network of n = "
                    + n + " needs one per neuron");
        }
        for (double x : decoder) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("the decoder holds " + x + ": every weight must be a finite number");
            }
        }
        System.arraycopy(decoder, 0, phi, 0, n);
        decoderZero = false;
    }

    /** The recurrent weights w (the matrix is never changed: it may be read from any thread). */
    public SynapticWeights weights() {
        return weights;
    }

    /** The decoder phi, one weight per neuron (a copy). */
    public double[] decoder() {
        return phi.clone();
    }

    /** The feedback encoder eta (a copy). */
    public double[] encoder() {
        return eta.clone();
    }

    @Override
    public void close() {
        rls.close();
    }
}
