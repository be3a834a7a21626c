package org.spikefx.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.spikefx.params.Parameter;
import org.spikefx.params.Preset;

/**
 * A map as a figure: one heat map per {@link MapStatistic}, two by two, each in {@link Viridis} with
 * its colour bar; cells without a value are grey. Drawn without JavaFX (PNG through java.awt, SVG
 * written by hand), so that {@code sweep} draws it on any machine, with or without a display. Both
 * formats are drawn by the same layout code through {@link Surface}, so they show the same figure.
 */
public final class MapFigure {
    /** Size of the whole figure, in pixels (PNG) or user units (SVG): legible when shown on a projector. */
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1260;
    private static final int HEADER = 60;
    private static final int PANEL_WIDTH = WIDTH / 2;
    private static final int PANEL_HEIGHT = (HEIGHT - HEADER) / 2;
    private static final double TITLE_SIZE = 26;
    private static final double LABEL_SIZE = 20;
    private static final double TICK_SIZE = 17;
    /** At most about this many tick labels per axis, so that they do not overlap. */
    private static final int MAX_TICKS = 6;
    private static final double PRESET_RADIUS = 8;
    private static final int TEXT = 0x000000;
    private static final int BACKGROUND = 0xFFFFFF;
    /** A cell whose runs are not done yet: lighter than the grey of a statistic a run does not have. */
    private static final int NOT_RUN = 0xEEEEEE;

    private MapFigure() {
    }

    /** Where a text's anchor lies: at its start, middle or end. */
    public enum Anchor { START, MIDDLE, END }

    /** What the figure is drawn on: a PNG's graphics, an SVG document, a window's canvas. Colours are 0xRRGGBB. */
    public interface Surface {
        void fill(double x, double y, double w, double h, int rgb);

        void line(double x1, double y1, double x2, double y2, int rgb, double width);

        /** A circle's outline. */
        void ring(double x, double y, double radius, int rgb, double width);

        /** Text whose baseline passes through (x, y), turned by {@code degrees} about that point. */
        void text(String text, double x, double y, double size, Anchor anchor, boolean bold, double degrees);
    }

    /** Writes the figure as a PNG. */
    public static void writePng(SweepMap map, OutputStream out) throws IOException {
        writePng(WIDTH, HEIGHT, surface -> draw(map, surface), out);
    }

    /** Writes the figure as an SVG document: cells are rectangles, text is text. */
    public static void writeSvg(SweepMap map, OutputStream out) throws IOException {
        writeSvg(WIDTH, HEIGHT, surface -> draw(map, surface), out);
    }

    /** Writes what {@code drawing} draws on a {@code width} × {@code height} surface as a PNG; for every figure of analysis. */
    static void writePng(int width, int height, Consumer<Surface> drawing, OutputStream out)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            drawing.accept(new AwtSurface(graphics));
        } finally {
            graphics.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this Java has no PNG writer");
        }
    }

    /** Writes what {@code drawing} draws as an SVG document of this size. */
    static void writeSvg(int width, int height, Consumer<Surface> drawing, OutputStream out)
            throws IOException {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\">\n");
        drawing.accept(new SvgSurface(svg));
        svg.append("</svg>\n");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(svg.toString());
        writer.flush();
    }

    /** A cell of one heat map: the statistic shown and the cell's indices on the x and y axes. */
    public record Cell(MapStatistic statistic, int i, int j) {
    }

    /** Where one statistic's heat map lies in the figure: its plot area, in figure coordinates. */
    private record Panel(double left, double top, double plotLeft, double plotTop, double plotWidth, double plotHeight) {
        static Panel of(MapStatistic statistic) {
            double left = (statistic.ordinal() % 2) * PANEL_WIDTH;
            double top = HEADER + (statistic.ordinal() / 2) * PANEL_HEIGHT;
            return new Panel(left, top, left + 110, top + 50, PANEL_WIDTH - 110 - 150, PANEL_HEIGHT - 50 - 90);
        }
    }

    /** The cell under a point of the figure (in its coordinates, 0 to WIDTH and HEIGHT), if any. */
    public static Optional<Cell> cellAt(SweepSpec spec, double x, double y) {
        for (MapStatistic statistic : MapStatistic.values()) {
            Panel panel = Panel.of(statistic);
            double u = (x - panel.plotLeft) / panel.plotWidth;
            double v = (panel.plotTop + panel.plotHeight - y) / panel.plotHeight;
            if (u >= 0 && u < 1 && v >= 0 && v < 1) {
                return Optional.of(new Cell(statistic, (int) (u * spec.x().count()), (int) (v * spec.y().count())));
            }
        }
        return Optional.empty();
    }

    /**
     * The presets that lie on the map: those that differ from its base parameters only in the two swept
     * ones, with values inside the axes' ranges. They are ringed on every heat map.
     */
    public static List<Preset> presetsOn(SweepSpec spec) {
        List<Preset> on = new ArrayList<>();
        for (Preset preset : Preset.values()) {
            Map<Parameter, Double> values = preset.parameters().toMap();
            Map<Parameter, Double> base = spec.base().toMap();
            double x = values.remove(spec.x().parameter());
            double y = values.remove(spec.y().parameter());
            base.remove(spec.x().parameter());
            base.remove(spec.y().parameter());
            if (values.equals(base) && within(x, spec.x()) && within(y, spec.y())) {
                on.add(preset);
            }
        }
        return on;
    }

    private static boolean within(double value, Axis axis) {
        return value >= axis.value(0) && value <= axis.value(axis.count() - 1);
    }

    /** The centre of a cell, in figure coordinates {x, y}. */
    public static double[] centreOf(SweepSpec spec, Cell cell) {
        Panel panel = Panel.of(cell.statistic());
        return new double[] {panel.plotLeft + (cell.i() + 0.5) * panel.plotWidth / spec.x().count(),
            panel.plotTop + panel.plotHeight - (cell.j() + 0.5) * panel.plotHeight / spec.y().count()};
    }

    /**
     * Where a pair of parameter values lies in a heat map, in figure coordinates {x, y}: the centre of
     * the cell of those values, or between cells for values between the axes' values.
     */
    public static double[] pointOf(SweepSpec spec, MapStatistic statistic, double xValue, double yValue) {
        Panel panel = Panel.of(statistic);
        double u = position(spec.x(), xValue);
        double v = position(spec.y(), yValue);
        return new double[] {panel.plotLeft + (u + 0.5) * panel.plotWidth / spec.x().count(),
            panel.plotTop + panel.plotHeight - (v + 0.5) * panel.plotHeight / spec.y().count()};
    }

    /** The value's position on the axis in cells: 0 at the first value's centre, count - 1 at the last. */
    private static double position(Axis axis, double value) {
        return axis.count() == 1 ? 0 : (value - axis.value(0)) / (axis.value(axis.count() - 1) - axis.value(0))
                * (axis.count() - 1);
    }

    /** Draws the whole figure, at its size {@link #WIDTH} × {@link #HEIGHT}. */
    public static void draw(SweepMap map, Surface surface) {
        surface.fill(0, 0, WIDTH, HEIGHT, BACKGROUND);
        surface.text(caption(map), WIDTH / 2.0, HEADER * 0.65, TITLE_SIZE, Anchor.MIDDLE, true, 0);
        for (MapStatistic statistic : MapStatistic.values()) {
            drawPanel(map, statistic, surface, Panel.of(statistic));
            for (Preset preset : presetsOn(map.spec())) {
                double[] at = pointOf(map.spec(), statistic, preset.parameters().get(map.spec().x().parameter()),
                        preset.parameters().get(map.spec().y().parameter()));
                surface.ring(at[0], at[1], PRESET_RADIUS, BACKGROUND, 3);
                surface.ring(at[0], at[1], PRESET_RADIUS + 2, TEXT, 1.2);
            }
        }
    }

    /** E.g. "g × offset: 21 × 21 cells, 1 seed, n = 1000, T = 1 s". */
    static String caption(SweepMap map) {
        SweepSpec spec = map.spec();
        StringBuilder caption = new StringBuilder()
                .append(spec.x().parameter().key()).append(" \u00d7 ").append(spec.y().parameter().key()).append(": ")
                .append(spec.x().count()).append(" \u00d7 ").append(spec.y().count()).append(" cells, ")
                .append(spec.seeds()).append(spec.seeds() == 1 ? " seed" : " seeds (mean)");
        for (Parameter shown : new Parameter[] {Parameter.N, Parameter.T}) {
            if (shown != spec.x().parameter() && shown != spec.y().parameter()) {
                caption.append(", ").append(shown.key()).append(" = ").append(Parameter.format(spec.base().get(shown)))
                        .append(shown.unit().equals("s") ? " s" : "");
            }
        }
        if (!map.isComplete()) {
            caption.append(" (").append(map.runsDone()).append(" of ").append(spec.runCount()).append(" runs)");
        }
        if (!presetsOn(spec).isEmpty()) {
            caption.append("; rings: presets");
        }
        return caption.toString();
    }

    private static void drawPanel(SweepMap map, MapStatistic statistic, Surface surface, Panel panel) {
        SweepSpec spec = map.spec();
        Axis x = spec.x();
        Axis y = spec.y();
        double left = panel.left;
        double top = panel.top;
        double plotLeft = panel.plotLeft;
        double plotTop = panel.plotTop;
        double plotWidth = panel.plotWidth;
        double plotHeight = panel.plotHeight;
        String title = statistic.logarithmic() ? statistic.label() + ", log scale" : statistic.label();
        surface.text(title, plotLeft + plotWidth / 2, top + 36, TITLE_SIZE, Anchor.MIDDLE, true, 0);

        double[] means = map.means(statistic);
        double[] range = statistic.colourRange(means);
        double cellWidth = plotWidth / x.count();
        double cellHeight = plotHeight / y.count();
        boolean missing = false;
        for (int i = 0; i < x.count(); i++) {
            for (int j = 0; j < y.count(); j++) {
                double value = means[i * y.count() + j];
                boolean done = map.hasCell(i, j);
                missing |= done && Double.isNaN(value);
                // Cells overlap by a hair so that no background shows between them when antialiased.
                surface.fill(plotLeft + i * cellWidth, plotTop + plotHeight - (j + 1) * cellHeight, cellWidth + 0.5,
                        cellHeight + 0.5, done ? Viridis.rgb(statistic.fraction(value, range)) : NOT_RUN);
            }
        }
        surface.line(plotLeft, plotTop + plotHeight, plotLeft + plotWidth, plotTop + plotHeight, TEXT, 1.5);
        surface.line(plotLeft, plotTop, plotLeft, plotTop + plotHeight, TEXT, 1.5);
        int xStep = tickStep(x.count());
        for (int i = 0; i < x.count(); i += xStep) {
            double at = plotLeft + (i + 0.5) * cellWidth;
            surface.line(at, plotTop + plotHeight, at, plotTop + plotHeight + 6, TEXT, 1.5);
            surface.text(Parameter.format(x.value(i)), at, plotTop + plotHeight + 28, TICK_SIZE, Anchor.MIDDLE, false, 0);
        }
        int yStep = tickStep(y.count());
        for (int j = 0; j < y.count(); j += yStep) {
            double at = plotTop + plotHeight - (j + 0.5) * cellHeight;
            surface.line(plotLeft - 6, at, plotLeft, at, TEXT, 1.5);
            surface.text(Parameter.format(y.value(j)), plotLeft - 10, at + TICK_SIZE * 0.35, TICK_SIZE, Anchor.END, false, 0);
        }
        surface.text(axisLabel(x.parameter()), plotLeft + plotWidth / 2, plotTop + plotHeight + 62, LABEL_SIZE,
                Anchor.MIDDLE, false, 0);
        surface.text(axisLabel(y.parameter()), left + 24, plotTop + plotHeight / 2, LABEL_SIZE, Anchor.MIDDLE, false, -90);

        drawColourBar(surface, statistic, range, plotLeft + plotWidth + 24, plotTop, plotHeight, missing);
    }

    private static void drawColourBar(Surface surface, MapStatistic statistic, double[] range, double left, double top,
                                      double height, boolean missing) {
        double width = 24;
        int slices = 128;
        for (int s = 0; s < slices; s++) {
            double fraction = (s + 0.5) / slices;
            surface.fill(left, top + height - (s + 1) * height / slices, width, height / slices + 0.5, Viridis.rgb(fraction));
        }
        for (int t = 0; t <= 4; t++) {
            double value = statistic.valueAt(t / 4.0, range);
            double at = top + height - height * t / 4;
            surface.line(left + width, at, left + width + 6, at, TEXT, 1.5);
            surface.text(formatValue(value), left + width + 10, at + TICK_SIZE * 0.35, TICK_SIZE, Anchor.START, false, 0);
        }
        if (missing) {
            surface.fill(left, top + height + 30, width, 18, Viridis.MISSING);
            surface.text("none", left + width + 10, top + height + 45, TICK_SIZE, Anchor.START, false, 0);
        }
    }

    /** Every value's tick when there are few, else every n-th, for at most about {@link #MAX_TICKS} ticks. */
    private static int tickStep(int count) {
        return Math.max(1, (int) Math.ceil((count - 1) / (double) (MAX_TICKS - 1)));
    }

    private static String axisLabel(Parameter parameter) {
        return parameter.unit().isEmpty() ? parameter.key() : parameter.key() + " (" + parameter.unit() + ")";
    }

    /** Three significant digits, without exponent unless the number is very large or very small. */
    public static String formatValue(double value) {
        double magnitude = Math.abs(value);
        if (value != 0 && (magnitude >= 1e5 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return Parameter.format(new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue());
    }

    /** Draws on a java.awt image. */
    private record AwtSurface(Graphics2D graphics) implements Surface {
        @Override
        public void fill(double x, double y, double w, double h, int rgb) {
            graphics.setColor(new Color(rgb));
            graphics.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, int rgb, double width) {
            graphics.setColor(new Color(rgb));
            graphics.setStroke(new BasicStroke((float) width));
            graphics.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void ring(double x, double y, double radius, int rgb, double width) {
            graphics.setColor(new Color(rgb));
            graphics.setStroke(new BasicStroke((float) width));
            graphics.draw(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
        }

        @Override
        public void text(String text, double x, double y, double size, Anchor anchor, boolean bold, double degrees) {
            graphics.setColor(new Color(TEXT));
            graphics.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
            double width = graphics.getFontMetrics().getStringBounds(text, graphics).getWidth();
            double shift = switch (anchor) {
                case START -> 0;
                case MIDDLE -> -width / 2;
                case END -> -width;
            };
            AffineTransform saved = graphics.getTransform();
            graphics.translate(x, y);
            graphics.rotate(Math.toRadians(degrees));
            graphics.drawString(text, (float) shift, 0f);
            graphics.setTransform(saved);
        }
    }

    /** Writes SVG elements. */
    private record SvgSurface(StringBuilder svg) implements Surface {
        @Override
        public void fill(double x, double y, double w, double h, int rgb) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#%06x\" stroke=\"none\"/>%n",
                    x, y, w, h, rgb));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, int rgb, double width) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#%06x\""
                    + " stroke-width=\"%.1f\"/>%n", x1, y1, x2, y2, rgb, width));
        }

        @Override
        public void ring(double x, double y, double radius, int rgb, double width) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"none\""
                    + " stroke=\"#%06x\" stroke-width=\"%.1f\"/>%n", x, y, radius, rgb, width));
        }

        @Override
        public void text(String text, double x, double y, double size, Anchor anchor, boolean bold, double degrees) {
            String textAnchor = switch (anchor) {
                case START -> "start";
                case MIDDLE -> "middle";
                case END -> "end";
            };
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" text-anchor=\"%s\"%s%s>",
                    x, y, size, textAnchor, bold ? " font-weight=\"bold\"" : "",
                    degrees == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%.1f %.2f %.2f)\"", degrees, x, y)));
            svg.append(escape(text)).append("</text>\n");
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
