package org.spikefx.ui.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import javafx.scene.Parent;

import org.spikefx.export.AtomicFile;
import org.spikefx.ui.PlotArea;

/**
 * The plot area as an SVG figure: the same layout, colours and text as on screen, with the data as
 * vector paths taken from the views' models, and without the controls among the plots. Lines, areas
 * and histograms are paths; the raster is one element per spike of the time window shown, or, above
 * {@link #MAX_VECTOR_SPIKES} spikes, a picture of it embedded as PNG at the figure's resolution,
 * since an element per spike would make a file too big to open.
 *
 * <p>Made in two steps: the constructor reads the plot area on the FX thread (quick: numbers and
 * colours only); {@link #write} formats and writes the file, on any thread.
 */
public final class SvgFigure {
    /** Above this many spikes in the window, the raster is embedded as an image. */
    public static final int MAX_VECTOR_SPIKES = 200_000;

    private final double width;
    private final double height;
    private final int scale;
    private final List<Drawing> drawings;

    /**
     * Reads the figure as the plot area shows it now: the plots alone, without their controls, in the
     * time window shown. FX thread only.
     *
     * @param scale how many times its size on screen the figure is shown by default (its width and
     *              height, and the resolution of a raster embedded as an image); the drawing itself is
     *              vector and scales to any size
     */
    public SvgFigure(PlotArea plots, int scale) {
        this(plots, plots, scale, MAX_VECTOR_SPIKES);
    }

    /** @param maxVectorSpikes above this many spikes in the window, the raster is embedded as an image */
    SvgFigure(Parent figure, PlotArea plots, int scale, int maxVectorSpikes) {
        if (scale < 1) {
            throw new IllegalArgumentException("a figure is shown at least at its size on screen, not at " + scale);
        }
        this.scale = scale;
        try (PlotsOnly only = PlotsOnly.of(figure)) {
            // As a snapshot would: styles and layout up to date with the latest data.
            figure.applyCss();
            figure.layout();
            width = figure.getLayoutBounds().getWidth();
            height = figure.getLayoutBounds().getHeight();
            drawings = SceneDrawing.of(figure, PlotLayers.of(figure, plots, scale, maxVectorSpikes));
        }
    }

    /** Writes the figure into the file, complete or not at all. */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, this::write);
    }

    void write(OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            SvgOut svg = new SvgOut(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            svg.newLine();
            svg.start("svg");
            xml.writeDefaultNamespace(SvgOut.NAMESPACE);
            svg.number("width", width * scale);
            svg.number("height", height * scale);
            svg.attribute("viewBox", "0 0 " + SvgOut.number(width) + " " + SvgOut.number(height));
            svg.newLine();
            svg.start("title");
            svg.text("SpikeFX plots");
            svg.end();
            for (Drawing drawing : drawings) {
                drawing.write(svg);
            }
            svg.end();
            xml.writeEndDocument();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
