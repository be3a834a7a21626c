package org.spikefx.engine;

/**
 * NumPy's legacy random stream ({@code np.random.seed}, {@code rand}, {@code randn}): the Mersenne
 * Twister MT19937 with NumPy's conversions to doubles and its polar method for gaussians, including
 * the cached second gaussian. Seed s gives the same numbers as {@code np.random.seed(s)}.
 */
public final class LegacyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int position;
    private boolean hasCachedGaussian;
    private double cachedGaussian;

    /** Seeds as {@code np.random.seed(seed)} with 0 <= seed < 2^32 (MT19937 {@code init_genrand}). */
    public LegacyRandom(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be a whole number from 0 to 4294967295, got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        position = N;
    }

    private LegacyRandom(LegacyRandom other) {
        System.arraycopy(other.state, 0, state, 0, N);
        position = other.position;
        hasCachedGaussian = other.hasCachedGaussian;
        cachedGaussian = other.cachedGaussian;
    }

    /** An independent generator that continues exactly where this one stands. */
    public LegacyRandom copy() {
        return new LegacyRandom(this);
    }

    /** The next raw 32-bit output, as an unsigned value in the low bits of an int. */
    public int nextInt32() {
        if (position >= N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    /** {@code np.random.rand()}: a double in [0, 1) with 53 random bits. */
    public double rand() {
        int a = nextInt32() >>> 5;
        int b = nextInt32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code np.random.randn()}: a standard gaussian by the polar method; every second value is the cached one. */
    public double randn() {
        if (hasCachedGaussian) {
            hasCachedGaussian = false;
            return cachedGaussian;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * rand() - 1.0;
            x2 = 2.0 * rand() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        cachedGaussian = f * x1;
        hasCachedGaussian = true;
        return f * x2;
    }

    /**
     * Draws the pair of gaussians that two consecutive {@link #randn()} calls would return, without
     * the logarithm: the pair's random numbers are consumed and the pair's (x1, x2, r2) kept, so
     * that {@link GaussianPair#first()} and {@link GaussianPair#second()} can be computed later if needed.
     * Must only be called when no gaussian is cached.
     */
    public void nextGaussianPair(GaussianPair pair) {
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * rand() - 1.0;
            x2 = 2.0 * rand() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        pair.x1 = x1;
        pair.x2 = x2;
        pair.r2 = r2;
    }

    /** Consumes the random numbers of one gaussian pair (two randn calls) without computing it. */
    public void skipGaussianPair() {
        double r2;
        do {
            double x1 = 2.0 * rand() - 1.0;
            double x2 = 2.0 * rand() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
    }

    /** The accepted point of the polar method; the gaussians are computed only when asked for. */
    public static final class GaussianPair {
        private double x1;
        private double x2;
        private double r2;

        private double factor() {
            return Math.sqrt(-2.0 * Math.log(r2) / r2);
        }

        /** The value of the first randn call of the pair. */
        public double first() {
            return factor() * x2;
        }

        /** The value of the second randn call of the pair (NumPy's cached gaussian). */
        public double second() {
            return factor() * x1;
        }
    }

    private void twist() {
        int k = 0;
        for (; k < N - M; k++) {
            int y = (state[k] & UPPER_MASK) | (state[k + 1] & LOWER_MASK);
            state[k] = state[k + M] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        for (; k < N - 1; k++) {
            int y = (state[k] & UPPER_MASK) | (state[k + 1] & LOWER_MASK);
            state[k] = state[k + (M - N)] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        int y = (state[N - 1] & UPPER_MASK) | (state[0] & LOWER_MASK);
        state[N - 1] = state[M - 1] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        position = 0;
    }
}
