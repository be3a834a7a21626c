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
    /** The tempered outputs of the current state, made 624 at a time: a loop the compiler can vectorise. */
    private final int[] output = new int[N];
    private int position;
    private boolean hasCachedGaussian;
    private double cachedGaussian;
    private final GaussianPair pair = new GaussianPair();

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
        System.arraycopy(other.output, 0, output, 0, N);
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
            refill();
        }
        return output[position++];
    }

    /** {@code np.random.rand()}: a double in [0, 1) with 53 random bits. */
    public double rand() {
        int a = nextInt32() >>> 5;
        int b = nextInt32() >>> 6;
        // NumPy divides by 2^53; multiplying by 2^-53 is the same exact operation, only cheaper.
        return (a * 67108864.0 + b) * 0x1p-53;
    }

    /** {@code np.random.randn()}: a standard gaussian by the polar method; every second value is the cached one. */
    public double randn() {
        if (hasCachedGaussian) {
            hasCachedGaussian = false;
            return cachedGaussian;
        }
        nextGaussianPair(pair);
        cachedGaussian = pair.second();
        hasCachedGaussian = true;
        return pair.first();
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

    /**
     * Consumes the random numbers of {@code count} gaussian pairs without computing them: only the
     * rejection test, which needs no logarithm. This is the hot loop of building a large network, and
     * the first code a start runs for long, so it reads the output block directly and has a single
     * place that makes the next block: the compiler inlines that place's two loops once, not once per
     * {@code rand()} call (four copies made its first optimised compilation take a tenth of a second).
     */
    public void skipGaussianPairs(long count) {
        long left = count;
        while (left > 0) {
            if (position == N) {
                refill();
            } else if (position > N - 4) {
                left -= straddlingAttempt();
                continue;
            }
            int[] out = output;
            int at = position;
            int end = N - 4;
            long accepted = 0;
            for (; at <= end && accepted < left; at += 4) {
                double x1 = 2.0 * (((out[at] >>> 5) * 67108864.0 + (out[at + 1] >>> 6)) * 0x1p-53) - 1.0;
                double x2 = 2.0 * (((out[at + 2] >>> 5) * 67108864.0 + (out[at + 3] >>> 6)) * 0x1p-53) - 1.0;
                double r2 = x1 * x1 + x2 * x2;
                // One attempt in five is rejected at random: a conditional add instead of a branch the CPU cannot predict.
                accepted += r2 < 1.0 & r2 != 0.0 ? 1 : 0;
            }
            position = at;
            left -= accepted;
        }
    }

    /**
     * One attempt of the polar method whose four outputs straddle two blocks, taken one output at a
     * time; returns 1 if it was accepted. Only a stream whose position is not a multiple of four
     * needs it (a network's gaussians come first in their stream, so building one never does).
     */
    private int straddlingAttempt() {
        double x1 = 2.0 * rand() - 1.0;
        double x2 = 2.0 * rand() - 1.0;
        double r2 = x1 * x1 + x2 * x2;
        return r2 < 1.0 && r2 != 0.0 ? 1 : 0;
    }

    /**
     * Draws {@code count} values of {@code rand()} and writes the positions (0 .. count-1) of those
     * below p into {@code below}, from index {@code offset} on; returns how many there were. Works on
     * the integers behind the doubles: u = m / 2^53 < p exactly when m < ceil(p * 2^53). Reads the
     * output block directly, as {@link #skipGaussianPairs} does and for the same reason.
     */
    public int uniformsBelow(double p, int count, int[] below, int offset) {
        long threshold = (long) Math.ceil(p * 0x1p53);
        int found = offset;
        int k = 0;
        while (k < count) {
            if (position == N) {
                refill();
            } else if (position > N - 2) {
                long a = nextInt32() >>> 5;
                long b = nextInt32() >>> 6;
                if ((a << 26) + b < threshold) {
                    below[found++] = k;
                }
                k++;
                continue;
            }
            int[] out = output;
            int at = position;
            for (; at <= N - 2 && k < count; at += 2, k++) {
                long a = out[at] >>> 5;
                long b = out[at + 1] >>> 6;
                if ((a << 26) + b < threshold) {
                    below[found++] = k;
                }
            }
            position = at;
        }
        return found - offset;
    }

    /** Advances the stream by {@code count} raw outputs without computing them. */
    public void skipOutputs(long count) {
        long remaining = count;
        boolean twisted = false;
        while (position + remaining > N) {
            remaining -= N - position;
            twist();
            twisted = true;
        }
        if (twisted) {
            temper();
        }
        position += (int) remaining;
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

    /** Makes the next block of 624 outputs and starts reading it. */
    private void refill() {
        twist();
        temper();
    }

    private void temper() {
        for (int k = 0; k < N; k++) {
            int y = state[k];
            y ^= y >>> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            output[k] = y ^ (y >>> 18);
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
