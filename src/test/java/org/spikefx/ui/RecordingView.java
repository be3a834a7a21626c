package org.spikefx.ui;

import java.util.ArrayList;
import java.util.List;

import org.spikefx.run.Batch;
import org.spikefx.ui.view.RunView;

/** A view that draws nothing and keeps what it is handed: the batches since the last reset. FX thread only. */
final class RecordingView implements RunView {
    private final List<Batch> batches = new ArrayList<>();
    private int resets;

    @Override
    public void accept(Batch batch) {
        batches.add(batch);
    }

    @Override
    public void redraw() {
    }

    @Override
    public void reset(int neuronCount, double dt) {
        batches.clear();
        resets++;
    }

    /** The batches accepted since the last reset, oldest first. */
    List<Batch> batches() {
        return List.copyOf(batches);
    }

    /** How often the view was emptied for a new run. */
    int resets() {
        return resets;
    }
}
