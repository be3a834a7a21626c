package org.spikefx.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.spikefx.engine.RunStatistics;
import org.spikefx.engine.SynapticWeights;
import org.spikefx.export.RunConfigFile;
import org.spikefx.export.Sidecar;
import org.spikefx.params.NetworkParameters;

/**
 * What a finished headless run reports: the app version, the parameters, the statistics the reference
 * model reports, the population synchrony (as a sweep's cells report it), fingerprints of the network,
 * times and memory. Written as JSON under the reference's names (the parameters as a config file
 * writes them), or as one line for people.
 */
record RunSummary(NetworkParameters params, RunStatistics statistics, double synchrony, long weightsNonzero,
                  double weightsSumOfSquares, double initialVoltageSum, double setupSeconds, double loopSeconds,
                  long peakHeapBytes) {

    static RunSummary of(HeadlessRun run) {
        NetworkParameters params = run.parameters();
        SynapticWeights weights = run.network().weights();
        return new RunSummary(params, run.statistics(), run.synchrony(), weights.nonzeroCount(),
                weights.sumOfSquares(), Arrays.stream(run.network().initialVoltages(params.vreset())).sum(),
                run.setupSeconds(), run.loopSeconds(), measurePeakHeap());
    }

    /** Simulated seconds per second of stepping. */
    double realtimeFactor() {
        return params.T() / loopSeconds;
    }

    ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("app_version", Sidecar.appVersion());
        root.set("params", RunConfigFile.toJson(params));
        root.put("total_spikes", statistics.totalSpikes());
        root.put("mean_rate_hz", statistics.meanRateHz());
        // JSON has no NaN: a run in which no neuron has a CV reports none.
        root.set("mean_cv_isi", Double.isNaN(statistics.meanCv()) ? json.nullNode() : json.numberNode(statistics.meanCv()));
        root.put("fraction_silent", statistics.fractionSilent());
        root.set("synchrony", Double.isNaN(synchrony) ? json.nullNode() : json.numberNode(synchrony));
        Arrays.stream(statistics.spikesPerBin()).forEach(root.putArray("spikes_per_100ms_bin")::add);
        root.put("w_nnz", weightsNonzero);
        root.put("w_sum_sq", weightsSumOfSquares);
        root.put("v_init_sum", initialVoltageSum);
        root.put("setup_seconds", setupSeconds);
        root.put("loop_seconds", loopSeconds);
        root.put("realtime_factor", realtimeFactor());
        root.put("peak_heap_bytes", peakHeapBytes);
        return root;
    }

    /** E.g. "17958 spikes, mean rate 35.92 Hz, mean CV 0.035, setup 0.04 s, loop 0.35 s, 2.86x real time". */
    String oneLine() {
        String cv = Double.isNaN(statistics.meanCv()) ? "none" : String.format(Locale.ROOT, "%.3f", statistics.meanCv());
        return String.format(Locale.ROOT, "%d spikes, mean rate %.2f Hz, mean CV %s, setup %.2f s, loop %.2f s,"
                + " %.2fx real time", statistics.totalSpikes(), statistics.meanRateHz(), cv, setupSeconds,
                loopSeconds, realtimeFactor());
    }

    /** Starts a new measurement of the heap's peak use. */
    static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum over the heap's memory pools of their peak use since the last reset. */
    static long measurePeakHeap() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }
}
