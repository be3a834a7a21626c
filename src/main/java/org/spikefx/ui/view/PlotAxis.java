package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * The axis of a time plot, whose range changes in every frame of a zoom or a pan. JavaFX's axis makes a
 * new text node for each tick label whenever its range changes, and each new node is styled and measured
 * before it is drawn: with seven axes moving at once, that was the largest part of a gesture frame. This
 * axis keeps its label nodes and changes only their text and place, remembers the size of each label
 * text it has measured (for the current font), draws its own tick marks and places its own title.
 * <p>
 * JavaFX's list of tick marks stays empty, so a chart draws no grid lines for this axis: the plot draws
 * them itself from {@link #tickPositions()} (see {@link GridLines}).
 */
final class PlotAxis extends FixedRangeAxis {
    /** Style class of a tick label, for a test or a figure that looks for the numbers shown. */
    static final String TICK_LABEL = "plot-tick-label";
    /** Label texts measured, per font; more than this many (a long session of zooming) starts the cache anew. */
    private static final int MAX_MEASURED = 2048;

    private final Region title;
    private final Path tickPath;
    private final List<Text> labels = new ArrayList<>();
    private final Map<String, Bounds> measured = new HashMap<>();
    private final Text measure = new Text();
    private double[] tickPositions = new double[0];
    /** The side and height the title's rotation was made for. */
    private Side titleSide;
    private double titleHeight = -1;

    PlotAxis(String label) {
        super(label);
        title = (Region) ownNode("axis-label");
        tickPath = (Path) ownNode("axis-tick-mark");
        measure.setTextOrigin(VPos.TOP);
        tickLabelFontProperty().addListener((property, was, font) -> {
            measured.clear();
            labels.forEach(text -> text.setFont(font));
            requestAxisLayout();
        });
        tickLabelFillProperty().addListener((property, was, fill) -> labels.forEach(text -> text.setFill(fill)));
        tickLabelsVisibleProperty().addListener((property, was, visible) -> requestAxisLayout());
    }

    /** A node JavaFX's axis makes for itself: its title or its tick marks' path. */
    private Node ownNode(String styleClass) {
        return getChildrenUnmodifiable().stream().filter(node -> node.getStyleClass().contains(styleClass))
                .findFirst().orElseThrow(() -> new IllegalStateException("an axis without its " + styleClass));
    }

    /** The side the chart put the axis on (JavaFX's own accessor for it is not public). */
    private Side side() {
        Side side = getSide();
        return side == null ? Side.BOTTOM : side;
    }

    /** Where the ticks of the last layout are, in the axis' display coordinates: the plot's grid lines. */
    double[] tickPositions() {
        return tickPositions;
    }

    @Override
    protected void layoutChildren() {
        Side side = side();
        boolean vertical = side.isVertical();
        double width = getWidth();
        double height = getHeight();
        double length = vertical ? height : width;
        // What JavaFX's value axis does before it makes its ticks: the scale that display positions use.
        setScale(calculateNewScale(length, getLowerBound(), getUpperBound()));
        currentLowerBound.set(getLowerBound());
        List<Number> values = length > 0 ? calculateTickValues(length, null) : List.of();

        int count = values.size();
        double[] positions = new double[count];
        String[] texts = new String[count];
        boolean showLabels = isTickLabelsVisible();
        double totalExtent = 0;
        double largestExtent = 0;
        for (int i = 0; i < count; i++) {
            positions[i] = getDisplayPosition(values.get(i));
            texts[i] = showLabels ? getTickMarkLabel(values.get(i)) : "";
            if (!texts[i].isEmpty()) {
                Bounds size = sizeOf(texts[i]);
                double extent = vertical ? size.getHeight() : size.getWidth();
                totalExtent += extent;
                largestExtent = Math.max(largestExtent, extent);
            }
        }
        tickPositions = positions;
        // Labels that would overlap: every k-th is shown, as JavaFX's axis does.
        int every = largestExtent > 0 && totalExtent > length ? (int) (count * largestExtent / length) + 1 : 1;

        while (labels.size() < count) {
            Text text = new Text();
            text.setManaged(false);
            text.setTextOrigin(VPos.TOP);
            text.setFont(getTickLabelFont());
            text.setFill(getTickLabelFill());
            text.getStyleClass().add(TICK_LABEL);
            labels.add(text);
            getChildren().add(text);
        }
        double tickLength = isTickMarkVisible() && getTickLength() > 0 ? getTickLength() : 0;
        double gap = getTickLabelGap();
        tickPath.getElements().clear();
        tickPath.setLayoutX(side == Side.LEFT ? -0.5 : 0.5);
        tickPath.setLayoutY(side == Side.TOP ? -0.5 : 0.5);
        for (int i = 0; i < labels.size(); i++) {
            Text text = labels.get(i);
            boolean shown = i < count && !texts[i].isEmpty() && i % every == 0;
            text.setVisible(shown);
            if (i >= count) {
                continue;
            }
            double at = positions[i];
            switch (side) {
                case LEFT -> tick(width - tickLength, at, width, at);
                case RIGHT -> tick(0, at, tickLength, at);
                case TOP -> tick(at, height, at, height - tickLength);
                default -> tick(at, 0, at, tickLength);
            }
            if (shown) {
                if (!texts[i].equals(text.getText())) {
                    text.setText(texts[i]);
                }
                place(text, sizeOf(texts[i]), side, at, width, height, tickLength + gap);
            }
        }
        placeTitle(side, width, height);
    }

    private void tick(double x0, double y0, double x1, double y1) {
        tickPath.getElements().addAll(new MoveTo(x0, y0), new LineTo(x1, y1));
    }

    /** A label beside its tick: centred on it along the axis, {@code offset} from the axis line across it. */
    private static void place(Text text, Bounds size, Side side, double at, double width, double height,
                              double offset) {
        double x;
        double y;
        switch (side) {
            case LEFT -> {
                x = width - offset - size.getWidth();
                y = at - size.getHeight() / 2;
            }
            case RIGHT -> {
                x = offset;
                y = at - size.getHeight() / 2;
            }
            case TOP -> {
                x = at - size.getWidth() / 2;
                y = height - offset - size.getHeight();
            }
            default -> {
                x = at - size.getWidth() / 2;
                y = offset;
            }
        }
        text.relocate(x, y);
    }

    /** The axis' title along its outer edge, turned to read upwards beside a vertical axis. */
    private void placeTitle(Side side, double width, double height) {
        if (side.isVertical()) {
            double thickness = Math.ceil(title.prefHeight(width));
            if (side != titleSide || height != titleHeight) {
                title.getTransforms().setAll(new Translate(0, height), new Rotate(-90, 0, 0));
                titleSide = side;
                titleHeight = height;
            }
            title.resizeRelocate(side == Side.LEFT ? 0 : width - thickness, 0, height, thickness);
        } else {
            if (side != titleSide) {
                title.getTransforms().clear();
                titleSide = side;
                titleHeight = -1;
            }
            double thickness = Math.ceil(title.prefHeight(width));
            title.resizeRelocate(0, side == Side.TOP ? 0 : height - thickness, width, thickness);
        }
    }

    /** The size of a label's text in the tick label font, measured once per text. */
    private Bounds sizeOf(String text) {
        Bounds size = measured.get(text);
        if (size == null) {
            if (measured.size() >= MAX_MEASURED) {
                measured.clear();
            }
            Font font = getTickLabelFont();
            measure.setFont(font);
            measure.setText(text);
            size = measure.getLayoutBounds();
            measured.put(text, size);
        }
        return size;
    }

    @Override
    protected double computePrefWidth(double height) {
        if (!side().isVertical()) {
            return super.computePrefWidth(height);
        }
        double widest = 0;
        if (isTickLabelsVisible()) {
            for (Number value : calculateTickValues(height, null)) {
                widest = Math.max(widest, sizeOf(getTickMarkLabel(value)).getWidth());
            }
        }
        return widest + across();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (side().isVertical()) {
            return super.computePrefHeight(width);
        }
        // Every label has the line height of the font: one measure serves them all.
        double labelHeight = isTickLabelsVisible() ? sizeOf("0").getHeight() : 0;
        return labelHeight + across();
    }

    /** What an axis needs across itself besides its labels: the gap, the tick marks and the title. */
    private double across() {
        double tickLength = isTickMarkVisible() && getTickLength() > 0 ? getTickLength() : 0;
        String label = getLabel();
        double titleThickness = label == null || label.isEmpty() ? 0 : title.prefHeight(-1);
        return getTickLabelGap() + tickLength + titleThickness;
    }
}
