package org.spikefx.engine.force;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The sine rounded correctly to the nearest double, as the C library's {@code sin} gives it, which
 * NumPy calls: Java's {@code Math.sin} and {@code StrictMath.sin} are within an ulp but not always the
 * nearest (at the paper's 5 Hz over 15 s they differ from NumPy in 589 and 9,821 of 300,000 steps), and
 * the target is to be the reference's to the bit.
 *
 * <p>The argument is reduced modulo pi/2 with pi/2 split into four parts (the first three of 33 bits,
 * so that their products with the quadrant are exact), and the sine or cosine of the remainder is
 * summed in double-double arithmetic (about 106 bits) before the one final rounding. Arguments beyond
 * {@value #REDUCTION_LIMIT} (hours of a fast signal) fall back to {@code StrictMath.sin}.
 */
final class CorrectlyRoundedSine {
    /** The quadrant times the 33-bit parts of pi/2 stays exact while the quadrant fits in 20 bits. */
    static final double REDUCTION_LIMIT = (1 << 20) * 1.5;
    private static final MathContext PRECISION = new MathContext(80);
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510"
            + "58209749445923078164062862089986280348253421170679821480865132823066470938446");
    private static final double TWO_OVER_PI = 2 / Math.PI;
    private static final double[] HALF_PI = new double[4];
    /** Taylor coefficients of sin(r)/r and cos(r) in r^2, as double-double (hi, lo) pairs. */
    private static final int TERMS = 14;
    private static final double[] SIN_HI = new double[TERMS];
    private static final double[] SIN_LO = new double[TERMS];
    private static final double[] COS_HI = new double[TERMS];
    private static final double[] COS_LO = new double[TERMS];

    static {
        BigDecimal rest = PI.divide(BigDecimal.valueOf(2), PRECISION);
        for (int part = 0; part < HALF_PI.length; part++) {
            double value = rest.doubleValue();
            if (part < HALF_PI.length - 1) {
                value = Double.longBitsToDouble(Double.doubleToRawLongBits(value) & ~((1L << 20) - 1));
            }
            HALF_PI[part] = value;
            rest = rest.subtract(new BigDecimal(value), PRECISION);
        }
        BigDecimal factorial = BigDecimal.ONE;
        for (int k = 0; k < 2 * TERMS; k++) {
            if (k > 0) {
                factorial = factorial.multiply(BigDecimal.valueOf(k));
            }
            BigDecimal term = BigDecimal.ONE.divide(factorial, PRECISION);
            if ((k / 2) % 2 == 1) {
                term = term.negate();
            }
            double hi = term.doubleValue();
            double lo = term.subtract(new BigDecimal(hi), PRECISION).doubleValue();
            if (k % 2 == 0) {
                COS_HI[k / 2] = hi;
                COS_LO[k / 2] = lo;
            } else {
                SIN_HI[k / 2] = hi;
                SIN_LO[k / 2] = lo;
            }
        }
    }

    private CorrectlyRoundedSine() {
    }

    /** sin(x), correctly rounded. */
    static double sin(double x) {
        if (!(Math.abs(x) < REDUCTION_LIMIT)) {
            return StrictMath.sin(x);
        }
        double k = Math.rint(x * TWO_OVER_PI);
        // r = x - k pi/2 as a double-double (rh, rl); the first subtraction and the next two products are exact.
        double rh = x - k * HALF_PI[0];
        double rl = 0;
        for (int part = 1; part < HALF_PI.length; part++) {
            double product = k * HALF_PI[part];
            double productError = Math.fma(k, HALF_PI[part], -product);
            // (rh, rl) - (product, productError)
            double s = rh - product;
            double bb = s - rh;
            double e = (rh - (s - bb)) + (-product - bb);
            e += rl - productError;
            rh = s + e;
            rl = e - (rh - s);
        }
        int quadrant = (int) ((long) k & 3);
        double result = (quadrant & 1) == 0 ? sineOfReduced(rh, rl) : cosineOfReduced(rh, rl);
        return quadrant >= 2 ? -result : result;
    }

    private static double sineOfReduced(double rh, double rl) {
        double[] sum = series(SIN_HI, SIN_LO, rh, rl);
        // times r
        double p = sum[0] * rh;
        double e = Math.fma(sum[0], rh, -p) + (sum[0] * rl + sum[1] * rh);
        return p + e;
    }

    private static double cosineOfReduced(double rh, double rl) {
        double[] sum = series(COS_HI, COS_LO, rh, rl);
        return sum[0] + sum[1];
    }

    /** Horner's scheme in z = r^2 over the coefficients, in double-double; returns (hi, lo). */
    private static double[] series(double[] hi, double[] lo, double rh, double rl) {
        double zh = rh * rh;
        double zl = Math.fma(rh, rh, -zh) + 2 * rh * rl;
        double t = zh + zl;
        zl = zl - (t - zh);
        zh = t;
        double ah = hi[TERMS - 1];
        double al = lo[TERMS - 1];
        for (int k = TERMS - 2; k >= 0; k--) {
            // a = a * z
            double p = ah * zh;
            double pe = Math.fma(ah, zh, -p) + (ah * zl + al * zh);
            double ph = p + pe;
            double pl = pe - (ph - p);
            // a = a + c_k
            double s = ph + hi[k];
            double bb = s - ph;
            double e = (ph - (s - bb)) + (hi[k] - bb);
            e += pl + lo[k];
            ah = s + e;
            al = e - (ah - s);
        }
        return new double[] {ah, al};
    }
}
