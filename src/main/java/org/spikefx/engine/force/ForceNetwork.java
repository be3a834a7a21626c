package org.spikefx.engine.force;

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

    private final int[] spikers;
    private int spikeCount;
    private int nextStep;
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
        int i = nextStep;
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
            case ON -> true;
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
    }

    public Training trainingMode() {
        return mode;
    }

    /** Forgets what was learnt: phi = 0, P back to dt * lambda * I, no updates. The network itself goes on. */
    public void resetDecoder() {
        java.util.Arrays.fill(phi, 0.0);
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
