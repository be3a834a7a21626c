package org.spikefx.export;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.spikefx.params.Parameter;

/**
 * How the window shows a run, saved with the parameters in a {@link RunConfig}. The names in
 * brackets are the keys in a config file; an instance is always valid, except that neuron numbers
 * are checked against the network's size by {@link RunConfig}.
 *
 * @param voltageNeurons neurons whose voltage traces are shown, each listed once ({@code voltage_neurons})
 * @param selectedNeuron the neuron picked out in the raster, or null for none ({@code selected_neuron})
 * @param rateBinMs      width of the population-rate bins in whole ms, 1 to 5 ({@code rate_bin_ms})
 * @param theme          light or dark colours ({@code theme})
 * @param runMode        whether a run stops after T or goes on ({@code run_mode})
 * @param speed          simulated seconds per second of wall time, or null for as fast as possible ({@code speed})
 * @param windowSeconds  length of the scrolling time window in s ({@code window_s})
 */
public record ViewSettings(List<Integer> voltageNeurons, Integer selectedNeuron, double rateBinMs, Theme theme,
                           RunMode runMode, Double speed, double windowSeconds) {

    /** Colour scheme; lower-case name in config files. */
    public enum Theme { LIGHT, DARK }

    /** FIXED stops after the run's duration T; CONTINUOUS goes on. Lower-case name in config files. */
    public enum RunMode { FIXED, CONTINUOUS }

    /** Population-rate bins the window offers, in ms: short enough to show volleys, long enough to average. */
    public static final int MIN_RATE_BIN_MS = 1;
    public static final int MAX_RATE_BIN_MS = 5;
    /** Characters of a value quoted in a message. */
    private static final int MAX_SHOWN = 40;
    /** Widths of the scrolling time window the window offers, in seconds. */
    public static final double MIN_WINDOW_SECONDS = 0.1;
    public static final double MAX_WINDOW_SECONDS = 60;

    /** How many of the first neurons show their voltage when nothing else is chosen. */
    private static final int DEFAULT_VOLTAGE_TRACES = 3;

    public ViewSettings {
        voltageNeurons = List.copyOf(voltageNeurons);
        if (voltageNeurons.stream().anyMatch(neuron -> neuron < 0)
                || new HashSet<>(voltageNeurons).size() != voltageNeurons.size()) {
            throw notAllowed("voltage_neurons", voltageNeurons, "a list of different neurons, each 0 or more");
        }
        if (selectedNeuron != null && selectedNeuron < 0) {
            throw notAllowed("selected_neuron", selectedNeuron, "null (none) or a neuron, 0 or more");
        }
        if (!(rateBinMs >= MIN_RATE_BIN_MS && rateBinMs <= MAX_RATE_BIN_MS && rateBinMs == Math.rint(rateBinMs))) {
            throw notAllowed("rate_bin_ms", Parameter.format(rateBinMs),
                    "a whole number from " + MIN_RATE_BIN_MS + " to " + MAX_RATE_BIN_MS + " (the window's bin widths)");
        }
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(runMode, "runMode");
        if (speed != null && !isPositive(speed)) {
            throw notAllowed("speed", Parameter.format(speed), "null (as fast as possible) or a finite number > 0");
        }
        if (!(windowSeconds >= MIN_WINDOW_SECONDS && windowSeconds <= MAX_WINDOW_SECONDS)) {
            throw notAllowed("window_s", Parameter.format(windowSeconds), "a number of seconds from "
                    + Parameter.format(MIN_WINDOW_SECONDS) + " to " + Parameter.format(MAX_WINDOW_SECONDS));
        }
    }

    /**
     * The settings a config file falls back on: the voltages of the first three neurons (fewer if the
     * network is smaller), nothing selected, 2 ms rate bins, light theme, fixed run at real-time
     * speed, a 2 s window.
     */
    public static ViewSettings defaults(int neuronCount) {
        List<Integer> firstNeurons = IntStream.range(0, Math.min(DEFAULT_VOLTAGE_TRACES, neuronCount)).boxed().toList();
        return new ViewSettings(firstNeurons, null, 2.0, Theme.LIGHT, RunMode.FIXED, 1.0, 2.0);
    }

    /** The one-line error for a setting, in the words of the config file: key, value and what is allowed. */
    static IllegalArgumentException notAllowed(String key, Object value, String allowed) {
        String shown = String.valueOf(value);
        // A list of millions of neurons is quoted by its beginning only.
        shown = shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN - 3) + "...";
        return new IllegalArgumentException(key + " = " + shown + " is not allowed: " + key + " must be " + allowed);
    }

    private static boolean isPositive(double value) {
        return Double.isFinite(value) && value > 0;
    }
}
