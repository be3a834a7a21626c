package org.spikefx.ui.export;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;

/**
 * Where a node's own coordinates land in the figure: the affine map x' = a x + c y + e,
 * y' = b x + d y + f, as in an SVG {@code matrix(a b c d e f)}. Read from the node's place in the
 * scene, so the figure puts everything where the screen shows it.
 */
record Placement(double a, double b, double c, double d, double e, double f) {
    private static final double TOLERANCE = 1e-9;

    /** The map from {@code node}'s coordinates to those of {@code figure}, an ancestor of it. */
    static Placement of(Node node, Node figure) {
        Point2D origin = figure.sceneToLocal(node.localToScene(0, 0));
        Point2D unitX = figure.sceneToLocal(node.localToScene(1, 0));
        Point2D unitY = figure.sceneToLocal(node.localToScene(0, 1));
        return new Placement(unitX.getX() - origin.getX(), unitX.getY() - origin.getY(),
                unitY.getX() - origin.getX(), unitY.getY() - origin.getY(), origin.getX(), origin.getY());
    }

    /** The node's bounds (in its own coordinates) as a rectangle of the figure. */
    static Bounds boundsOf(Node node, Bounds local, Node figure) {
        return figure.sceneToLocal(node.localToScene(local));
    }

    double x(double localX, double localY) {
        return a * localX + c * localY + e;
    }

    double y(double localX, double localY) {
        return b * localX + d * localY + f;
    }

    /** Whether the map only shifts: no rotation, scaling or shear. */
    boolean isShift() {
        return Math.abs(a - 1) < TOLERANCE && Math.abs(b) < TOLERANCE && Math.abs(c) < TOLERANCE
                && Math.abs(d - 1) < TOLERANCE;
    }
}
