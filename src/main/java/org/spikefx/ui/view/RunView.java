package org.spikefx.ui.view;

import org.spikefx.run.Batch;

/**
 * A live view of a run. Everything happens on the FX thread, once per pulse: {@link #accept(Batch)}
 * for each new batch (cheap: it only appends to the view's model), then {@link #redraw()} once. The
 * time plots share a {@link org.spikefx.ui.model.TimeWindow}; each batch advances it to the batch's end.
 */
public interface RunView {
    /**
     * Style class of a node among the plots that is not part of the figure: a control, a chooser, a
     * message or a hover readout. Exported figures leave such nodes out, and give their room to the plots.
     */
    String FIGURE_CONTROL = "figure-control";

    /** Appends the batch to the view's model; nothing is drawn until {@link #redraw()}. */
    void accept(Batch batch);

    /** Brings the view's nodes up to date with everything accepted so far. */
    void redraw();

    /** Whether the view wants to redraw in the next frame although nothing new came (it draws over several frames). */
    default boolean wantsRedraw() {
        return false;
    }

    /**
     * Empties the view for a new run of {@code neuronCount} neurons stepped by {@code dt} seconds. Set
     * the shared time window for the new run first; the view redraws right away.
     */
    void reset(int neuronCount, double dt);

    /** Default look of the views (light, and dark under a root with style class {@code dark}); add it to the scene. */
    static String stylesheet() {
        return RunView.class.getResource("/org/spikefx/ui/views.css").toExternalForm();
    }
}
