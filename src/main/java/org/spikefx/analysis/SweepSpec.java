package org.spikefx.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.spikefx.Messages;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.InvalidParameterException;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * What a sweep runs: every pair of values of two {@link Axis axes}, each with {@code seeds} networks
 * (seed, seed + 1, ... seed + seeds - 1), on the base parameters for everything else. Valid on
 * construction: every run it holds has valid parameters and a network that can be built, so a sweep
 * never fails half-way over a value it could have refused at once.
 *
 * @param x     the horizontal axis
 * @param y     the vertical axis, a different parameter
 * @param base  the other parameters (the axes' parameters are replaced)
 * @param seeds how many networks per cell, 1 to {@link #MAX_SEEDS}
 */
public record SweepSpec(Axis x, Axis y, NetworkParameters base, int seeds) {
    /** More seeds than this per cell add little to an average and much to the time. */
    public static final int MAX_SEEDS = 100;
    /** At most this many runs (cells times seeds): a 101 × 101 grid, which takes minutes at small n and short T. */
    public static final int MAX_RUNS = Axis.MAX_COUNT * Axis.MAX_COUNT;

    /** Which part of the request a refusal is about, so that the command line can name its option. */
    public enum Part { X, Y, SEEDS }

    /** A sweep that cannot be run: the message says why in one line, {@link #part()} which part is at fault. */
    public static final class InvalidSweepException extends IllegalArgumentException {
        private final Part part;

        public InvalidSweepException(Part part, String message) {
            super(message);
            this.part = part;
        }

        public Part part() {
            return part;
        }
    }

    /** @throws InvalidSweepException naming the axis or the seeds at fault */
    public SweepSpec {
        if (x.parameter() == y.parameter()) {
            throw new InvalidSweepException(Part.Y, "both axes vary " + x.parameter().key()
                    + ": choose two different parameters");
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new InvalidSweepException(Part.SEEDS, "seeds = " + seeds + " is not allowed: seeds must be a whole"
                    + " number from 1 to " + MAX_SEEDS);
        }
        long runs = (long) x.count() * y.count() * seeds;
        if (runs > MAX_RUNS) {
            throw new InvalidSweepException(seeds > 1 ? Part.SEEDS : Part.Y, "the sweep has " + x.count() + " x "
                    + y.count() + " cells" + (seeds > 1 ? " x " + seeds + " seeds" : "") + " = " + runs
                    + " runs: at most " + MAX_RUNS + " are allowed; choose fewer values" + (seeds > 1 ? " or seeds" : ""));
        }
        Set<String> sizesChecked = new HashSet<>();
        for (int i = 0; i < x.count(); i++) {
            for (int j = 0; j < y.count(); j++) {
                NetworkParameters cell = cell(x, y, base, i, j);
                for (int k = 0; k < seeds; k++) {
                    NetworkParameters run = withSeed(cell, k);
                    if (sizesChecked.add(run.n() + " " + run.p())) {
                        checkSize(x, run);
                    }
                }
            }
        }
    }

    /**
     * The base recording no more neurons than the smallest network an axis of n gives (nrec only says
     * which neurons a run records): for the Map window, whose base is the live view's, and whose nrec
     * no one chose for the sweep.
     */
    public static NetworkParameters recordingFewEnough(Axis x, Axis y, NetworkParameters base) {
        double fewest = base.nrec();
        for (Axis axis : List.of(x, y)) {
            if (axis.parameter() == Parameter.N) {
                fewest = Math.min(fewest, axis.value(0)); // an axis runs from its smallest value up
            }
        }
        // An n no network can have is left to the cell's own check, which names it.
        return fewest < base.nrec() && Parameter.N.accepts(fewest) ? base.with(Parameter.NREC, fewest) : base;
    }

    /** The parameters of cell (i, j) with its first seed. */
    public NetworkParameters cell(int i, int j) {
        return cell(x, y, base, i, j);
    }

    /** The parameters of one run: cell (i, j) with its k-th seed, 0 to seeds - 1. */
    public NetworkParameters run(int i, int j, int k) {
        return withSeed(cell(i, j), k);
    }

    /** Cells on the grid. */
    public int cellCount() {
        return x.count() * y.count();
    }

    /** Runs in all: cells times seeds. */
    public int runCount() {
        return cellCount() * seeds;
    }

    /**
     * The base with both values. A value that breaks a rule with another parameter is named as the
     * value changed ("vreset = -40 is not allowed: vreset must be below vpeak"); when the two swept
     * parameters are the pair of a rule (vreset and vpeak), either may be set first.
     */
    private static NetworkParameters cell(Axis x, Axis y, NetworkParameters base, int i, int j) {
        NetworkParameters withX;
        try {
            withX = base.with(x.parameter(), x.value(i));
        } catch (InvalidParameterException alone) {
            try {
                return base.with(y.parameter(), y.value(j)).with(x.parameter(), x.value(i));
            } catch (InvalidParameterException e) {
                throw refused(x, e);
            }
        }
        try {
            return withX.with(y.parameter(), y.value(j));
        } catch (InvalidParameterException e) {
            throw refused(x, e);
        }
    }

    private static InvalidSweepException refused(Axis x, InvalidParameterException e) {
        return new InvalidSweepException(e.parameter() == x.parameter() ? Part.X : Part.Y, Messages.reason(e));
    }

    private static NetworkParameters withSeed(NetworkParameters cell, int k) {
        if (k == 0) {
            return cell;
        }
        try {
            return cell.with(Parameter.SEED, cell.seed() + (double) k);
        } catch (InvalidParameterException e) {
            throw new InvalidSweepException(Part.SEEDS, Messages.reason(e));
        }
    }

    private static void checkSize(Axis x, NetworkParameters run) {
        try {
            RandomNetwork.checkSize(run);
        } catch (IllegalArgumentException e) {
            boolean onX = x.parameter() == Parameter.N || x.parameter() == Parameter.P;
            throw new InvalidSweepException(onX ? Part.X : Part.Y, Messages.reason(e));
        }
    }
}
