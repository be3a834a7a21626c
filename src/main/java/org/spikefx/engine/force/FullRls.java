package org.spikefx.engine.force;

/**
 * RLS on the whole n x n matrix, written as the reference writes it: c = P r row by row, then every
 * entry P_ij - (c_i c_j) / (1 + r . c). Twice the memory of {@link TriangleRls}, and a pass over all of
 * it twice per update; it exists to show that the triangle, with its pending changes, changes no spike.
 */
final class FullRls implements Rls {
    private final int n;
    private final double initial;
    private final double[] p;
    private final double[] c;

    FullRls(int n, double initial) {
        this.n = n;
        this.initial = initial;
        this.p = new double[n * n];
        this.c = new double[n];
        reset();
    }

    @Override
    public void update(double[] r, double err, double[] phi) {
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += p[i * n + j] * r[j];
            }
            c[i] = sum;
        }
        double rc = 0;
        for (int i = 0; i < n; i++) {
            rc += r[i] * c[i];
        }
        double denominator = 1 + rc;
        for (int i = 0; i < n; i++) {
            phi[i] = phi[i] - c[i] * err;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] = p[i * n + j] - (c[i] * c[j]) / denominator;
            }
        }
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(p, 0.0);
        for (int i = 0; i < n; i++) {
            p[i * n + i] = initial;
        }
    }

    @Override
    public void close() {
    }
}
