package org.spikefx.analysis;

/** Axis steps that read well: 1, 2 or 5 times a power of ten. */
public final class TickSpacing {
    private TickSpacing() {
    }

    /** The smallest nice step that divides {@code range} into at most {@code maxTicks} intervals. */
    public static double step(double range, int maxTicks) {
        if (!(range > 0) || maxTicks < 1) {
            return 1;
        }
        double rough = range / maxTicks;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= rough * (1 - 1e-9)) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** {@code value} rounded up to a whole number of the nice step for {@code maxTicks} ticks; 1 for values <= 0. */
    public static double roundUp(double value, int maxTicks) {
        if (!(value > 0)) {
            return 1;
        }
        double step = step(value, maxTicks);
        return Math.ceil(value / step * (1 - 1e-12)) * step;
    }
}
