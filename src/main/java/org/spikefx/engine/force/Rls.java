package org.spikefx.engine.force;

/**
 * Recursive least squares as FORCE uses it: P, the running inverse correlation matrix of the
 * filtered spike trains r, and one update that moves the decoder phi against the readout's error:
 * <pre>
 * c   = P r
 * phi = phi - c * err
 * P   = P - c c^T / (1 + r . c)
 * </pre>
 * P starts as {@code dt * lambda * I}, as the reference writes it.
 */
interface Rls extends AutoCloseable {

    /** One update with the filtered spike trains r and the readout's error err; changes phi in place. */
    void update(double[] r, double err, double[] phi);

    /** Forgets all updates: P is its initial value again. */
    void reset();

    /** Stops worker threads, if any. */
    @Override
    void close();
}
