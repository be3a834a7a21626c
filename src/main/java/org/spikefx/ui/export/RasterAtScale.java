package org.spikefx.ui.export;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.spikefx.ui.model.SpikeRaster;
import org.spikefx.ui.view.SpikeRasterView;

/**
 * The spike raster painted anew from its spikes at a multiple of the screen's resolution, so that a
 * 2x or 4x figure shows every spike at its own time, sharp, instead of the screen's pixels made
 * bigger. A mark keeps its size on screen (the screen's dot, a pixel or more, centred on the spike's
 * time; as tall as its neuron's rows at the new resolution, and at least the dot) and its shading
 * (each spike covers its share of what the ones before left uncovered), so the figure looks like the
 * screen, only finer.
 *
 * <p>While open, each raster under a node shows its finer picture, in the same place and size; closing
 * gives back the screen's image. FX thread only.
 */
final class RasterAtScale implements AutoCloseable {
    /** The finer picture of one raster, and what its image view showed before. */
    private record Swap(ImageView view, Image screenImage) {
    }

    private final List<Swap> swaps = new ArrayList<>();

    private RasterAtScale(Node node, int scale) {
        if (scale <= 1) {
            return;
        }
        for (Node found : node.lookupAll(".spike-raster")) {
            if (found instanceof SpikeRasterView raster && raster.raster().width() > 0
                    && raster.raster().keepsEverySpikeInView()
                    && raster.lookup(".raster-image") instanceof ImageView view) {
                SpikeRaster model = raster.raster();
                int width = model.width() * scale;
                int height = model.height() * scale;
                WritableImage finer = new WritableImage(width, height);
                finer.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(),
                        paint(model, raster.spikeColorProperty().get(), scale), 0, width);
                swaps.add(new Swap(view, view.getImage()));
                view.setImage(finer);
                view.setFitWidth(model.width());
                view.setFitHeight(model.height());
            }
        }
    }

    /** Shows every raster under the node at {@code scale} times the screen's resolution until closed. */
    static RasterAtScale of(Node node, int scale) {
        return new RasterAtScale(node, scale);
    }

    @Override
    public void close() {
        for (Swap swap : swaps) {
            swap.view().setImage(swap.screenImage());
            swap.view().setFitWidth(0);
            swap.view().setFitHeight(0);
        }
    }

    /**
     * The raster's window at {@code scale} times its resolution: {@code scale * width} by
     * {@code scale * height} premultiplied ARGB pixels, row by row, painted from the spikes the screen
     * shows. Needs every spike of the window kept ({@link SpikeRaster#keepsEverySpikeInView()}).
     */
    static int[] paint(SpikeRaster screen, Color color, int scale) {
        int width = screen.width() * scale;
        int height = screen.height() * scale;
        // The rows of each neuron as the screen's raster would have them at this height; its time axis
        // is the screen's, each pixel split in scale columns.
        SpikeRaster rows = new SpikeRaster(1);
        rows.reset(screen.neuronCount(), screen.dt());
        rows.setView(0, 1, 1, height);
        double startTime = screen.timeAt(0);
        double columnsPerSecond = scale / (screen.timeAt(1) - startTime);
        // A mark is the screen's dot, scale times as many pixels each way.
        int dot = screen.dotPixels() * scale;
        int[] counts = new int[width * height];
        screen.forEachSpikeInView((step, neuron) -> {
            int left = (int) Math.floor((step * screen.dt() - startTime) * columnsPerSecond - dot / 2.0 + 0.5);
            int top = rows.topRow(neuron);
            int bottom = rows.bottomRow(neuron);
            if (bottom - top + 1 < dot) {
                // At least the dot's height, as on screen, around the neuron's own rows.
                top = Math.max(0, (top + bottom + 1 - dot) / 2);
                bottom = Math.min(height - 1, top + dot - 1);
            }
            for (int y = top; y <= bottom; y++) {
                for (int x = Math.max(0, left); x < Math.min(width, left + dot); x++) {
                    counts[y * width + x]++;
                }
            }
        });
        // Each mark covers what it covers on screen, so a spike covers the screen's share of it.
        double opacity = screen.spikeOpacity();
        int[] pixels = new int[counts.length];
        int[] shades = new int[1];
        for (int i = 0; i < counts.length; i++) {
            int count = counts[i];
            if (count > 0) {
                if (count >= shades.length) {
                    shades = shades(color, opacity, Math.max(count + 1, 2 * shades.length));
                }
                pixels[i] = shades[count];
            }
        }
        return pixels;
    }

    /** The premultiplied ARGB colour of a pixel with 0, 1, ... spikes on it, each covering {@code opacity}. */
    private static int[] shades(Color color, double opacity, int size) {
        int[] shades = new int[size];
        for (int count = 1; count < size; count++) {
            double alpha = color.getOpacity() * (1 - Math.pow(1 - opacity, count));
            shades[count] = channel(alpha) << 24 | channel(color.getRed() * alpha) << 16
                    | channel(color.getGreen() * alpha) << 8 | channel(color.getBlue() * alpha);
        }
        return shades;
    }

    private static int channel(double value) {
        return (int) Math.round(Math.min(1, value) * 255);
    }
}
