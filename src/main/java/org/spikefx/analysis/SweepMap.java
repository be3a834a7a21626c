package org.spikefx.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The runs of a sweep that are done, by cell and seed: complete once the sweep has finished, partial
 * while it runs or after it was cancelled. A cell's value on the map is the mean over its seeds, its
 * spread the standard deviation over them. Not safe for use by several threads at once.
 */
public final class SweepMap {
    private final SweepSpec spec;
    /** Runs by (i * y count + j) * seeds + k; null where not done. */
    private final CellRun[] runs;
    private int done;

    public SweepMap(SweepSpec spec) {
        this.spec = spec;
        this.runs = new CellRun[spec.runCount()];
    }

    public SweepSpec spec() {
        return spec;
    }

    /**
     * Adds a run that is done.
     *
     * @throws IllegalArgumentException if the run is not on the grid or is there already
     */
    public void put(CellRun run) {
        if (run.i() < 0 || run.i() >= spec.x().count() || run.j() < 0 || run.j() >= spec.y().count()
                || run.k() < 0 || run.k() >= spec.seeds()) {
            throw new IllegalArgumentException("run (" + run.i() + ", " + run.j() + ", seed " + run.seed()
                    + ") is not on the grid");
        }
        int index = index(run.i(), run.j(), run.k());
        if (runs[index] != null) {
            throw new IllegalArgumentException(spec.x().parameter().key() + " = " + spec.x().value(run.i()) + ", "
                    + spec.y().parameter().key() + " = " + spec.y().value(run.j()) + ", seed " + run.seed()
                    + " appears twice");
        }
        runs[index] = run;
        done++;
    }

    /** The k-th seed's run of cell (i, j), or null if it is not done. */
    public CellRun run(int i, int j, int k) {
        return runs[index(i, j, k)];
    }

    /** How many runs are done. */
    public int runsDone() {
        return done;
    }

    public boolean isComplete() {
        return done == runs.length;
    }

    /** Whether every seed of cell (i, j) is done, so that the cell has its value. */
    public boolean hasCell(int i, int j) {
        for (int k = 0; k < spec.seeds(); k++) {
            if (run(i, j, k) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cell's value: the mean over its seeds of those that have one (a silent run has no CV); NaN
     * if none has, or the cell is not complete.
     */
    public double mean(MapStatistic statistic, int i, int j) {
        double[] values = values(statistic, i, j);
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElseThrow();
    }

    /** The standard deviation (ddof = 0) over the cell's seeds that have a value; NaN as for {@link #mean}. */
    public double spread(MapStatistic statistic, int i, int j) {
        double[] values = values(statistic, i, j);
        if (values.length == 0) {
            return Double.NaN;
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }

    /** The values of every cell, {@code [i * y count + j]}, for a colour scale; NaN where there is none. */
    public double[] means(MapStatistic statistic) {
        double[] means = new double[spec.cellCount()];
        for (int i = 0; i < spec.x().count(); i++) {
            for (int j = 0; j < spec.y().count(); j++) {
                means[i * spec.y().count() + j] = mean(statistic, i, j);
            }
        }
        return means;
    }

    /** The runs done, in the order of a map's CSV: by x, then y, then seed. */
    public List<CellRun> runs() {
        List<CellRun> list = new ArrayList<>(done);
        for (CellRun run : runs) {
            if (run != null) {
                list.add(run);
            }
        }
        return list;
    }

    private double[] values(MapStatistic statistic, int i, int j) {
        if (!hasCell(i, j)) {
            return new double[0];
        }
        double[] values = new double[spec.seeds()];
        int count = 0;
        for (int k = 0; k < spec.seeds(); k++) {
            double value = statistic.of(run(i, j, k).statistics());
            if (!Double.isNaN(value)) {
                values[count++] = value;
            }
        }
        return Arrays.copyOf(values, count);
    }

    private int index(int i, int j, int k) {
        return (i * spec.y().count() + j) * spec.seeds() + k;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SweepMap map && map.spec.equals(spec) && Arrays.equals(map.runs, runs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, Arrays.hashCode(runs));
    }

    @Override
    public String toString() {
        return "map " + spec.x() + " by " + spec.y() + ", " + done + " of " + runs.length + " runs";
    }
}
