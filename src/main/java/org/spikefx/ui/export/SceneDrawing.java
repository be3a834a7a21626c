package org.spikefx.ui.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.VLineTo;
import javafx.scene.text.Text;

/**
 * The figure's frame as the screen shows it, read from the nodes in drawing order: backgrounds and
 * borders of regions, lines (axes, tick marks, grid), and every visible text (tick labels, axis
 * labels, legends, numbers). Where a plot's data would be drawn, the plot's own layer, made from the
 * views' models, takes the place of the chart's nodes. FX thread only.
 */
final class SceneDrawing {
    private final Node figure;
    private final Map<Node, Drawing> plotLayers;
    /** Where drawings go: the figure's list, or for a moment a plot's marks under or over its data. */
    private List<Drawing> drawings = new ArrayList<>();

    private SceneDrawing(Node figure, Map<Node, Drawing> plotLayers) {
        this.figure = figure;
        this.plotLayers = plotLayers;
    }

    /**
     * @param plotLayers for each node that holds a plot's data on screen, what to draw instead of it
     */
    static List<Drawing> of(Node figure, Map<Node, Drawing> plotLayers) {
        SceneDrawing scene = new SceneDrawing(figure, plotLayers);
        scene.visit(figure);
        return scene.drawings;
    }

    private void visit(Node node) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Drawing layer = plotLayers.get(node);
        if (layer != null) {
            drawings.add(layer instanceof Drawing.Layer plot ? withMarks(plot, (Parent) node) : layer);
            return;
        }
        if (node instanceof Region region) {
            backgroundOf(region);
        } else if (node instanceof Text text) {
            textOf(text);
        } else if (node instanceof Shape shape) {
            shapeOf(shape);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(this::visit);
        }
        if (node instanceof Region region) {
            borderOf(region);
        }
    }

    /**
     * The plot's layer with the marks the view lays under and over its data, in the same order and
     * clipped alike: shaded refractory periods, threshold lines, the selected neuron's band. The data
     * themselves (the series' paths, the raster's image) are the layer's own.
     */
    private Drawing.Layer withMarks(Drawing.Layer plot, Parent content) {
        List<Drawing> figure = drawings;
        List<Drawing> under = new ArrayList<>();
        List<Drawing> over = new ArrayList<>();
        drawings = under;
        for (Node child : content.getChildrenUnmodifiable()) {
            if (child instanceof Region || child instanceof Shape && !(child instanceof Path)) {
                visit(child);
            } else {
                drawings = over;
            }
        }
        drawings = figure;
        List<Drawing> all = new ArrayList<>(under);
        all.addAll(plot.content());
        all.addAll(over);
        return new Drawing.Layer(plot.styleClass(), plot.x(), plot.y(), plot.width(), plot.height(), all);
    }

    /**
     * Each layer of a region's background: a rectangle, or the region's shape (an arrow) stretched over
     * it. A shape that keeps its own size is left out.
     */
    private void backgroundOf(Region region) {
        Background background = region.getBackground();
        if (background == null || region.getShape() != null && !(region.getShape() instanceof SVGPath
                && region.isScaleShape())) {
            return;
        }
        for (BackgroundFill fill : background.getFills()) {
            Color color = Ink.colorOf(fill.getFill());
            Insets insets = fill.getInsets();
            Bounds box = Placement.boundsOf(region, new BoundingBox(insets.getLeft(), insets.getTop(),
                    region.getWidth() - insets.getLeft() - insets.getRight(),
                    region.getHeight() - insets.getTop() - insets.getBottom()), figure);
            if (color == null || box.getWidth() <= 0 || box.getHeight() <= 0) {
                continue;
            }
            if (region.getShape() instanceof SVGPath shape) {
                drawings.add(new Drawing.StretchedShape(shape.getContent(), shape.getLayoutBounds(), box, color));
            } else {
                double radius = fill.getRadii().getTopLeftHorizontalRadius();
                if (fill.getRadii().isTopLeftHorizontalRadiusAsPercentage()) {
                    radius *= box.getWidth();
                }
                drawings.add(new Drawing.Box(box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight(), radius,
                        color));
            }
        }
    }

    /** Each side of a region's border that has a colour, such as the line of an axis. */
    private void borderOf(Region region) {
        Border border = region.getBorder();
        if (border == null) {
            return;
        }
        for (BorderStroke stroke : border.getStrokes()) {
            double left = stroke.getInsets().getLeft();
            double top = stroke.getInsets().getTop();
            double right = region.getWidth() - stroke.getInsets().getRight();
            double bottom = region.getHeight() - stroke.getInsets().getBottom();
            double topWidth = stroke.getWidths().getTop();
            double rightWidth = stroke.getWidths().getRight();
            double bottomWidth = stroke.getWidths().getBottom();
            double leftWidth = stroke.getWidths().getLeft();
            side(region, stroke.getTopStroke(), topWidth, left, top + topWidth / 2, right, top + topWidth / 2);
            side(region, stroke.getRightStroke(), rightWidth, right - rightWidth / 2, top, right - rightWidth / 2,
                    bottom);
            side(region, stroke.getBottomStroke(), bottomWidth, left, bottom - bottomWidth / 2, right,
                    bottom - bottomWidth / 2);
            side(region, stroke.getLeftStroke(), leftWidth, left + leftWidth / 2, top, left + leftWidth / 2, bottom);
        }
    }

    private void side(Region region, Paint paint, double width, double x0, double y0, double x1, double y1) {
        Color color = Ink.colorOf(paint);
        if (color != null && width > 0) {
            Placement placement = Placement.of(region, figure);
            Drawing.Polyline line = new Drawing.Polyline(new double[] {placement.x(x0, y0), placement.y(x0, y0),
                    placement.x(x1, y1), placement.y(x1, y1)}, false);
            drawings.add(new Drawing.Outline(null, List.of(line), Ink.line(color, width)));
        }
    }

    /**
     * A visible line of text at its place on screen. A label that the screen shortened with an ellipsis
     * gets its full text, centred where the short one was: a figure should say what its axes are.
     */
    private void textOf(Text text) {
        String shown = text.getText();
        String full = text.getParent() instanceof Labeled labeled ? labeled.getText() : shown;
        Color fill = Ink.colorOf(text.getFill());
        if (full == null || full.isBlank() || fill == null) {
            return;
        }
        Bounds local = text.getLayoutBounds();
        Drawing.Anchor anchor;
        double x;
        if (text.getParent() instanceof Axis<?> axis && axis.getSide().isVertical()) {
            // Tick labels of a vertical axis end at their tick marks.
            anchor = Drawing.Anchor.END;
            x = local.getMaxX();
        } else if (!full.equals(shown) || isInAxis(text)) {
            anchor = Drawing.Anchor.MIDDLE;
            x = local.getCenterX();
        } else {
            anchor = Drawing.Anchor.START;
            x = local.getMinX();
        }
        double baseline = local.getMinY() + text.getBaselineOffset();
        Placement placement = Placement.of(text, figure);
        drawings.add(placement.isShift()
                ? new Drawing.Words(full, placement.x(x, baseline), placement.y(x, baseline), anchor, text.getFont(),
                        fill, null)
                : new Drawing.Words(full, x, baseline, anchor, text.getFont(), fill, placement));
    }

    private boolean isInAxis(Node node) {
        for (Node parent = node.getParent(); parent != null && parent != figure; parent = parent.getParent()) {
            if (parent instanceof Axis<?>) {
                return true;
            }
        }
        return false;
    }

    /** Lines and boxes drawn as shapes: tick marks, grid lines, a plot's marks. */
    private void shapeOf(Shape shape) {
        Ink ink = Ink.of(shape);
        if (ink.isInvisible()) {
            return;
        }
        Placement placement = Placement.of(shape, figure);
        List<Drawing.Polyline> parts = new ArrayList<>();
        if (shape instanceof Path path) {
            parts.addAll(partsOf(path, placement));
        } else if (shape instanceof Line line) {
            parts.add(new Drawing.Polyline(new double[] {
                placement.x(line.getStartX(), line.getStartY()), placement.y(line.getStartX(), line.getStartY()),
                placement.x(line.getEndX(), line.getEndY()), placement.y(line.getEndX(), line.getEndY())}, false));
        } else if (shape instanceof Rectangle box) {
            double left = box.getX();
            double top = box.getY();
            double right = left + box.getWidth();
            double bottom = top + box.getHeight();
            parts.add(new Drawing.Polyline(new double[] {
                placement.x(left, top), placement.y(left, top), placement.x(right, top), placement.y(right, top),
                placement.x(right, bottom), placement.y(right, bottom), placement.x(left, bottom),
                placement.y(left, bottom)}, true));
        }
        if (!parts.isEmpty()) {
            // Named as the view names it (threshold-line, refractory), or plain for an axis' own lines.
            drawings.add(new Drawing.Outline(shape.getStyleClass().isEmpty() ? null
                    : String.join(" ", shape.getStyleClass()), parts, ink));
        }
    }

    /**
     * The subpaths of a path in figure coordinates. Charts draw with straight segments only; a curve,
     * should one appear, becomes a straight segment to its end point.
     */
    private static List<Drawing.Polyline> partsOf(Path path, Placement placement) {
        List<Drawing.Polyline> parts = new ArrayList<>();
        List<Double> points = new ArrayList<>();
        double x = 0;
        double y = 0;
        for (PathElement element : path.getElements()) {
            double baseX = element.isAbsolute() ? 0 : x;
            double baseY = element.isAbsolute() ? 0 : y;
            if (element instanceof MoveTo move) {
                finish(parts, points, false);
                x = baseX + move.getX();
                y = baseY + move.getY();
            } else if (element instanceof LineTo line) {
                x = baseX + line.getX();
                y = baseY + line.getY();
            } else if (element instanceof HLineTo horizontal) {
                x = baseX + horizontal.getX();
            } else if (element instanceof VLineTo vertical) {
                y = baseY + vertical.getY();
            } else if (element instanceof ArcTo arc) {
                x = baseX + arc.getX();
                y = baseY + arc.getY();
            } else if (element instanceof CubicCurveTo cubic) {
                x = baseX + cubic.getX();
                y = baseY + cubic.getY();
            } else if (element instanceof QuadCurveTo quad) {
                x = baseX + quad.getX();
                y = baseY + quad.getY();
            } else if (element instanceof ClosePath) {
                finish(parts, points, true);
                continue;
            }
            points.add(placement.x(x, y));
            points.add(placement.y(x, y));
        }
        finish(parts, points, false);
        return parts;
    }

    private static void finish(List<Drawing.Polyline> parts, List<Double> points, boolean closed) {
        if (points.size() >= 4) {
            parts.add(new Drawing.Polyline(points.stream().mapToDouble(Double::doubleValue).toArray(), closed));
        }
        points.clear();
    }
}
