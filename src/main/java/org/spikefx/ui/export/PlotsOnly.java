package org.spikefx.ui.export;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;

import org.spikefx.ui.view.RunView;

/**
 * The plots without what is there to operate them: while open, every control among them (a text
 * field, a chooser, a button, a slider), every node marked {@link RunView#FIGURE_CONTROL} (a message,
 * a hover readout, the bar that holds the trace field) and the handles between the plots are hidden;
 * what the plots' own layout placed also gives up its room, so that a figure holds the plots alone
 * and the plots fill it. Closing puts everything back as it was; the screen never shows
 * the difference, since both happen within one event on the FX thread. FX thread only.
 */
final class PlotsOnly implements AutoCloseable {
    /** Style class of the handle between two plots of a split pane. */
    private static final String DIVIDER = "split-pane-divider";
    /** Style class of a control in a plot's header (the trace chooser, the rate's bin width). */
    private static final String HEADER_CONTROL = "plot-control";

    private final Parent figure;
    private final List<Node> hidden = new ArrayList<>();
    private final List<Boolean> wasManaged = new ArrayList<>();

    private PlotsOnly(Parent figure) {
        this.figure = figure;
        collect(figure);
        for (Node node : hidden) {
            wasManaged.add(node.isManaged());
            node.setVisible(false);
            // A control's skin places its own parts; the rest of the room goes to the plots.
            if (!(node.getParent() instanceof Control)) {
                node.setManaged(false);
            }
        }
        refresh();
    }

    /** Hides the controls among the figure's nodes until closed. */
    static PlotsOnly of(Parent figure) {
        return new PlotsOnly(figure);
    }

    /**
     * Whether a node is there to be operated or to tell something passing, rather than part of the
     * figure. Labels are part of it (legends, numbers, axis names) unless marked; so are the panes
     * that hold plots, even where they are controls (a split pane).
     */
    static boolean isControl(Node node) {
        return node.getStyleClass().contains(RunView.FIGURE_CONTROL) || node.getStyleClass().contains(DIVIDER)
                || node.getStyleClass().contains(HEADER_CONTROL)
                || node instanceof TextInputControl || node instanceof ButtonBase || node instanceof ChoiceBox
                || node instanceof ComboBoxBase || node instanceof Slider || node instanceof Spinner;
    }

    /** The nodes hidden now: the visible controls there were. */
    List<Node> hidden() {
        return List.copyOf(hidden);
    }

    private void collect(Node node) {
        if (!node.isVisible()) {
            return;
        }
        if (node != figure && isControl(node)) {
            hidden.add(node);
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(this::collect);
        }
    }

    private void refresh() {
        figure.applyCss();
        figure.layout();
    }

    @Override
    public void close() {
        for (int i = 0; i < hidden.size(); i++) {
            hidden.get(i).setManaged(wasManaged.get(i));
            hidden.get(i).setVisible(true);
        }
        refresh();
    }
}
