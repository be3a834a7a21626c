package org.spikefx.ui.export;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;

import org.spikefx.ui.view.plot.LayerCanvas;

/**
 * While open, every time plot under a node draws its lines into an image of the export's resolution,
 * so that a figure at 2x or 4x has crisp lines rather than the screen's image made bigger; closing it
 * gives the screen its own resolution back. FX thread only.
 */
final class LayersAtScale implements AutoCloseable {
    private final List<LayerCanvas> scaled = new ArrayList<>();

    private LayersAtScale(Node node, int scale) {
        if (scale <= 1) {
            return;
        }
        for (Node found : node.lookupAll("." + LayerCanvas.STYLE_CLASS)) {
            if (found.getUserData() instanceof LayerCanvas layers) {
                layers.setScale(scale);
                scaled.add(layers);
            }
        }
    }

    /** Draws the plots' lines under the node at {@code scale} times the screen's resolution until closed. */
    static LayersAtScale of(Node node, int scale) {
        return new LayersAtScale(node, scale);
    }

    @Override
    public void close() {
        scaled.forEach(layers -> layers.setScale(1));
    }
}
