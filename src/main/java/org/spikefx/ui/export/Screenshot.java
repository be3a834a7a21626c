package org.spikefx.ui.export;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

import org.spikefx.export.AtomicFile;

/**
 * A node as pixels, and pixels as a PNG file: what the window's screenshots, its clipboard copy and the
 * render command share.
 */
public final class Screenshot {
    private Screenshot() {
    }

    /**
     * The node as it is drawn, {@code scale} times its size on screen: crisp for slides and print. The
     * image is exactly the node's layout size times the scale; a spike raster in it is painted anew
     * from its spikes at that resolution, and the time plots draw their lines at it. FX thread only.
     */
    public static WritableImage of(Node node, int scale) {
        try (RasterAtScale rasters = RasterAtScale.of(node, scale); LayersAtScale lines = LayersAtScale.of(node, scale)) {
            return snapshot(node, scale);
        }
    }

    /**
     * The plots alone, {@code scale} times their size on screen: as {@link #of}, with the controls,
     * choosers and messages among them left out and their room given to the plots. FX thread only.
     */
    public static WritableImage ofPlots(Parent plots, int scale) {
        try (PlotsOnly only = PlotsOnly.of(plots); RasterAtScale rasters = RasterAtScale.of(plots, scale);
             LayersAtScale lines = LayersAtScale.of(plots, scale)) {
            return snapshot(plots, scale);
        }
    }

    private static WritableImage snapshot(Node node, int scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = new WritableImage((int) Math.round(node.getLayoutBounds().getWidth() * scale),
                (int) Math.round(node.getLayoutBounds().getHeight() * scale));
        return node.snapshot(parameters, image);
    }

    /** Encodes the image as PNG into the file, complete or not at all; any thread. */
    public static void writePng(Image image, Path file) throws IOException {
        AtomicFile.write(file, out -> ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out));
    }
}
