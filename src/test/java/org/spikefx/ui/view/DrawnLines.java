package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.scene.Parent;
import org.testfx.api.FxRobot;

import org.spikefx.ui.view.plot.LayerCanvas;
import org.spikefx.ui.view.plot.PlotLayer;

/** What a time plot's layers drew at its last layout, in data coordinates, for the views' tests. */
record DrawnLines(String name, List<double[]> points) {

    /** Lays the view out (where its image is drawn) and returns the lines drawn, bottom layer first. */
    static List<DrawnLines> of(FxRobot robot, Parent view, LayerCanvas layers) {
        List<DrawnLines> lines = new ArrayList<>();
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            List<PlotLayer> shown = layers.layers();
            for (int k = 0; k < shown.size(); k++) {
                lines.add(new DrawnLines(shown.get(k).name(), Arrays.asList(layers.drawnPoints(k))));
            }
        });
        return lines;
    }

    int size() {
        return points.size();
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    double highest() {
        return points.stream().mapToDouble(point -> point[1]).max().orElseThrow();
    }

    double lowest() {
        return points.stream().mapToDouble(point -> point[1]).min().orElseThrow();
    }

    /** The points as lists {time, value}, to compare with others. */
    List<List<Double>> asLists() {
        return points.stream().map(point -> List.of(point[0], point[1])).toList();
    }
}
