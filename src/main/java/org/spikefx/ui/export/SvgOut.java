package org.spikefx.ui.export;

import java.util.Locale;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The SVG being written: elements and attributes through an XML writer, which escapes text and keeps
 * the document well-formed, plus the figure's number and colour formats. Coordinates are written
 * to a hundredth of a pixel, which no screen or printer tells apart and which keeps files small.
 */
final class SvgOut {
    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private final XMLStreamWriter xml;
    private int clipPaths;

    SvgOut(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** An element with content to follow; {@link #end()} closes it. */
    void start(String element) throws XMLStreamException {
        xml.writeStartElement(element);
    }

    /** An element without content: its attributes follow. */
    void empty(String element) throws XMLStreamException {
        xml.writeEmptyElement(element);
    }

    /** Closes the latest started element, and starts a new line to keep the file readable. */
    void end() throws XMLStreamException {
        xml.writeEndElement();
        newLine();
    }

    void newLine() throws XMLStreamException {
        xml.writeCharacters("\n");
    }

    void text(String text) throws XMLStreamException {
        xml.writeCharacters(text);
    }

    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
    }

    void number(String name, double value) throws XMLStreamException {
        attribute(name, number(value));
    }

    /** Sets {@code property} (fill or stroke) to the colour, with its opacity if not opaque; none for null. */
    void paint(String property, Color color) throws XMLStreamException {
        if (color == null) {
            attribute(property, "none");
            return;
        }
        attribute(property, String.format(Locale.ROOT, "#%02x%02x%02x", channel(color.getRed()),
                channel(color.getGreen()), channel(color.getBlue())));
        if (color.getOpacity() < 1) {
            number(property + "-opacity", Math.round(color.getOpacity() * 1000) / 1000.0);
        }
    }

    /** The stroke and fill of an ink; what SVG does by default (butt ends, mitred corners) is left unsaid. */
    void ink(Ink ink) throws XMLStreamException {
        paint("fill", ink.fill());
        paint("stroke", ink.stroke());
        if (ink.stroke() == null) {
            return;
        }
        number("stroke-width", ink.strokeWidth());
        if (!ink.dashes().isEmpty()) {
            attribute("stroke-dasharray", ink.dashes().stream().map(SvgOut::number).collect(Collectors.joining(" ")));
        }
        if (ink.cap() != StrokeLineCap.BUTT) {
            attribute("stroke-linecap", ink.cap().name().toLowerCase(Locale.ROOT));
        }
        if (ink.join() != StrokeLineJoin.MITER) {
            attribute("stroke-linejoin", ink.join().name().toLowerCase(Locale.ROOT));
        }
    }

    /** A new id for a clip path, unique in this document. */
    String nextClipId() {
        return "clip" + ++clipPaths;
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }

    static String number(double value) {
        StringBuilder text = new StringBuilder(12);
        appendNumber(text, value);
        return text.toString();
    }

    /** Appends the value rounded to hundredths, without trailing zeros: 12, 12.5, -0.25. */
    static void appendNumber(StringBuilder text, double value) {
        long hundredths = Math.round(value * 100);
        if (hundredths < 0) {
            text.append('-');
            hundredths = -hundredths;
        }
        text.append(hundredths / 100);
        int fraction = (int) (hundredths % 100);
        if (fraction != 0) {
            text.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                text.append(fraction % 10);
            }
        }
    }
}
