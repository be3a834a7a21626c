package org.spikefx.cli;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.spikefx.engine.RunStatistics;
import org.spikefx.export.RunConfigFile;
import org.spikefx.export.Sidecar;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/**
 * What a finished training run reports, under the FORCE reference's names: the parameters, the spikes,
 * the number of RLS updates, how well the readout followed the target before, during and after the
 * training window, the decoder's norm, times and memory.
 */
record TrainSummary(NetworkParameters params, TrainingParameters training, RunStatistics statistics, int rlsUpdates,
                    Fit before, Fit during, Fit after, double phiNorm, double setupSeconds, double loopSeconds,
                    long peakHeapBytes) {

    /**
     * The readout's error against the target over a window of steps: the root mean square of z - target
     * and their correlation (NaN when z or the target is constant there, as NumPy's corrcoef gives it);
     * null for a window of fewer than two steps, as the reference.
     */
    record Fit(double rmse, double correlation) {

        /**
         * The fit gathered step by step, so that a run of any length keeps no readout in memory: the
         * squared error and, by Welford's updates, the means and co-moments of z and the target.
         */
        static final class Window {
            private long count;
            private double squares;
            private double zMean;
            private double tMean;
            private double zz;
            private double tt;
            private double zt;

            void add(double z, double target) {
                double e = z - target;
                squares += e * e;
                count++;
                double dz = z - zMean;
                double dt = target - tMean;
                zMean += dz / count;
                tMean += dt / count;
                zz += dz * (z - zMean);
                tt += dt * (target - tMean);
                zt += dz * (target - tMean);
            }

            /** The fit of the steps added, or null for fewer than two. */
            Fit fit() {
                if (count < 2) {
                    return null;
                }
                double correlation = zz > 0 && tt > 0 ? zt / Math.sqrt(zz * tt) : Double.NaN;
                return new Fit(Math.sqrt(squares / count), correlation);
            }
        }

        ObjectNode toJson() {
            JsonNodeFactory json = JsonNodeFactory.instance;
            ObjectNode node = json.objectNode();
            node.put("rmse", rmse);
            // JSON has no NaN: a constant readout has no correlation.
            node.set("correlation", Double.isNaN(correlation) ? json.nullNode() : json.numberNode(correlation));
            return node;
        }

        String oneLine() {
            return Double.isNaN(correlation) ? String.format(Locale.ROOT, "rmse %.3f", rmse)
                    : String.format(Locale.ROOT, "rmse %.3f, correlation %.3f", rmse, correlation);
        }
    }

    /** Simulated seconds per second of stepping. */
    double realtimeFactor() {
        return params.T() / loopSeconds;
    }

    ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("app_version", Sidecar.appVersion());
        ObjectNode all = RunConfigFile.toJson(params);
        for (TrainingParameter parameter : TrainingParameter.values()) {
            double value = training.get(parameter);
            if (parameter.isInteger()) {
                all.put(parameter.key(), (long) value);
            } else {
                all.put(parameter.key(), value);
            }
        }
        all.put("target", training.target().key());
        if (training.targetFile() != null) {
            all.put("target_file", training.targetFile().toString());
        }
        root.set("params", all);
        root.put("total_spikes", statistics.totalSpikes());
        root.put("mean_rate_hz", statistics.meanRateHz());
        root.put("rls_updates", rlsUpdates);
        root.set("fit_before_training", before == null ? json.nullNode() : before.toJson());
        root.set("fit_during_training", during == null ? json.nullNode() : during.toJson());
        root.set("fit_after_training", after == null ? json.nullNode() : after.toJson());
        root.put("phi_norm", phiNorm);
        root.put("setup_seconds", setupSeconds);
        root.put("loop_seconds", loopSeconds);
        root.put("realtime_factor", realtimeFactor());
        root.put("peak_heap_bytes", peakHeapBytes);
        return root;
    }

    /** E.g. "638608 spikes, 2000 RLS updates, after training rmse 0.310, correlation 0.86, setup 0.9 s, loop 6.1 s, 2.46x real time". */
    String oneLine() {
        String fit = after == null ? "no steps after training" : "after training " + after.oneLine();
        return String.format(Locale.ROOT, "%d spikes, mean rate %.2f Hz, %d RLS updates, %s, |phi| %s, setup %.2f s,"
                + " loop %.2f s, %.2fx real time", statistics.totalSpikes(), statistics.meanRateHz(), rlsUpdates, fit,
                Parameter.format(Math.round(phiNorm * 1e6) / 1e6), setupSeconds, loopSeconds, realtimeFactor());
    }
}
