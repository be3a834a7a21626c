package org.spikefx.analysis;

/**
 * The viridis colour map, the project's colour map for every heat map: perceptually uniform, legible
 * in grey and to colour-blind viewers. Nine samples at 0, 1/8, ... 1, interpolated linearly between.
 */
public final class Viridis {
    private static final int[] SAMPLES = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5DC863, 0xADDC30, 0xFDE725,
    };
    /** Where there is no value (a statistic a run does not have): a neutral grey, outside the map's colours. */
    public static final int MISSING = 0xBDBDBD;

    private Viridis() {
    }

    /** The colour (0xRRGGBB) of a fraction 0 ... 1 along the map; values outside are clamped, NaN is {@link #MISSING}. */
    public static int rgb(double fraction) {
        if (Double.isNaN(fraction)) {
            return MISSING;
        }
        double position = Math.max(0, Math.min(1, fraction)) * (SAMPLES.length - 1);
        int low = Math.min((int) position, SAMPLES.length - 2);
        double t = position - low;
        int a = SAMPLES[low];
        int b = SAMPLES[low + 1];
        return channel(a, b, 16, t) << 16 | channel(a, b, 8, t) << 8 | channel(a, b, 0, t);
    }

    /** The colour of a value on a scale from {@code min} to {@code max}. */
    public static int rgb(double value, double min, double max) {
        return rgb((value - min) / (max - min));
    }

    private static int channel(int a, int b, int shift, double t) {
        int from = a >> shift & 0xFF;
        int to = b >> shift & 0xFF;
        return (int) Math.round(from + (to - from) * t);
    }
}
