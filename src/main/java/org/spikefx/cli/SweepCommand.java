package org.spikefx.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.spikefx.analysis.Axis;
import org.spikefx.analysis.MapFigure;
import org.spikefx.analysis.MapFiles;
import org.spikefx.analysis.Sweep;
import org.spikefx.analysis.SweepMap;
import org.spikefx.analysis.SweepSpec;
import org.spikefx.export.AtomicFiles;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/**
 * {@code spikefx sweep}: a map of the network's regimes over two parameters. Every cell is a whole run
 * of the engine, the same as {@code simulate} with those values; the cells run side by side on every
 * core. Writes the map as CSV with its JSON sidecar, and as a figure.
 */
@Command(name = "sweep", sortOptions = false, sortSynopsis = false, mixinStandardHelpOptions = true,
        versionProvider = SpikeFxCommand.Version.class,
        description = "Runs the network for every pair of values of two parameters (a grid of cells, each run to"
                + " time T as simulate runs it) on every core, and writes per run the statistics simulate --summary"
                + " reports: mean rate, mean CV of the ISIs, fraction silent, synchrony. The other parameters come"
                + " from the parameter options. The files appear together when the sweep is complete.")
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--x", required = true, paramLabel = Axis.FORMAT, converter = AxisOption.class,
            description = "The horizontal axis: a parameter and COUNT values evenly spaced from FROM to TO, both"
                    + " included, e.g. g=0:0.2:21. COUNT is 1 to " + Axis.MAX_COUNT + ".")
    Axis x;

    @Option(names = "--y", required = true, paramLabel = Axis.FORMAT, converter = AxisOption.class,
            description = "The vertical axis, another parameter, e.g. offset=-50:-30:21.")
    Axis y;

    @Mixin
    ParameterOptions parameters;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "1",
            description = "Networks per cell: seeds seed ... seed+K-1, 1 to " + SweepSpec.MAX_SEEDS
                    + "; the map shows their mean (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--out", paramLabel = "FILE.csv", converter = CsvFile.class,
            description = "Write the map as CSV, one row per cell and seed, with its JSON sidecar beside it"
                    + " (map.csv gets map.json: the grid, the base parameters, the version, sweep_seconds).")
    Path out;

    @Option(names = "--png", paramLabel = "FILE", converter = WritableFile.class,
            description = "Draw the four heat maps, each with its colour bar, as a PNG.")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE", converter = WritableFile.class,
            description = "Draw the four heat maps as an SVG.")
    Path svg;

    @Option(names = "--quiet", description = "Print nothing while running: no progress bar, no summary line."
            + " Errors are still reported.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        NetworkParameters base = parameters.values();
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--out", out);
        outputs.put("--out's sidecar", out == null ? null : MapFiles.sidecarOf(out));
        outputs.put("--png", png);
        outputs.put("--svg", svg);
        outputs.values().removeIf(Objects::isNull);
        if (outputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to write: give --out FILE.csv, --png FILE"
                    + " or --svg FILE");
        }
        OutputFiles.requireDistinct(spec.commandLine(), outputs, parameters.configFile());
        SweepSpec sweepSpec = sweepSpec(recordingFewEnough(base));

        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progressBar = ProgressBar.sweeping(err, sweepSpec.runCount());
        Sweep sweep = Sweep.start(sweepSpec, (run, done, total) -> {
            if (!quiet) {
                progressBar.accept((double) done / total);
            }
        });
        SweepMap map;
        try {
            map = sweep.await();
        } finally {
            progressBar.erase();
        }
        double seconds = sweep.seconds();
        try (AtomicFiles files = new AtomicFiles()) {
            if (out != null) {
                MapFiles.write(map, seconds, sweep.threadCount(), out, files);
            }
            if (png != null) {
                try (OutputStream stream = files.open(png)) {
                    MapFigure.writePng(map, stream);
                }
            }
            if (svg != null) {
                try (OutputStream stream = files.open(svg)) {
                    MapFigure.writeSvg(map, stream);
                }
            }
            files.commit();
        }
        if (!quiet) {
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "%d x %d cells, %d %s: %.2f s on %d threads, %.4f s per cell", x.count(), y.count(), seeds,
                    seeds == 1 ? "seed" : "seeds", seconds, sweep.threadCount(), seconds / sweepSpec.cellCount()));
        }
        return 0;
    }

    /**
     * The base with as many recorded neurons as the smallest network of the sweep has. The default
     * (10) must not refuse an axis of n that goes below it, so it adapts as it does for a small n; a
     * number asked for (--nrec, or a config's) is kept, and an axis going below it is refused with
     * what to do.
     */
    private NetworkParameters recordingFewEnough(NetworkParameters base) {
        for (Map.Entry<String, Axis> axis : Map.of("--x", x, "--y", y).entrySet()) {
            if (axis.getValue().parameter() != Parameter.N) {
                continue;
            }
            double fewest = Math.min(axis.getValue().value(0), axis.getValue().value(axis.getValue().count() - 1));
            if (fewest >= base.nrec() || !Parameter.N.accepts(fewest)) {
                // Enough neurons, or no n at all, which the sweep's own check names.
                continue;
            }
            boolean asked = parameters.given(Parameter.NREC) || parameters.configFile() != null;
            if (!asked) {
                return base.with(Parameter.NREC, ParameterOptions.defaultRecorded(fewest));
            }
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + axis.getKey() + "': n"
                    + " goes down to " + Parameter.format(fewest) + ", below nrec = " + base.nrec() + " ("
                    + (parameters.given(Parameter.NREC) ? "--nrec" : "from " + parameters.configFile())
                    + "): give --nrec " + Parameter.format(fewest) + " or less, or start the axis at n = "
                    + base.nrec() + " or more");
        }
        return base;
    }

    private SweepSpec sweepSpec(NetworkParameters base) {
        try {
            return new SweepSpec(x, y, base, seeds);
        } catch (SweepSpec.InvalidSweepException e) {
            String option = switch (e.part()) {
                case X -> "--x";
                case Y -> "--y";
                case SEEDS -> "--seeds";
            };
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + e.getMessage());
        }
    }

    /** {@code NAME=FROM:TO:COUNT}, checked against the parameter's own range. */
    static final class AxisOption implements ITypeConverter<Axis> {
        @Override
        public Axis convert(String text) {
            try {
                return Axis.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A file name ending in .csv, in a folder that can be written, whose sidecar can be written too. */
    static final class CsvFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            Path file = new WritableFile().convert(text);
            if (!file.getFileName().toString().endsWith(MapFiles.CSV_SUFFIX)
                    || file.getFileName().toString().equals(MapFiles.CSV_SUFFIX)) {
                throw new TypeConversionException("'" + text + "' does not end in " + MapFiles.CSV_SUFFIX
                        + ": a map is a CSV file, and its sidecar the same name ending in .json");
            }
            new WritableFile().convert(MapFiles.sidecarOf(file).toString());
            return file;
        }
    }
}
