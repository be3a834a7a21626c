package org.spikefx.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

import org.spikefx.analysis.MapFigure.Anchor;
import org.spikefx.analysis.MapFigure.Surface;

/**
 * The weight matrix of a network as one figure: a heat map of a block of the matrix with its colour bar,
 * and six panels beside it: the nonzero weights before and after the row means are removed, the row
 * sums, the in- and out-degrees, excitatory against inhibitory input per neuron, the eigenvalues (once
 * computed) with the circle law's radius, and the numbers. Drawn without JavaFX through
 * {@link MapFigure.Surface}, at any size, so that the window, the PNG and the SVG show the same figure.
 *
 * <p>The heat map's colours are a diverging map from Okabe-Ito's blue (negative) through white (zero)
 * to its vermillion (positive), symmetric about zero. A signed matrix needs its zero to stand out: most
 * entries of a sparse matrix are absent, and viridis would give them a mid-scale green that looks like a
 * weight, while here an absent synapse is white and a weight's sign is its hue. Both ends stay apart for
 * colour-blind viewers and in grey (the blue is dark, the vermillion lighter), and the colour bar says
 * which value each colour is. Lines use the Okabe-Ito colours: blue before centring, vermillion after.
 */
public final class WeightFigure {
    /** Size of an exported figure: 16:9, the panels large enough to read on a projector. */
    public static final int EXPORT_WIDTH = 1920;
    public static final int EXPORT_HEIGHT = 1080;
    /** Okabe-Ito blue: before centring, and negative weights. */
    public static final int BEFORE = 0x0072B2;
    /** Okabe-Ito vermillion: after centring, and positive weights. */
    public static final int AFTER = 0xD55E00;
    /** Okabe-Ito bluish green and orange: in- and out-degrees. */
    private static final int IN_DEGREE = 0x009E73;
    private static final int OUT_DEGREE = 0xE69F00;
    private static final int TEXT = 0x000000;
    private static final int GUIDE = 0x999999;
    private static final int BACKGROUND = 0xFFFFFF;
    private static final double TITLE_SIZE = 22;
    private static final double LABEL_SIZE = 18;
    private static final double TICK_SIZE = 16;
    private static final double HEADER = 52;
    /** At most this many neurons are drawn as points in a scatter: evenly spaced, enough to show the cloud. */
    public static final int MAX_POINTS = 4000;
    /** The colour scale reaches this quantile of the cells' |mean|; larger values take the end colours. */
    private static final double COLOUR_QUANTILE = 0.99;

    /** Eigenvalues of the weights and the circle law's radius, g / sqrt(p). */
    public record Spectrum(double[] re, double[] im, double radius) {
    }

    /**
     * What the figure shows.
     *
     * @param spectrumNote what the eigenvalue panel says while it has no eigenvalues (how to get them)
     */
    public record Content(String caption, WeightStatistics statistics, WeightBlock block, Spectrum spectrum,
                          String spectrumNote) {
    }

    /** A rectangle of the figure. */
    public record Box(double x, double y, double width, double height) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    /** Where the heat map, its colour bar and the panels lie in a figure of this size; a panel not drawn is null. */
    public record Layout(double width, double height, Box heat, Box colourBar, Box[] panels) {
    }

    /** The panels beside the heat map, in their order in the figure. */
    public enum Panel {
        WEIGHTS("Nonzero weights"), ROW_SUMS("Row sums"), DEGREES("In- and out-degree"),
        INPUTS("Excitation against inhibition"), SPECTRUM("Eigenvalues"), NUMBERS("In numbers");

        private final String title;

        Panel(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private WeightFigure() {
    }

    /**
     * The layout of a figure {@code width} × {@code height}: the heat map square on the left, and right of
     * it either all six panels in two rows of three ({@code alone} null) or one panel alone, large: a
     * window too small for six legible panels shows one at a time.
     */
    public static Layout layout(double width, double height, Panel alone) {
        double titleRoom = 40;
        double side = Math.max(50, Math.min(height - HEADER - titleRoom - 72, width * 0.36));
        Box heat = new Box(96, HEADER + titleRoom, side, side);
        Box bar = new Box(heat.x() + side + 16, heat.y(), 22, side);
        double right = bar.x() + bar.width() + 100;
        double panelWidth = Math.max(50, (width - right - 8) / 3);
        double panelHeight = (height - HEADER) / 2;
        Box[] panels = new Box[Panel.values().length];
        if (alone != null) {
            panels[alone.ordinal()] = new Box(right, HEADER, Math.max(50, width - right - 8), height - HEADER);
            return new Layout(width, height, heat, bar, panels);
        }
        for (int k = 0; k < panels.length; k++) {
            panels[k] = new Box(right + (k % 3) * panelWidth, HEADER + (k / 3) * panelHeight, panelWidth, panelHeight);
        }
        return new Layout(width, height, heat, bar, panels);
    }

    /** The heat map's cell under a point, as {cell row, cell column}, if any. */
    public static Optional<int[]> cellAt(Layout layout, WeightBlock block, double x, double y) {
        if (block == null || !layout.heat().contains(x, y)) {
            return Optional.empty();
        }
        Box heat = layout.heat();
        int c = (int) ((x - heat.x()) / heat.width() * block.cellColumns());
        int r = (int) ((y - heat.y()) / heat.height() * block.cellRows());
        return Optional.of(new int[] {Math.min(r, block.cellRows() - 1), Math.min(c, block.cellColumns() - 1)});
    }

    /** The matrix position (fractional row and column) under a point of the heat map, for a zoom about it. */
    public static double[] entryAt(Layout layout, WeightBlock block, double x, double y) {
        Box heat = layout.heat();
        WeightBlock.Range range = block.range();
        double u = Math.max(0, Math.min(1, (x - heat.x()) / heat.width()));
        double v = Math.max(0, Math.min(1, (y - heat.y()) / heat.height()));
        return new double[] {range.rowFrom() + v * range.rows(), range.colFrom() + u * range.columns()};
    }

    /** Writes the figure as a PNG of {@link #EXPORT_WIDTH} × {@link #EXPORT_HEIGHT}. */
    public static void writePng(Content content, OutputStream out) throws IOException {
        MapFigure.writePng(EXPORT_WIDTH, EXPORT_HEIGHT, surface -> draw(content, surface, layout(EXPORT_WIDTH,
                EXPORT_HEIGHT, null)), out);
    }

    /** Writes the figure as an SVG document of the same size. */
    public static void writeSvg(Content content, OutputStream out) throws IOException {
        MapFigure.writeSvg(EXPORT_WIDTH, EXPORT_HEIGHT, surface -> draw(content, surface, layout(EXPORT_WIDTH,
                EXPORT_HEIGHT, null)), out);
    }

    /** The diverging colour of a value on a scale from -reach (blue) through 0 (white) to +reach (vermillion). */
    public static int diverging(double value, double reach) {
        double t = reach > 0 ? Math.max(-1, Math.min(1, value / reach)) : 0;
        int end = t < 0 ? BEFORE : AFTER;
        double a = Math.abs(t);
        int r = (int) Math.round(255 + ((end >> 16 & 0xFF) - 255) * a);
        int g = (int) Math.round(255 + ((end >> 8 & 0xFF) - 255) * a);
        int b = (int) Math.round(255 + ((end & 0xFF) - 255) * a);
        return r << 16 | g << 8 | b;
    }

    /** The reach of the heat map's colour scale: the {@link #COLOUR_QUANTILE} quantile of the nonzero cells' |mean|. */
    public static double colourReach(WeightBlock block) {
        double[] magnitudes = new double[block.cellRows() * block.cellColumns()];
        int count = 0;
        for (int r = 0; r < block.cellRows(); r++) {
            for (int c = 0; c < block.cellColumns(); c++) {
                double m = Math.abs(block.mean(r, c));
                if (m > 0) {
                    magnitudes[count++] = m;
                }
            }
        }
        if (count == 0) {
            return 1;
        }
        Arrays.sort(magnitudes, 0, count);
        return magnitudes[Math.min(count - 1, (int) Math.floor(COLOUR_QUANTILE * (count - 1)))];
    }

    /** Draws the figure in this layout. */
    public static void draw(Content content, Surface surface, Layout layout) {
        double width = layout.width();
        double height = layout.height();
        surface.fill(0, 0, width, height, BACKGROUND);
        surface.text(content.caption(), width / 2, HEADER * 0.68, TITLE_SIZE, Anchor.MIDDLE, true, 0);
        if (content.block() != null) {
            drawHeatMap(content.block(), surface, layout);
        }
        WeightStatistics stats = content.statistics();
        Box[] panels = layout.panels();
        if (stats != null) {
            if (panels[Panel.WEIGHTS.ordinal()] != null) {
                drawWeights(stats, surface, panels[Panel.WEIGHTS.ordinal()]);
            }
            if (panels[Panel.ROW_SUMS.ordinal()] != null) {
                drawRowSums(stats, surface, panels[Panel.ROW_SUMS.ordinal()]);
            }
            if (panels[Panel.DEGREES.ordinal()] != null) {
                drawDegrees(stats, surface, panels[Panel.DEGREES.ordinal()]);
            }
            if (panels[Panel.INPUTS.ordinal()] != null) {
                drawInputs(stats, surface, panels[Panel.INPUTS.ordinal()]);
            }
            if (panels[Panel.NUMBERS.ordinal()] != null) {
                drawNumbers(stats, surface, panels[Panel.NUMBERS.ordinal()]);
            }
        }
        if (panels[Panel.SPECTRUM.ordinal()] != null) {
            drawSpectrum(content, surface, panels[Panel.SPECTRUM.ordinal()]);
        }
    }

    private static void drawHeatMap(WeightBlock block, Surface surface, Layout layout) {
        Box heat = layout.heat();
        WeightBlock.Range range = block.range();
        String title = block.singleEntries() ? "w[i][j], one entry a cell"
                : "w[i][j], mean of " + block.rowsPerCell() + " × " + block.columnsPerCell() + " a cell";
        surface.text(title, heat.x() + heat.width() / 2, heat.y() - 14, fitted(title, heat.width() + 80, TITLE_SIZE),
                Anchor.MIDDLE, true, 0);
        double reach = colourReach(block);
        double cellWidth = heat.width() / block.cellColumns();
        double cellHeight = heat.height() / block.cellRows();
        for (int r = 0; r < block.cellRows(); r++) {
            for (int c = 0; c < block.cellColumns(); c++) {
                double mean = block.mean(r, c);
                if (mean != 0) {
                    surface.fill(heat.x() + c * cellWidth, heat.y() + r * cellHeight, cellWidth + 0.5, cellHeight + 0.5,
                            diverging(mean, reach));
                }
            }
        }
        surface.line(heat.x(), heat.y(), heat.x() + heat.width(), heat.y(), TEXT, 1);
        surface.line(heat.x(), heat.y() + heat.height(), heat.x() + heat.width(), heat.y() + heat.height(), TEXT, 1);
        surface.line(heat.x(), heat.y(), heat.x(), heat.y() + heat.height(), TEXT, 1);
        surface.line(heat.x() + heat.width(), heat.y(), heat.x() + heat.width(), heat.y() + heat.height(), TEXT, 1);
        // Neuron numbers along both axes: columns across the bottom, rows down the left side.
        double columnStep = wholeStep(range.columns(), heat.width());
        for (double j = Math.ceil(range.colFrom() / columnStep) * columnStep; j <= range.colTo(); j += columnStep) {
            double at = heat.x() + (j - range.colFrom() + 0.5) / range.columns() * heat.width();
            surface.line(at, heat.y() + heat.height(), at, heat.y() + heat.height() + 6, TEXT, 1.5);
            surface.text(Long.toString((long) j), at, heat.y() + heat.height() + 26, TICK_SIZE, Anchor.MIDDLE, false, 0);
        }
        double rowStep = wholeStep(range.rows(), heat.height());
        for (double i = Math.ceil(range.rowFrom() / rowStep) * rowStep; i <= range.rowTo(); i += rowStep) {
            double at = heat.y() + (i - range.rowFrom() + 0.5) / range.rows() * heat.height();
            surface.line(heat.x() - 6, at, heat.x(), at, TEXT, 1.5);
            surface.text(Long.toString((long) i), heat.x() - 9, at + TICK_SIZE * 0.35, TICK_SIZE, Anchor.END, false, 0);
        }
        String columns = heat.width() >= 260 ? "presynaptic neuron j (column)" : "presynaptic j";
        String rows = heat.height() >= 260 ? "postsynaptic neuron i (row)" : "postsynaptic i";
        surface.text(columns, heat.x() + heat.width() / 2, heat.y() + heat.height() + 56, LABEL_SIZE, Anchor.MIDDLE,
                false, 0);
        surface.text(rows, heat.x() - 70, heat.y() + heat.height() / 2, LABEL_SIZE, Anchor.MIDDLE, false, -90);

        Box bar = layout.colourBar();
        int slices = 128;
        for (int s = 0; s < slices; s++) {
            double value = reach * (1 - 2 * (s + 0.5) / slices);
            surface.fill(bar.x(), bar.y() + s * bar.height() / slices, bar.width(), bar.height() / slices + 0.5,
                    diverging(value, reach));
        }
        for (int t = 0; t <= 4; t++) {
            double value = reach * (1 - t / 2.0);
            double at = bar.y() + bar.height() * t / 4;
            surface.line(bar.x() + bar.width(), at, bar.x() + bar.width() + 6, at, TEXT, 1.5);
            String label = (t == 0 ? "≥ " : t == 4 ? "≤ " : "") + MapFigure.formatValue(value);
            surface.text(label, bar.x() + bar.width() + 9, at + TICK_SIZE * 0.35, TICK_SIZE, Anchor.START, false, 0);
        }
    }

    /** A step of whole neurons that leaves room for each tick's number (about 80 units), at most five intervals. */
    private static double wholeStep(int length, double room) {
        return Math.max(1, TickSpacing.step(length, (int) Math.max(1, Math.min(5, room / 80))));
    }

    /** The font size, at most {@code size}, at which a text fits into {@code width}, by an average bold character width. */
    private static double fitted(String text, double width, double size) {
        return Math.max(TICK_SIZE * 0.8, Math.min(size, width / (0.6 * Math.max(1, text.length()))));
    }

    private static void drawWeights(WeightStatistics stats, Surface surface, Box box) {
        WeightStatistics.Histogram before = stats.weightsBefore();
        WeightStatistics.Histogram after = stats.weightsAfter();
        Plot plot = new Plot(box, Panel.WEIGHTS.title(), before.from(), before.to(), 0,
                Math.max(1, Math.max(before.max(), after.max())) * 1.08, "weight", "synapses");
        plot.axes(surface);
        plot.steps(surface, before, BEFORE, 2.5);
        plot.steps(surface, after, AFTER, 1.5);
        plot.legend(surface, 0, BEFORE, "before centring");
        plot.legend(surface, 1, AFTER, "after");
    }

    private static void drawRowSums(WeightStatistics stats, Surface surface, Box box) {
        int n = stats.neuronCount();
        double reach = Math.max(stats.largestRowSum(false), 1e-12) * 1.1;
        Plot plot = new Plot(box, Panel.ROW_SUMS.title() + " Σⱼ w[i][j]", 0, n, -reach, reach, "neuron i", "row sum");
        plot.axes(surface);
        plot.columns(surface, n, stats::rowSumBefore, BEFORE);
        plot.columns(surface, n, stats::rowSumAfter, AFTER);
        plot.legend(surface, 0, BEFORE, "before centring");
        plot.legend(surface, 1, AFTER, "after: 0");
    }

    private static void drawDegrees(WeightStatistics stats, Surface surface, Box box) {
        WeightStatistics.Histogram in = stats.inDegreeDistribution();
        WeightStatistics.Histogram out = stats.outDegreeDistribution();
        double from = Math.min(in.from(), out.from());
        double to = Math.max(in.to(), out.to());
        Plot plot = new Plot(box, Panel.DEGREES.title(), from - 0.5, to + 0.5, 0,
                Math.max(1, Math.max(in.max(), out.max())) * 1.08, "synapses per neuron", "neurons");
        plot.axes(surface);
        plot.steps(surface, in, IN_DEGREE, 2.5);
        plot.steps(surface, out, OUT_DEGREE, 1.5);
        plot.legend(surface, 0, IN_DEGREE, "in (row)");
        plot.legend(surface, 1, OUT_DEGREE, "out (column)");
    }

    private static void drawInputs(WeightStatistics stats, Surface surface, Box box) {
        int n = stats.neuronCount();
        // One range for both axes, so that the diagonal (excitation = inhibition) is at 45 degrees.
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int i = 0; i < n; i++) {
            for (double v : new double[] {stats.excitatoryBefore(i), -stats.inhibitoryBefore(i), stats.excitatory(i),
                -stats.inhibitory(i)}) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        double margin = Math.max(high - low, 1e-12) * 0.08;
        low = Math.max(0, low - margin);
        high += margin;
        Plot plot = new Plot(box, Panel.INPUTS.title(), low, high, low, high,
                "Σ positive w (excitatory)", "−Σ negative w (inhibitory)");
        plot.square();
        plot.axes(surface);
        surface.line(plot.x(low), plot.y(low), plot.x(high), plot.y(high), GUIDE, 1.5);
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < n; i += stride) {
            plot.point(surface, stats.excitatoryBefore(i), -stats.inhibitoryBefore(i), BEFORE, 3);
        }
        for (int i = 0; i < n; i += stride) {
            plot.point(surface, stats.excitatory(i), -stats.inhibitory(i), AFTER, 3);
        }
        plot.legend(surface, 0, BEFORE, "before centring");
        plot.legend(surface, 1, AFTER, "after: on the diagonal");
    }

    private static void drawSpectrum(Content content, Surface surface, Box box) {
        Spectrum spectrum = content.spectrum();
        if (spectrum == null) {
            surface.text(Panel.SPECTRUM.title(), box.x() + box.width() / 2, box.y() + 28, TITLE_SIZE, Anchor.MIDDLE, true, 0);
            wrap(surface, content.spectrumNote() == null ? "" : content.spectrumNote(), box.x() + 16, box.y() + 70,
                    box.width() - 32);
            return;
        }
        double reach = spectrum.radius() * 1.3;
        for (int k = 0; k < spectrum.re().length; k++) {
            reach = Math.max(reach, 1.05 * Math.hypot(spectrum.re()[k], spectrum.im()[k]));
        }
        Plot plot = new Plot(box, Panel.SPECTRUM.title() + " (" + spectrum.re().length + ")", -reach, reach, -reach, reach, "Re λ",
                "Im λ");
        plot.square();
        plot.axes(surface);
        double cx = plot.x(0);
        double cy = plot.y(0);
        double radius = plot.x(spectrum.radius()) - cx;
        surface.ring(cx, cy, radius, GUIDE, 2);
        for (int k = 0; k < spectrum.re().length; k++) {
            plot.point(surface, spectrum.re()[k], spectrum.im()[k], BEFORE, 3);
        }
        plot.legend(surface, 0, GUIDE, String.format(Locale.ROOT, "circle law: g/√p = %.3g", spectrum.radius()));
    }

    private static void drawNumbers(WeightStatistics stats, Surface surface, Box box) {
        surface.text(Panel.NUMBERS.title(), box.x() + box.width() / 2, box.y() + 28, TITLE_SIZE, Anchor.MIDDLE, true, 0);
        int[] in = stats.inDegrees();
        double meanIn = 0;
        for (int d : in) {
            meanIn += d;
        }
        meanIn /= Math.max(1, in.length);
        String[] lines = {
            String.format(Locale.ROOT, "%,d neurons, %,d synapses", stats.neuronCount(), stats.synapseCount()),
            String.format(Locale.ROOT, "mean in-degree %.1f", meanIn),
            "largest |row sum|",
            "   before centring " + MapFigure.formatValue(stats.largestRowSum(false)),
            "   after " + MapFigure.formatValue(stats.largestRowSum(true)),
            "mean input per neuron, after",
            "   excitatory " + MapFigure.formatValue(stats.meanInput(true, true)),
            "   inhibitory " + MapFigure.formatValue(stats.meanInput(false, true)),
            "mean input per neuron, before",
            "   excitatory " + MapFigure.formatValue(stats.meanInput(true, false)),
            "   inhibitory " + MapFigure.formatValue(stats.meanInput(false, false)),
        };
        double y = box.y() + 66;
        for (String line : lines) {
            surface.text(line, box.x() + 16, y, LABEL_SIZE, Anchor.START, false, 0);
            y += LABEL_SIZE * 1.45;
        }
    }

    /** Words laid out in lines no wider than about {@code width}, by an average character width. */
    private static void wrap(Surface surface, String text, double x, double y, double width) {
        int perLine = Math.max(10, (int) (width / (LABEL_SIZE * 0.52)));
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                surface.text(line.toString(), x, y, LABEL_SIZE, Anchor.START, false, 0);
                y += LABEL_SIZE * 1.4;
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        surface.text(line.toString(), x, y, LABEL_SIZE, Anchor.START, false, 0);
    }

    /** One panel's axes: a data rectangle mapped into the panel's plot area. */
    private static final class Plot {
        private static final double LEFT = 78;
        private static final double RIGHT = 16;
        private static final double TOP = 44;
        private static final double BOTTOM = 62;
        private final Box box;
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final double x0;
        private final double x1;
        private final double y0;
        private final double y1;
        private double left;
        private double top;
        private double width;
        private double height;

        Plot(Box box, String title, double x0, double x1, double y0, double y1, String xLabel, String yLabel) {
            this.box = box;
            this.title = title;
            this.x0 = x0;
            this.x1 = x1 > x0 ? x1 : x0 + 1;
            this.y0 = y0;
            this.y1 = y1 > y0 ? y1 : y0 + 1;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            left = box.x() + LEFT;
            top = box.y() + TOP;
            width = Math.max(10, box.width() - LEFT - RIGHT);
            height = Math.max(10, box.height() - TOP - BOTTOM);
        }

        /** Equal scales on both axes (a complex plane), centred in the panel. */
        void square() {
            double side = Math.min(width, height);
            left += (width - side) / 2;
            top += (height - side) / 2;
            width = side;
            height = side;
        }

        double x(double value) {
            return left + (value - x0) / (x1 - x0) * width;
        }

        double y(double value) {
            return top + height - (value - y0) / (y1 - y0) * height;
        }

        void axes(Surface surface) {
            surface.text(title, box.x() + box.width() / 2, box.y() + 28, TITLE_SIZE, Anchor.MIDDLE, true, 0);
            surface.line(left, top + height, left + width, top + height, TEXT, 1.2);
            surface.line(left, top, left, top + height, TEXT, 1.2);
            double xStep = TickSpacing.step(x1 - x0, Math.max(4, (int) (width / 60)));
            for (double v = Math.ceil(x0 / xStep) * xStep; v <= x1 + 1e-9 * xStep; v += xStep) {
                double at = x(v);
                surface.line(at, top + height, at, top + height + 5, TEXT, 1.2);
                surface.text(MapFigure.formatValue(Math.abs(v) < xStep * 1e-9 ? 0 : v), at, top + height + 22,
                        TICK_SIZE, Anchor.MIDDLE, false, 0);
            }
            double yStep = TickSpacing.step(y1 - y0, Math.max(3, (int) (height / 45)));
            for (double v = Math.ceil(y0 / yStep) * yStep; v <= y1 + 1e-9 * yStep; v += yStep) {
                double at = y(v);
                surface.line(left - 5, at, left, at, TEXT, 1.2);
                surface.text(MapFigure.formatValue(Math.abs(v) < yStep * 1e-9 ? 0 : v), left - 8,
                        at + TICK_SIZE * 0.35, TICK_SIZE, Anchor.END, false, 0);
            }
            surface.text(xLabel, left + width / 2, top + height + 48, LABEL_SIZE, Anchor.MIDDLE, false, 0);
            surface.text(yLabel, Math.max(box.x() + 16, left - 62), top + height / 2, LABEL_SIZE, Anchor.MIDDLE, false,
                    -90);
        }

        /** A histogram as the outline of its bars. */
        void steps(Surface surface, WeightStatistics.Histogram histogram, int rgb, double lineWidth) {
            long[] counts = histogram.counts();
            double previous = y(0);
            for (int b = 0; b < counts.length; b++) {
                double from = x(histogram.from() + b * histogram.binWidth());
                double to = x(histogram.from() + (b + 1) * histogram.binWidth());
                double level = y(counts[b]);
                surface.line(from, previous, from, level, rgb, lineWidth);
                surface.line(from, level, to, level, rgb, lineWidth);
                previous = level;
            }
            double end = x(histogram.to());
            surface.line(end, previous, end, y(0), rgb, lineWidth);
        }

        /** One value per neuron, as the span from the smallest to the largest value in each pixel column. */
        void columns(Surface surface, int n, IntToDoubleFunction value, int rgb) {
            int columns = Math.max(1, (int) width);
            for (int column = 0; column < columns; column++) {
                int first = (int) ((long) n * column / columns);
                int end = (int) ((long) n * (column + 1) / columns);
                if (end <= first) {
                    continue;
                }
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                for (int i = first; i < end; i++) {
                    double v = value.applyAsDouble(i);
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
                double at = x((first + end) / 2.0);
                double yHigh = y(high);
                double yLow = y(low);
                surface.fill(at - 1.5, yHigh - 1.5, 3, Math.max(3, yLow - yHigh + 3), rgb);
            }
        }

        void point(Surface surface, double vx, double vy, int rgb, double size) {
            surface.fill(x(vx) - size / 2, y(vy) - size / 2, size, size, rgb);
        }

        /** A swatch and its text, in the panel's top left corner, one line per index. */
        void legend(Surface surface, int index, int rgb, String text) {
            double y = top + 8 + index * (TICK_SIZE * 1.35);
            surface.fill(left + 10, y + 2, 18, 5, rgb);
            surface.text(text, left + 34, y + TICK_SIZE * 0.6, TICK_SIZE, Anchor.START, false, 0);
        }
    }
}
