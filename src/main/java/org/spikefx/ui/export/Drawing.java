package org.spikefx.ui.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.stream.XMLStreamException;

import javafx.geometry.Bounds;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * One element of the SVG figure, in figure coordinates (pixels of the plot area on screen). Captured
 * on the FX thread as plain numbers and colours; {@link #write} formats it later on any thread.
 */
sealed interface Drawing {

    void write(SvgOut svg) throws XMLStreamException, IOException;

    /** A filled rectangle, with rounded corners of the given radius. */
    record Box(double x, double y, double width, double height, double radius, Color fill) implements Drawing {
        @Override
        public void write(SvgOut svg) throws XMLStreamException {
            svg.empty("rect");
            svg.number("x", x);
            svg.number("y", y);
            svg.number("width", width);
            svg.number("height", height);
            if (radius > 0) {
                svg.number("rx", Math.min(radius, Math.min(width, height) / 2));
            }
            svg.paint("fill", fill);
            svg.newLine();
        }
    }

    /** An SVG path (of a shape's own coordinates, within {@code shapeBounds}) stretched to fill a box. */
    record StretchedShape(String path, Bounds shapeBounds, Bounds box, Color fill) implements Drawing {
        @Override
        public void write(SvgOut svg) throws XMLStreamException {
            double scaleX = box.getWidth() / shapeBounds.getWidth();
            double scaleY = box.getHeight() / shapeBounds.getHeight();
            svg.empty("path");
            svg.attribute("d", path);
            svg.attribute("transform", "translate(" + SvgOut.number(box.getMinX() - shapeBounds.getMinX() * scaleX)
                    + " " + SvgOut.number(box.getMinY() - shapeBounds.getMinY() * scaleY) + ") scale(" + scaleX + " "
                    + scaleY + ")");
            svg.paint("fill", fill);
            svg.newLine();
        }
    }

    /** A straight line through points (x0, y0, x1, y1, ...), closed back to its start if asked. */
    record Polyline(double[] xy, boolean closed) {
        void appendTo(StringBuilder path) {
            for (int i = 0; i < xy.length; i += 2) {
                path.append(i == 0 ? 'M' : i == 2 ? 'L' : ' ');
                SvgOut.appendNumber(path, xy[i]);
                path.append(' ');
                SvgOut.appendNumber(path, xy[i + 1]);
            }
            if (closed) {
                path.append('Z');
            }
        }
    }

    /** Lines and polygons painted alike, as one {@code <path>}; the class names what it shows, or is null. */
    record Outline(String styleClass, List<Polyline> parts, Ink ink) implements Drawing {
        @Override
        public void write(SvgOut svg) throws XMLStreamException {
            StringBuilder path = new StringBuilder();
            parts.forEach(part -> part.appendTo(path));
            svg.empty("path");
            if (styleClass != null) {
                svg.attribute("class", styleClass);
            }
            svg.attribute("d", path.toString());
            svg.ink(ink);
            svg.newLine();
        }
    }

    /** Where a line of text sits on its point: the point is its start, middle or end. */
    enum Anchor {
        START, MIDDLE, END
    }

    /**
     * A line of text with its baseline at (x, y); in the figure's coordinates, or, when a placement
     * is given (rotated text), in coordinates that the placement maps into the figure.
     */
    record Words(String text, double x, double y, Anchor anchor, Font font, Color fill, Placement placement)
            implements Drawing {
        @Override
        public void write(SvgOut svg) throws XMLStreamException {
            svg.start("text");
            svg.number("x", x);
            svg.number("y", y);
            if (anchor != Anchor.START) {
                svg.attribute("text-anchor", anchor == Anchor.MIDDLE ? "middle" : "end");
            }
            // JavaFX's "System" font is the platform's plain sans-serif.
            svg.attribute("font-family", font.getFamily().equals("System") ? "sans-serif"
                    : "'" + font.getFamily() + "', sans-serif");
            svg.number("font-size", font.getSize());
            if (font.getStyle().contains("Bold")) {
                svg.attribute("font-weight", "bold");
            }
            if (font.getStyle().contains("Italic")) {
                svg.attribute("font-style", "italic");
            }
            svg.paint("fill", fill);
            if (placement != null) {
                svg.attribute("transform", "matrix(" + String.join(" ", SvgOut.number(placement.a()),
                        SvgOut.number(placement.b()), SvgOut.number(placement.c()), SvgOut.number(placement.d()),
                        SvgOut.number(placement.e()), SvgOut.number(placement.f())) + ")");
            }
            svg.text(text);
            svg.end();
        }
    }

    /**
     * Spikes, each a rectangle of its own with class {@code spike}: {@code width} wide from x, from top
     * down by height. All share the colour and opacity of their group; where marks overlap, each
     * further one darkens what is left uncovered, as on screen.
     */
    record Spikes(double[] x, double[] top, double[] height, double width, Color color, double opacity)
            implements Drawing {
        @Override
        public void write(SvgOut svg) throws XMLStreamException {
            svg.start("g");
            svg.attribute("class", "spikes");
            svg.paint("fill", color);
            if (opacity < 1) {
                svg.number("fill-opacity", Math.round(opacity * 1000) / 1000.0);
            }
            svg.newLine();
            for (int i = 0; i < x.length; i++) {
                svg.empty("rect");
                svg.attribute("class", "spike");
                svg.number("x", x[i]);
                svg.number("y", top[i]);
                svg.number("width", width);
                svg.number("height", height[i]);
                svg.newLine();
            }
            svg.end();
        }
    }

    /**
     * A picture of the raster (premultiplied ARGB pixels, {@code pixelWidth} by {@code pixelHeight}),
     * embedded as PNG and shown pixel for pixel over the rectangle (x, y, width, height).
     */
    record RasterImage(double x, double y, double width, double height, int pixelWidth, int pixelHeight,
                       int[] premultipliedArgb) implements Drawing {
        @Override
        public void write(SvgOut svg) throws XMLStreamException, IOException {
            svg.empty("image");
            svg.attribute("class", "spike-image");
            svg.number("x", x);
            svg.number("y", y);
            svg.number("width", width);
            svg.number("height", height);
            svg.attribute("preserveAspectRatio", "none");
            svg.attribute("image-rendering", "optimizeSpeed");
            svg.attribute("style", "image-rendering:pixelated");
            svg.attribute("href", "data:image/png;base64," + Base64.getEncoder().encodeToString(png()));
            svg.newLine();
        }

        private byte[] png() throws IOException {
            BufferedImage image = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_ARGB_PRE);
            image.getRaster().setDataElements(0, 0, pixelWidth, pixelHeight, premultipliedArgb);
            image.coerceData(false); // PNG stores colours apart from their opacity
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        }
    }

    /** Drawings clipped to a rectangle (a plot's area), grouped under a class that names the plot. */
    record Layer(String styleClass, double x, double y, double width, double height, List<Drawing> content)
            implements Drawing {
        @Override
        public void write(SvgOut svg) throws XMLStreamException, IOException {
            String clip = svg.nextClipId();
            svg.start("clipPath");
            svg.attribute("id", clip);
            new Box(x, y, width, height, 0, Color.BLACK).write(svg);
            svg.end();
            svg.start("g");
            svg.attribute("class", styleClass);
            svg.attribute("clip-path", "url(#" + clip + ")");
            svg.newLine();
            for (Drawing drawing : content) {
                drawing.write(svg);
            }
            svg.end();
        }
    }
}
