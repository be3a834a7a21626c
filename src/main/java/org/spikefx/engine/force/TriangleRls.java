package org.spikefx.engine.force;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * RLS that keeps one triangle of P, which is symmetric, and touches it as seldom as the arithmetic allows.
 *
 * <p><b>Rank-one changes are kept pending.</b> Each update changes P by {@code -c c^T / d} (with
 * {@code c = P r} and {@code d = 1 + r . c}). Writing that into P costs a pass over the whole matrix, and
 * so does the next {@code P r}: at n = 2000 both are 2 million multiply-adds over 16 MB. Instead the
 * changes are remembered (c and d) and the matrix-vector product is taken through them:
 * <pre>
 * P r = P_stored r - sum over pending k of c_k (c_k . r) / d_k
 * </pre>
 * which costs 2n multiply-adds per pending change instead of n^2 / 2 per written one.
 *
 * <p><b>Two phases.</b> P starts as {@code initial * I}, so while nothing has been written
 * {@code P_stored r = initial * r} needs no pass at all: the first updates cost only their pending
 * changes, 2kn multiply-adds for the k-th, on k vectors read one after the other. Once the triangle is
 * in use, an update costs a pass over it for {@code P r} (n^2 / 2 multiply-adds, each row read twice)
 * and its share of writing the changes (another n^2 / 2); switching costs writing every pending change
 * (k n^2 / 2). Measured at n = 2000 on one core, an update with k changes pending takes about 1.6 k
 * microseconds and one on the triangle about 4 ms, and 2000 updates take half the time if the
 * triangle is never used. So the pending phase ends only at n changes, or when their store reaches
 * {@link #PENDING_BUDGET_BYTES} (for n above about 2800). From then on the triangle is read once per
 * update, and the oldest pending changes are written into it in the same pass that computes the next
 * {@code P r}: {@value #CHUNK} per update until the backlog is written (at n = 2000 about a second's
 * work, spread over some 65 updates so that the run slows for a moment rather than stops), then
 * {@value #BLOCK} at a time. The paper's task (2000 updates at n = 2000) and the benchmark's
 * one-second window (400) never touch the triangle.
 *
 * <p><b>Rounding.</b> The sums are taken in another order than the direct update's, which differs from
 * it by an ulp here and there; that changes no spike.
 *
 * <p><b>Threads.</b> The triangle is split into bands of rows of equal area and the pending changes into
 * runs of equal length, one of each per thread. A band computes its rows' sums and adds its entries'
 * mirror images (the upper triangle) into a vector of its own; the partial vectors are added in band
 * order, so the result is the same to the bit for a given number of threads.
 */
final class TriangleRls implements Rls {
    /** Changes pending while the triangle is in use; a multiple of {@value #GROUP}. */
    static final int BLOCK = 16;
    /** Most memory the pending changes may take: at large n they stay small beside the triangle. */
    static final long PENDING_BUDGET_BYTES = 64L << 20;
    /** Pending changes handled together in the inner loops: they share each read of r or of a row of P. */
    private static final int GROUP = 4;
    /**
     * Pending changes written into the triangle per sweep of it: their parts up to row i (at n = 2000,
     * 32 x 16 KB) stay in a core's second-level cache while every row of the band is changed.
     */
    private static final int CHUNK = 32;

    private final int n;
    private final double initial;
    /** Lower triangle by rows: row i holds P_i0 .. P_ii at offset i (i + 1) / 2. */
    private final double[] p;
    /** True while nothing has been written into {@link #p} since the last reset: it holds initial * I. */
    private boolean diagonal;
    private final int bands;
    private final int[] bandStart;
    private final double[][] mirrored;
    private final double[] rowSums;
    /** Each band's sum of its pending changes' {@code c_k (c_k . r) / d_k}. */
    private final double[][] corrections;
    /**
     * c_k = P r of the pending updates, and their d_k = 1 + r . c_k, in a ring: the oldest at slot
     * {@link #oldest}, the k-th after it at {@code (oldest + k) % capacity}.
     */
    private final double[][] pendingC;
    private final double[] pendingD;
    private int oldest;
    private int pending;
    private final int capacity;
    private final double[] y;
    private final ExecutorService workers;

    /** Bytes the stored triangle takes for n neurons. */
    static long bytes(int n) {
        return 8L * entries(n);
    }

    /** Bytes the pending changes take for n neurons, beside the triangle. */
    static long pendingBytes(int n) {
        return 8L * (n + 1) * capacity(n);
    }

    private static long entries(int n) {
        return (long) n * (n + 1) / 2;
    }

    /** n changes (about where pending stops paying), within the budget, a multiple of GROUP, at least BLOCK. */
    static int capacity(int n) {
        long byBudget = PENDING_BUDGET_BYTES / (8L * (n + 1));
        long wanted = Math.min(n, byBudget);
        return (int) Math.max(BLOCK, wanted / GROUP * GROUP);
    }

    /**
     * @param threads how many threads share each update; the result depends on it only in the last bits
     * @throws IllegalArgumentException if the triangle does not fit in one Java array
     */
    TriangleRls(int n, double initial, int threads) {
        this(n, initial, threads, capacity(n));
    }

    /** With another end of the pending phase: {@code capacity} changes, a multiple of four, at least {@link #BLOCK}. */
    TriangleRls(int n, double initial, int threads, int capacity) {
        if (capacity < BLOCK || capacity % GROUP != 0) {
            throw new IllegalArgumentException("capacity = " + capacity + ": it must be a multiple of " + GROUP
                    + " from " + BLOCK);
        }
        if (entries(n) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n = " + n + " is too large for training: P would have "
                    + entries(n) + " entries");
        }
        this.n = n;
        this.initial = initial;
        this.p = new double[(int) entries(n)];
        this.capacity = capacity;
        bands = Math.max(1, Math.min(threads, n));
        bandStart = new int[bands + 1];
        for (int b = 0; b <= bands; b++) {
            // Row i holds i + 1 entries: equal areas end at n sqrt(b / bands).
            bandStart[b] = (int) Math.round(n * Math.sqrt((double) b / bands));
        }
        mirrored = new double[bands][n];
        corrections = new double[bands][n];
        rowSums = new double[n];
        pendingC = new double[capacity][n];
        pendingD = new double[capacity];
        y = new double[n];
        workers = bands > 1 ? Executors.newFixedThreadPool(bands - 1, task -> {
            Thread thread = new Thread(task, "rls");
            thread.setDaemon(true);
            return thread;
        }) : null;
        reset();
    }

    @Override
    public void reset() {
        Arrays.fill(p, 0.0);
        for (int i = 0; i < n; i++) {
            p[diagonal(i)] = initial;
        }
        diagonal = true;
        oldest = 0;
        pending = 0;
    }

    /** The ring slot of the k-th pending change, the oldest being k = 0. */
    private int slot(int k) {
        return (oldest + k) % capacity;
    }

    /**
     * How many of the oldest pending changes this update writes into the triangle: none while they fit
     * and P is still the diagonal; once they fill their store, {@value #CHUNK} per update (one sweep of
     * the triangle) until fewer than {@value #BLOCK} are left, so that the backlog of up to n changes is
     * written over some n / 31 updates rather than all in one; then a block whenever {@value #BLOCK} are
     * pending. Always a multiple of {@value #GROUP}, so that groups of four never wrap around the ring.
     */
    private int writing() {
        boolean due = diagonal ? pending == capacity : pending >= BLOCK;
        return due ? Math.min(CHUNK, pending / GROUP * GROUP) : 0;
    }

    private static int rowOffset(int i) {
        return (int) ((long) i * (i + 1) / 2);
    }

    private static int diagonal(int i) {
        return rowOffset(i) + i;
    }

    @Override
    public void update(double[] r, double err, double[] phi) {
        int applying = writing();
        int correcting = pending - applying;
        boolean readTriangle = !diagonal || applying > 0;
        runBands(b -> {
            if (readTriangle) {
                triangleBand(b, r, applying);
            }
            correctionRun(b, r, applying, correcting);
        });
        if (applying > 0) {
            oldest = slot(applying);
            pending -= applying;
            diagonal = false;
        }
        for (int i = 0; i < n; i++) {
            double sum;
            if (readTriangle) {
                sum = rowSums[i];
                for (double[] band : mirrored) {
                    sum += band[i];
                }
            } else {
                sum = initial * r[i];
            }
            for (double[] band : corrections) {
                sum -= band[i];
            }
            y[i] = sum;
        }
        double rc = 0;
        for (int i = 0; i < n; i++) {
            rc += r[i] * y[i];
        }
        double denominator = 1 + rc;
        for (int i = 0; i < n; i++) {
            phi[i] = phi[i] - y[i] * err;
        }
        int newest = slot(pending);
        System.arraycopy(y, 0, pendingC[newest], 0, n);
        pendingD[newest] = denominator;
        pending++;
    }

    /** Runs one piece of an update per band: band 0 on the caller's thread, the others on the workers. */
    private void runBands(java.util.function.IntConsumer piece) {
        if (workers == null) {
            piece.accept(0);
            return;
        }
        List<Future<?>> others = new ArrayList<>(bands - 1);
        for (int b = 1; b < bands; b++) {
            int band = b;
            others.add(workers.submit(() -> piece.accept(band)));
        }
        piece.accept(0);
        try {
            for (Future<?> other : others) {
                other.get();
            }
        } catch (InterruptedException e) {
            others.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("training interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * One band's rows of the triangle: the {@code applying} oldest pending changes are written into them,
     * {@value #CHUNK} per sweep, and the last sweep also takes the rows' part of {@code P_stored r}.
     */
    private void triangleBand(int b, double[] r, int applying) {
        int from = bandStart[b];
        int to = bandStart[b + 1];
        double[] mirror = mirrored[b];
        Arrays.fill(mirror, 0, to, 0.0);
        int chunkStart = 0;
        do {
            int chunkEnd = Math.min(applying, chunkStart + CHUNK);
            boolean last = chunkEnd == applying;
            for (int i = from; i < to; i++) {
                int offset = rowOffset(i);
                for (int k = chunkStart; k < chunkEnd; k += GROUP) {
                    applyGroup(k, i, offset);
                }
                if (last) {
                    double ri = r[i];
                    for (int j = 0; j < i; j++) {
                        mirror[j] += p[offset + j] * ri;
                    }
                    rowSums[i] = rowDot(offset, i, r) + p[offset + i] * ri;
                }
            }
            chunkStart = chunkEnd;
        } while (chunkStart < applying);
    }

    /**
     * Writes the pending changes k .. k+3 into row i, in their order: P_ij - a0_i c0_j - a1_i c1_j - ...
     * with a = c / d.
     */
    private void applyGroup(int k, int i, int offset) {
        int first = slot(k);
        double[] c0 = pendingC[first];
        double[] c1 = pendingC[first + 1];
        double[] c2 = pendingC[first + 2];
        double[] c3 = pendingC[first + 3];
        double a0 = c0[i] / pendingD[first];
        double a1 = c1[i] / pendingD[first + 1];
        double a2 = c2[i] / pendingD[first + 2];
        double a3 = c3[i] / pendingD[first + 3];
        for (int j = 0; j <= i; j++) {
            p[offset + j] = p[offset + j] - a0 * c0[j] - a1 * c1[j] - a2 * c2[j] - a3 * c3[j];
        }
    }

    /** Sum of P_ij r_j over j < i, in eight interleaved partial sums (one would wait on each addition). */
    private double rowDot(int offset, int i, double[] r) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (; j + 7 < i; j += 8) {
            s0 += p[offset + j] * r[j];
            s1 += p[offset + j + 1] * r[j + 1];
            s2 += p[offset + j + 2] * r[j + 2];
            s3 += p[offset + j + 3] * r[j + 3];
            s4 += p[offset + j + 4] * r[j + 4];
            s5 += p[offset + j + 5] * r[j + 5];
            s6 += p[offset + j + 6] * r[j + 6];
            s7 += p[offset + j + 7] * r[j + 7];
        }
        double sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; j < i; j++) {
            sum += p[offset + j] * r[j];
        }
        return sum;
    }

    /**
     * Band b's run of the {@code count} pending changes from the {@code first}: {@code sum c_k (c_k . r) / d_k}
     * into its correction vector. first is a multiple of {@value #GROUP}, and so are the runs' starts after
     * it, so that the groups are the same whatever the band and never wrap around the ring.
     */
    private void correctionRun(int b, double[] r, int first, int count) {
        double[] out = corrections[b];
        Arrays.fill(out, 0.0);
        int from = first + (int) ((long) count * b / bands) / GROUP * GROUP;
        int to = first + (b + 1 == bands ? count : (int) ((long) count * (b + 1) / bands) / GROUP * GROUP);
        int k = from;
        for (; k + GROUP <= to; k += GROUP) {
            correctGroup(k, r, out);
        }
        for (; k < to; k++) {
            double[] c = pendingC[slot(k)];
            double f = dot(c, r) / pendingD[slot(k)];
            for (int i = 0; i < n; i++) {
                out[i] += c[i] * f;
            }
        }
    }

    /**
     * Four pending changes at once: one sweep takes their four products with r (two partial sums each,
     * so that eight additions are under way), a second, while the four vectors are still in cache, adds
     * their scaled sum into out. The second loop has no dependence between its steps, which lets the
     * compiler use vector instructions.
     */
    private void correctGroup(int k, double[] r, double[] out) {
        int first = slot(k);
        double[] c0 = pendingC[first];
        double[] c1 = pendingC[first + 1];
        double[] c2 = pendingC[first + 2];
        double[] c3 = pendingC[first + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double r0 = r[i];
            double r1 = r[i + 1];
            s0 += c0[i] * r0;
            s1 += c1[i] * r0;
            s2 += c2[i] * r0;
            s3 += c3[i] * r0;
            t0 += c0[i + 1] * r1;
            t1 += c1[i + 1] * r1;
            t2 += c2[i + 1] * r1;
            t3 += c3[i + 1] * r1;
        }
        if (i < n) {
            s0 += c0[i] * r[i];
            s1 += c1[i] * r[i];
            s2 += c2[i] * r[i];
            s3 += c3[i] * r[i];
        }
        double f0 = (s0 + t0) / pendingD[first];
        double f1 = (s1 + t1) / pendingD[first + 1];
        double f2 = (s2 + t2) / pendingD[first + 2];
        double f3 = (s3 + t3) / pendingD[first + 3];
        for (i = 0; i < n; i++) {
            out[i] += (c0[i] * f0 + c1[i] * f1) + (c2[i] * f2 + c3[i] * f3);
        }
    }

    private double dot(double[] a, double[] b) {
        double s = 0;
        double t = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s += a[i] * b[i];
            t += a[i + 1] * b[i + 1];
        }
        if (i < n) {
            s += a[i] * b[i];
        }
        return s + t;
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
