package org.spikefx.engine.force;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * RLS that keeps one triangle of P, which is symmetric, and reads it about once per update.
 *
 * <p>At n = 2000, P is 16 MB even as a triangle, far beyond the caches, and a direct update reads it
 * for {@code P r} and then reads and writes it again for the rank-one change: memory traffic, not
 * arithmetic, bounds it. So rank-one changes are kept pending, up to {@value #BLOCK} of them, and
 * applied to the stored triangle together, in the same pass that computes the next {@code P r}:
 * between those passes, {@code P r = P_stored r - sum_k a_k (c_k . r)} over the pending changes
 * {@code a_k c_k^T} (with {@code a_k = c_k / (1 + r_k . c_k)}). Rounding differs from the direct
 * update's by an ulp here and there, which changes no spike.
 *
 * <p>Each pass is split into bands of rows of equal area, one per thread. A band computes its rows'
 * sums and adds its entries' mirror images into a vector of its own; these are added in band order,
 * so the result is the same to the bit for a given number of threads.
 */
final class TriangleRls implements Rls {
    /** Rank-one changes applied to the stored triangle together; a multiple of four (see {@link #band}). */
    static final int BLOCK = 16;

    private final int n;
    private final double initial;
    /** Lower triangle by rows: row i holds P_i0 .. P_ii at offset i (i + 1) / 2. */
    private final double[] p;
    private final int[] bandStart;
    private final double[][] mirrored;
    private final double[] rowSums;
    private final double[][] pendingC;
    private final double[][] pendingA;
    private int pending;
    private final double[] y;
    private final ExecutorService workers;

    /** Bytes the stored triangle takes for n neurons. */
    static long bytes(int n) {
        return 8L * entries(n);
    }

    private static long entries(int n) {
        return (long) n * (n + 1) / 2;
    }

    /**
     * @param threads how many threads share each pass; the result depends on it only in the last bits
     * @throws IllegalArgumentException if the triangle does not fit in one Java array
     */
    TriangleRls(int n, double initial, int threads) {
        if (entries(n) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n = " + n + " is too large for training: P would have "
                    + entries(n) + " entries");
        }
        this.n = n;
        this.initial = initial;
        this.p = new double[(int) entries(n)];
        int bands = Math.max(1, Math.min(threads, n));
        bandStart = new int[bands + 1];
        for (int b = 0; b <= bands; b++) {
            // Row i holds i + 1 entries: equal areas end at n sqrt(b / bands).
            bandStart[b] = (int) Math.round(n * Math.sqrt((double) b / bands));
        }
        mirrored = new double[bands][n];
        rowSums = new double[n];
        pendingC = new double[BLOCK][n];
        pendingA = new double[BLOCK][n];
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
        pending = 0;
    }

    private static int rowOffset(int i) {
        return (int) ((long) i * (i + 1) / 2);
    }

    private static int diagonal(int i) {
        return rowOffset(i) + i;
    }

    @Override
    public void update(double[] r, double err, double[] phi) {
        boolean apply = pending == BLOCK;
        int applying = apply ? BLOCK : 0;
        pass(r, applying);
        if (apply) {
            pending = 0;
        }
        for (int i = 0; i < n; i++) {
            double sum = rowSums[i];
            for (double[] band : mirrored) {
                sum += band[i];
            }
            y[i] = sum;
        }
        for (int k = 0; k < pending; k++) {
            double[] c = pendingC[k];
            double[] a = pendingA[k];
            double cr = 0;
            for (int i = 0; i < n; i++) {
                cr += c[i] * r[i];
            }
            for (int i = 0; i < n; i++) {
                y[i] -= a[i] * cr;
            }
        }
        double rc = 0;
        for (int i = 0; i < n; i++) {
            rc += r[i] * y[i];
        }
        double denominator = 1 + rc;
        double[] c = pendingC[pending];
        double[] a = pendingA[pending];
        for (int i = 0; i < n; i++) {
            phi[i] = phi[i] - y[i] * err;
            c[i] = y[i];
            a[i] = y[i] / denominator;
        }
        pending++;
    }

    /** One pass over the triangle: first the {@code applying} pending changes, then the sums of P r. */
    private void pass(double[] r, int applying) {
        int bands = mirrored.length;
        if (workers == null) {
            band(0, r, applying);
            return;
        }
        List<Future<?>> others = new ArrayList<>(bands - 1);
        for (int b = 1; b < bands; b++) {
            int band = b;
            others.add(workers.submit(() -> band(band, r, applying)));
        }
        band(0, r, applying);
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

    private void band(int b, double[] r, int applying) {
        int from = bandStart[b];
        int to = bandStart[b + 1];
        double[] mirror = mirrored[b];
        Arrays.fill(mirror, 0, to, 0.0);
        for (int i = from; i < to; i++) {
            int offset = rowOffset(i);
            // Four pending changes per sweep of the row, in their order: P_ij - a1_i c1_j - a2_i c2_j - ...
            for (int k = 0; k < applying; k += 4) {
                double a0 = pendingA[k][i];
                double a1 = pendingA[k + 1][i];
                double a2 = pendingA[k + 2][i];
                double a3 = pendingA[k + 3][i];
                double[] c0 = pendingC[k];
                double[] c1 = pendingC[k + 1];
                double[] c2 = pendingC[k + 2];
                double[] c3 = pendingC[k + 3];
                for (int j = 0; j <= i; j++) {
                    p[offset + j] = p[offset + j] - a0 * c0[j] - a1 * c1[j] - a2 * c2[j] - a3 * c3[j];
                }
            }
            double ri = r[i];
            for (int j = 0; j < i; j++) {
                mirror[j] += p[offset + j] * ri;
            }
            rowSums[i] = rowDot(offset, i, r) + p[offset + i] * ri;
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

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
