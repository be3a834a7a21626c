package org.spikefx.engine;

/**
 * The double-exponential synapse of the reference, as one value: each step a current and its rising
 * part decay, the rising part feeds the current, and the step's jump (summed weights of the spikes,
 * or a neuron's own spike) feeds the rising part:
 * <pre>
 * current = current * e^(-dt/tr) + rising * dt      (with the old rising part)
 * rising  = rising * e^(-dt/td) + jump / (tr * td)
 * </pre>
 * Every filter of the models is this one: the synaptic current (ipsc, hm, jd), its excitatory and
 * inhibitory parts in {@link BalanceProbe}, the filtered spike trains of a trained network (r, hr).
 * The division by tr*td is done by a {@link Divisor}, which gives the same double as the division.
 * Immutable; two filters of the same dt, tr and td are equal.
 */
public final class SynapticFilter {
    private final double dt;
    private final double riseDecay;
    private final double fallDecay;
    private final double riseTimesDecayTime;
    private final Divisor jumpScale;

    private SynapticFilter(double dt, double tr, double td) {
        this.dt = dt;
        this.riseDecay = StrictMath.exp(-dt / tr);
        this.fallDecay = StrictMath.exp(-dt / td);
        this.riseTimesDecayTime = tr * td;
        this.jumpScale = new Divisor(riseTimesDecayTime);
    }

    /** The filter of rise time tr and decay time td, for steps of dt (all in s). */
    public static SynapticFilter of(double dt, double tr, double td) {
        return new SynapticFilter(dt, tr, td);
    }

    public double dt() {
        return dt;
    }

    /** e^(-dt/tr), computed with StrictMath, the same double as the reference's exp. */
    public double riseDecay() {
        return riseDecay;
    }

    /** e^(-dt/td). */
    public double fallDecay() {
        return fallDecay;
    }

    /** tr * td. */
    public double riseTimesDecayTime() {
        return riseTimesDecayTime;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SynapticFilter f && f.dt == dt && f.riseDecay == riseDecay
                && f.fallDecay == fallDecay && f.riseTimesDecayTime == riseTimesDecayTime;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dt, riseDecay, fallDecay, riseTimesDecayTime);
    }

    @Override
    public String toString() {
        return "SynapticFilter[dt=" + dt + ", e^(-dt/tr)=" + riseDecay + ", e^(-dt/td)=" + fallDecay
                + ", tr*td=" + riseTimesDecayTime + "]";
    }

    /**
     * One step for the entries {@code from .. to-1} of three arrays: the currents, their rising parts,
     * and the jumps, which are set back to zero for the next step.
     */
    public void step(double[] current, double[] rising, double[] jump, int from, int to) {
        Divisor scale = jumpScale;
        for (int k = from; k < to; k++) {
            current[k] = current[k] * riseDecay + rising[k] * dt;
            rising[k] = rising[k] * fallDecay + scale.divide(jump[k]);
            jump[k] = 0.0;
        }
    }

    /** The new current of one entry: {@code current * e^(-dt/tr) + rising * dt}, with the old rising part. */
    public double current(double current, double rising) {
        return current * riseDecay + rising * dt;
    }

    /** The new rising part of one entry: {@code rising * e^(-dt/td) + jump / (tr * td)}. */
    public double rising(double rising, double jump) {
        return rising * fallDecay + jumpScale.divide(jump);
    }
}
