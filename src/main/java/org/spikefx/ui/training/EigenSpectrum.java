package org.spikefx.ui.training;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.watched.WatchedDoubleStepQREigen_DDRM;
import org.ejml.dense.row.decomposition.eig.watched.WatchedDoubleStepQREigenvalue_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.HessenbergSimilarDecomposition_DDRM;

import org.spikefx.engine.SynapticWeights;

/**
 * All eigenvalues of the effective weights {@code w + eta phi^T} of a trained network (the paper's
 * figure): the random part's eigenvalues fill a disc, and what training adds shows outside it. EJML
 * computes them in two stages, the reduction to Hessenberg form and the shifted QR iteration; both
 * stages report progress and stop at a cancel, column by column and eigenvalue by eigenvalue, so that
 * a two-minute decomposition of n = 2000 can be watched and abandoned. Runs on a background thread.
 */
public final class EigenSpectrum {
    /** Share of the progress bar given to the Hessenberg reduction; the QR iteration takes the rest. */
    static final double HESSENBERG_SHARE = 0.4;

    /** The eigenvalues as two arrays, real and imaginary parts. */
    public record Eigenvalues(double[] re, double[] im) {
        public int size() {
            return re.length;
        }

        /** The largest modulus. */
        public double radius() {
            double largest = 0;
            for (int k = 0; k < re.length; k++) {
                largest = Math.max(largest, Math.hypot(re[k], im[k]));
            }
            return largest;
        }
    }

    private EigenSpectrum() {
    }

    /** The dense effective weights: column j is w's column j plus eta * phi[j]. */
    static DMatrixRMaj effectiveWeights(SynapticWeights weights, double[] encoder, double[] decoder) {
        int n = weights.neuronCount();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(column, 0);
            weights.addColumn(j, column);
            for (int i = 0; i < n; i++) {
                m.data[i * n + j] = column[i] + encoder[i] * decoder[j];
            }
        }
        return m;
    }

    /**
     * The eigenvalues of {@code w + eta phi^T}.
     *
     * @param progress  fractions from 0 to 1, now and then
     * @param cancelled asked between columns and between eigenvalues
     * @throws CancellationException when cancelled
     * @throws ArithmeticException   if the iteration does not converge
     */
    public static Eigenvalues compute(SynapticWeights weights, double[] encoder, double[] decoder,
                                      DoubleConsumer progress, BooleanSupplier cancelled) {
        DMatrixRMaj m = effectiveWeights(weights, encoder, decoder);
        int n = m.numRows;
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
        HessenbergSimilarDecomposition_DDRM hessenberg = new HessenbergSimilarDecomposition_DDRM() {
            private int columns;

            @Override
            protected void rank1UpdateMultR(DMatrixRMaj a, double gamma, int colA0, int w0, int w1) {
                super.rank1UpdateMultR(a, gamma, colA0, w0, w1);
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                // Column k's update costs about (n - k)^2: report the share of the work done.
                columns++;
                double left = Math.max(0, n - columns);
                progress.accept(HESSENBERG_SHARE * (1 - (left * left * left) / ((double) n * n * n)));
            }
        };
        if (!hessenberg.decompose(m)) {
            throw new ArithmeticException("the reduction to Hessenberg form failed");
        }
        DMatrixRMaj h = hessenberg.getH(null);
        WatchedDoubleStepQREigen_DDRM iteration = new WatchedDoubleStepQREigen_DDRM() {
            @Override
            public void incrementSteps() {
                super.incrementSteps();
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                progress.accept(HESSENBERG_SHARE + (1 - HESSENBERG_SHARE) * getNumberOfEigenvalues() / (double) n);
            }
        };
        WatchedDoubleStepQREigenvalue_DDRM values = new WatchedDoubleStepQREigenvalue_DDRM(iteration);
        if (!values.process(h)) {
            throw new ArithmeticException("the eigenvalue iteration did not converge");
        }
        Complex_F64[] found = values.getEigenvalues();
        double[] re = new double[values.getNumberOfEigenvalues()];
        double[] im = new double[re.length];
        for (int k = 0; k < re.length; k++) {
            re[k] = found[k].real;
            im[k] = found[k].imaginary;
        }
        progress.accept(1);
        return new Eigenvalues(re, im);
    }
}
