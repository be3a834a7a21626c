package org.spikefx.ui;

import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * One plot of the figure under a one-line header: a short title, then the plot's own controls (the
 * trace chooser, the rate's bin width) and a trace plot's legend. Double-clicking the header, anywhere but on a control, asks
 * for the plot to fill the figure or to share it again.
 *
 * <p>Style classes: {@code plot-panel}, {@code plot-header}, {@code plot-title}; the controls in the
 * header carry {@code plot-control}, so that a figure made for print can leave them out; words of
 * the figure in the header (a legend, a note such as the raster's "one row per neuron") do not.
 */
final class PlotPanel extends VBox {
    private final PlotArea.Plot plot;
    private final HBox header;
    private final Label title;
    /** A header node that leaves the header when it is too narrow ({@link #moveWhenNarrow}); null if none. */
    private Node movable;
    private DoubleSupplier movableLineWidth;
    private Consumer<Boolean> movedElsewhere;

    /** Style class of a header's words that belong to the figure, like a legend: kept in exports. */
    static final String NOTE = "plot-note";

    PlotPanel(PlotArea.Plot plot, Region content, Runnable toggleMaximised, Node... controls) {
        this.plot = plot;
        title = new Label(plot.title());
        title.getStyleClass().add("plot-title");
        title.setMinWidth(USE_PREF_SIZE);
        title.setTooltip(new Tooltip("Double-click to show " + plot.title().toLowerCase() + " alone, or to bring"
                + " the other plots back (also View \u25B8 Plots)"));
        header = new HBox(title);
        header.getStyleClass().add("plot-header");
        header.setId(plot.id() + "-header");
        for (Node control : controls) {
            if (!control.getStyleClass().contains("series-legend") && !control.getStyleClass().contains("run-numbers")
                    && !control.getStyleClass().contains(NOTE)) {
                control.getStyleClass().add("plot-control");
            }
            header.getChildren().add(control);
        }
        header.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !onControl(event)) {
                toggleMaximised.run();
                event.consume();
            }
        });
        // A narrow window cuts the header's end off rather than widening the figure.
        header.setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(header.widthProperty());
        clip.heightProperty().bind(header.heightProperty());
        header.setClip(clip);
        setMinWidth(0);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);
        getStyleClass().add("plot-panel");
        setId(plot.id() + "-panel");
    }

    PlotArea.Plot plot() {
        return plot;
    }

    /**
     * Lets one of the header's nodes leave the header whenever the header is too narrow to hold it on
     * one line with the rest (the statistics' numbers on a projector): {@code elsewhere} is told true when
     * the node has left the header, to show it elsewhere, and false when it has come back. Decided at each
     * layout from the widths the nodes ask for on one line ({@code lineWidth}: the node's own, wherever it
     * is and however it is laid out there), so that a move never undoes itself.
     */
    void moveWhenNarrow(Node node, DoubleSupplier lineWidth, Consumer<Boolean> elsewhere) {
        movable = node;
        movableLineWidth = lineWidth;
        movedElsewhere = elsewhere;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (movable != null && getWidth() > 0) {
            boolean fits = oneLineWidth() <= getWidth();
            if (fits != header.getChildren().contains(movable)) {
                if (fits) {
                    movedElsewhere.accept(false);
                    header.getChildren().add(movable);
                } else {
                    header.getChildren().remove(movable);
                    movedElsewhere.accept(true);
                }
            }
        }
        super.layoutChildren();
    }

    /** The width of the header on one line with the movable node in it. */
    private double oneLineWidth() {
        double width = snappedLeftInset() + snappedRightInset() + header.snappedLeftInset() + header.snappedRightInset();
        int count = 1;
        for (Node child : header.getChildren()) {
            if (child != movable && child.isManaged()) {
                width += child.prefWidth(-1);
                count++;
            }
        }
        return width + movableLineWidth.getAsDouble() + (count - 1) * header.getSpacing();
    }

    /** The header's title, which a double-click maximises and restores. */
    Label title() {
        return title;
    }

    /** Whether the click landed on one of the header's controls (a double-click there selects text, say). */
    private boolean onControl(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null && node != header;
                node = node.getParent()) {
            if (node.getStyleClass().contains("plot-control")) {
                return true;
            }
        }
        return false;
    }
}
