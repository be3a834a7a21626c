package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.shape.Line;

/**
 * A plot's grid: a line at each tick of its {@link PlotAxis axes}, under the data. The lines are nodes
 * of the plot, kept and moved rather than made anew when a zoom moves the ticks. They are lines rather
 * than one path so that a figure export draws them as the plot's marks under its data (a path among a
 * plot's nodes stands for data there). They take the chart's own grid style classes, and so its colours.
 */
final class GridLines {
    private final ObservableList<Node> plot;
    private final List<Line> vertical = new ArrayList<>();
    private final List<Line> horizontal = new ArrayList<>();

    /** @param plot the plot's nodes, in the axes' display coordinates; the lines go under all of them */
    GridLines(ObservableList<Node> plot) {
        this.plot = plot;
    }

    /** Lines at the axes' ticks across a plot of {@code width} x {@code height}, after the axes' layout. */
    void layout(PlotAxis timeAxis, PlotAxis valueAxis, double width, double height) {
        place(vertical, "chart-vertical-grid-lines", timeAxis.tickPositions(), width, height, true);
        place(horizontal, "chart-horizontal-grid-lines", valueAxis.tickPositions(), width, height, false);
    }

    private void place(List<Line> lines, String styleClass, double[] positions, double width, double height,
                       boolean across) {
        int used = 0;
        for (double position : positions) {
            // As JavaFX's charts do: none on the left edge, where the axis line is, nor on the bottom edge.
            if (across ? !(position > 0 && position <= width) : !(position >= 0 && position < height)) {
                continue;
            }
            if (used == lines.size()) {
                Line line = new Line();
                line.getStyleClass().add(styleClass);
                line.setManaged(false);
                lines.add(line);
                plot.add(0, line);
                // Made during a layout, after this pulse's CSS pass: styled now, or it would be drawn black for
                // a frame (a long one, the first frame of a launch).
                line.applyCss();
            }
            Line line = lines.get(used++);
            // Half a pixel in, so that a one-pixel line covers one pixel column or row.
            double at = Math.floor(position) + 0.5;
            if (across) {
                line.setStartX(at);
                line.setEndX(at);
                line.setStartY(0);
                line.setEndY(height);
            } else {
                line.setStartY(at);
                line.setEndY(at);
                line.setStartX(0);
                line.setEndX(width);
            }
            line.setVisible(true);
        }
        for (int i = used; i < lines.size(); i++) {
            lines.get(i).setVisible(false);
        }
    }
}
