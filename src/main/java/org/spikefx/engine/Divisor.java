package org.spikefx.engine;

/**
 * Division by a fixed number at the cost of multiplications: x * (1/d) is refined by one fused
 * multiply-add step (Markstein's correction), which gives the correctly rounded quotient x / d, the
 * same double as the division, while the loop that uses it stays vectorisable and about twice as
 * fast as with a division per neuron.
 */
public final class Divisor {
    private final double divisor;
    private final double reciprocal;

    public Divisor(double divisor) {
        this.divisor = divisor;
        this.reciprocal = 1.0 / divisor;
    }

    /** x / divisor, correctly rounded. */
    public double divide(double x) {
        double quotient = x * reciprocal;
        double remainder = Math.fma(-quotient, divisor, x);
        return Math.fma(remainder, reciprocal, quotient);
    }
}
