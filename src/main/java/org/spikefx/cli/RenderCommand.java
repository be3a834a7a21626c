package org.spikefx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.spikefx.Messages;
import org.spikefx.engine.force.ForceFactory;
import org.spikefx.export.AnimatedGif;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TrainingParameters;
import org.spikefx.ui.HeadlessFigure;
import org.spikefx.ui.export.FigureFormat;
import org.spikefx.ui.export.FigureView;

/**
 * {@code spikefx render}: one run to the end, drawn as the window draws it, into a PNG or SVG file.
 * JavaFX starts only here, on a headless platform, so no display is needed.
 */
@Command(name = "render", sortOptions = false, sortSynopsis = false, mixinStandardHelpOptions = true,
        versionProvider = SpikeFxCommand.Version.class,
        description = "Runs the network without a window, from the initial state to time T (or --to), and writes the"
                + " figure the window shows: voltage traces, spike raster, population rate, input balance and"
                + " statistics, or one of them (--view), over the whole run or a window of it (--from, --to), every"
                + " step and spike drawn. --view training trains the network as the window's Training mode does,"
                + " with the training options of train, and draws the target, the readout and the error. Needs no"
                + " display.")
final class RenderCommand implements Callable<Integer> {
    // The plots need about 620 x 330 pixels to show everything; the largest is an 8K screen.
    private static final int MIN_WIDTH = 640;
    private static final int MAX_WIDTH = 7680;
    private static final int MIN_HEIGHT = 360;
    private static final int MAX_HEIGHT = 4320;
    private static final Set<Integer> SCALES = Set.of(1, 2, 4);
    /**
     * The most pixels a PNG may have: an 8K screen's. JavaFX's software renderer fails on images of
     * about four times as many (a 12000 x 12000 snapshot), and one of this size already needs about
     * 0.5 GB of memory while it is drawn and encoded.
     */
    static final long MAX_PNG_PIXELS = (long) MAX_WIDTH * MAX_HEIGHT;
    /** An animation's frames are drawn and reduced to a palette one by one: full HD each at most. */
    static final long MAX_GIF_FRAME_PIXELS = 1920L * 1080;
    static final double DEFAULT_FPS = 25;

    @Mixin
    ParameterOptions parameters;

    @Mixin
    TrainingOptions trainingOptions;

    @Option(names = "--out", required = true, paramLabel = "FILE", converter = FigureFile.class,
            description = "The figure to write: FILE.png (pixels), FILE.svg (vector paths and text), or FILE.gif: an"
                    + " animation of the run coming in over the time window, played in real time at --fps.")
    Path out;

    @Option(names = "--fps", paramLabel = "N", description = "Frames per second of a .gif, from a fraction up to "
            + AnimatedGif.MAX_FPS + " (default: " + DEFAULT_FPS + "): frame k shows the run up to from + (k + 1) / N"
            + " seconds, drawn at that step exactly.")
    Double fps;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280",
            description = "Width of the figure in pixels on screen, " + MIN_WIDTH + " to " + MAX_WIDTH
                    + " (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "720",
            description = "Height of the figure in pixels on screen, " + MIN_HEIGHT + " to " + MAX_HEIGHT
                    + " (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "Image pixels per screen pixel, 1, 2 or 4 (default: ${DEFAULT-VALUE}): a PNG of W x H at 2 is"
                    + " 2W x 2H pixels, as many as " + MAX_WIDTH + " x " + MAX_HEIGHT + " in all; an SVG is shown"
                    + " that much larger.")
    int scale;

    @Option(names = "--from", paramLabel = "S", description = "Start of the time window drawn, in seconds (default: 0):"
            + " the figure starts at step round(S / dt).")
    Double from;

    @Option(names = "--to", paramLabel = "S", description = "End of the time window drawn, in seconds (default: T):"
            + " the figure ends before step round(S / dt), and the network is run only that far.")
    Double to;

    @Option(names = "--view", paramLabel = "NAME", converter = ViewName.class, description = "Draw one view alone: "
            + "traces, raster, rate, balance or statistics (default: all of them); or training: the network trained"
            + " with the training options (--Q ... --target, as in train) and its target, readout and error (PNG"
            + " only; without --T or --config, T is train's default, the paper's task's 15 s).")
    FigureView view;

    @Option(names = "--window", description = "Draw the whole window as it ends the run, parameter panel and"
            + " controls included (PNG only), rather than the plots alone.")
    boolean wholeWindow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        requireWithin("--width", width, MIN_WIDTH, MAX_WIDTH);
        requireWithin("--height", height, MIN_HEIGHT, MAX_HEIGHT);
        if (!SCALES.contains(scale)) {
            throw invalid("--scale", "--scale = " + scale + " is not allowed: --scale must be 1, 2 or 4");
        }
        long pixels = (long) width * scale * height * scale;
        boolean animates = FigureFormat.of(out) == FigureFormat.GIF;
        if (fps != null && !animates) {
            throw invalid("--fps", "--fps sets an animation's frame rate: it goes with --out FILE.gif only");
        }
        if (animates && (fps != null && !(fps > 0 && fps <= AnimatedGif.MAX_FPS))) {
            throw invalid("--fps", "--fps = " + Parameter.format(fps) + " is not allowed: a GIF shows more than 0 and"
                    + " at most " + AnimatedGif.MAX_FPS + " frames per second");
        }
        if (animates && pixels > MAX_GIF_FRAME_PIXELS) {
            throw invalid("--scale", String.format(Locale.ROOT, "--width %d x --height %d at --scale %d is a frame of"
                    + " %,d pixels, more than the %,d (1920 x 1080) a GIF frame may have: choose a smaller --scale,"
                    + " --width or --height", width, height, scale, pixels, MAX_GIF_FRAME_PIXELS));
        }
        if (animates && (wholeWindow || view == FigureView.TRAINING)) {
            throw invalid(wholeWindow ? "--window" : "--view", "an animation draws the plots of the spontaneous"
                    + " network, or one of them: leave out " + (wholeWindow ? "--window" : "--view training"));
        }
        if (FigureFormat.of(out) == FigureFormat.PNG && pixels > MAX_PNG_PIXELS) {
            throw invalid("--scale", String.format(Locale.ROOT, "--width %d x --height %d at --scale %d is a PNG of"
                    + " %d x %d = %,d pixels, more than the %,d (%d x %d) a PNG may have: choose a smaller --scale,"
                    + " --width or --height, or an SVG", width, height, scale, width * scale, height * scale, pixels,
                    MAX_PNG_PIXELS, MAX_WIDTH, MAX_HEIGHT));
        }
        if (wholeWindow && FigureFormat.of(out) != FigureFormat.PNG) {
            throw invalid("--window", "--window draws a PNG: ask for FILE.png, or leave --window out for an SVG"
                    + " of the plots");
        }
        if (wholeWindow && (from != null || to != null || view != null)) {
            throw invalid("--window", "--window draws the whole window over the whole run: leave out --from, --to"
                    + " and --view, or --window");
        }
        boolean trains = view == FigureView.TRAINING;
        String trainingOption = trainingOptions.firstGiven();
        if (!trains && trainingOption != null) {
            throw invalid(trainingOption, trainingOption + " sets the training: it goes with --view training only");
        }
        if (trains && FigureFormat.of(out) != FigureFormat.PNG) {
            throw invalid("--out", "--view training draws a PNG: ask for FILE.png");
        }
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--config", parameters.configFile());
        inputs.putAll(trainingOptions.inputs());
        OutputFiles.requireDistinct(spec.commandLine(), Map.of("--out", out), inputs);
        NetworkParameters params = parameters.values();
        if (trains && parameters.configFile() == null && !parameters.given(Parameter.T)) {
            params = params.with(Parameter.T, TrainCommand.PAPER_TASK_SECONDS);
        }
        TrainingParameters training = trains ? trainingOptions.values() : null;
        if (trains) {
            checkTraining(params, training);
        }
        double start = from == null ? 0 : from;
        double end = to == null ? params.T() : to;
        requireWindow(params, start, end);
        if (animates) {
            double rate = fps == null ? DEFAULT_FPS : fps;
            int frames = HeadlessFigure.animationFrames(start, end, rate);
            if (frames > AnimatedGif.MAX_FRAMES) {
                throw invalid("--fps", String.format(Locale.ROOT, "%s s at %s frames per second is %,d frames, more"
                        + " than the %,d an animation may have: choose a shorter window (--from, --to) or a lower --fps",
                        Parameter.format(end - start), Parameter.format(rate), frames, AnimatedGif.MAX_FRAMES));
            }
            ProgressBar progressBar = ProgressBar.onStderr(spec.commandLine().getErr(), 1);
            int written;
            try {
                written = HeadlessFigure.renderAnimation(params, start, end, rate, view, width, height, scale, out,
                        progressBar);
            } finally {
                progressBar.erase();
            }
            spec.commandLine().getOut().println("Wrote " + out + " (" + written + " frames of " + width * scale + " x "
                    + height * scale + " pixels at " + Parameter.format(rate) + " per second)");
            return 0;
        }
        if (wholeWindow) {
            HeadlessFigure.renderWindow(params, width, height, scale, out);
        } else {
            ProgressBar progressBar = ProgressBar.onStderr(spec.commandLine().getErr(), end);
            try {
                if (trains) {
                    HeadlessFigure.renderTraining(params, training, start, end, width, height, scale, out,
                            progressBar);
                } else {
                    HeadlessFigure.render(params, start, end, view, width, height, scale, out, progressBar);
                }
            } finally {
                progressBar.erase();
            }
        }
        spec.commandLine().getOut().println("Wrote " + out + (FigureFormat.of(out) == FigureFormat.PNG
                ? " (" + width * scale + " x " + height * scale + " pixels)" : ""));
        return 0;
    }

    /** As train does: P must fit the heap, and a CSV target must be readable, before anything is built. */
    private void checkTraining(NetworkParameters params, TrainingParameters training) {
        try {
            ForceFactory.requireFits(params, Runtime.getRuntime().maxMemory());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), Messages.reason(e));
        }
        try {
            new ForceFactory(training, 1);
        } catch (IOException e) {
            throw invalid("--target", Messages.reason(e));
        }
    }

    /**
     * The window from {@code start} to {@code end} seconds must lie within the run, 0 to T, start before
     * it ends, and hold at least one step.
     */
    private void requireWindow(NetworkParameters params, double start, double end) {
        String from = "--from = " + Parameter.format(start);
        String to = "--to = " + Parameter.format(end);
        String runTime = "T = " + Parameter.format(params.T()) + " s";
        if (!(start >= 0 && start < params.T())) {
            throw invalid("--from", from + " is not allowed: --from must be at least 0 and below " + runTime);
        }
        if (!(end > 0 && end <= params.T())) {
            throw invalid("--to", to + " is not allowed: --to must be above 0 and at most " + runTime);
        }
        if (!(start < end)) {
            throw invalid("--from", from + " is not allowed: --from must be before " + to);
        }
        if (Math.rint(start / params.dt()) >= Math.rint(end / params.dt())) {
            throw invalid("--to", to + " is not allowed: the window from " + from
                    + " must hold at least one step of dt = " + Parameter.format(params.dt()) + " s");
        }
    }

    private void requireWithin(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(option, option + " = " + value + " is not allowed: " + option
                    + " must be a whole number from " + min + " to " + max);
        }
    }

    private ParameterException invalid(String option, String message) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + message);
    }

    /** The name of a view: traces, raster, rate, balance, statistics or training. */
    static final class ViewName implements ITypeConverter<FigureView> {
        @Override
        public FigureView convert(String text) {
            try {
                return FigureView.named(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(Messages.reason(e));
            }
        }
    }

    /** A file name ending in .png or .svg, in a folder that can be written. */
    static final class FigureFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            Path file = new WritableFile().convert(text);
            try {
                FigureFormat.of(file);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(Messages.reason(e));
            }
            return file;
        }
    }
}
