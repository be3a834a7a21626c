package org.spikefx.ui;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.spikefx.Messages;
import org.spikefx.run.SimulationRunner;
import org.spikefx.ui.view.RunView;

/**
 * Which neurons the window follows: the traced ones (typed into the field above the traces, or
 * clicked in the raster) and the one whose balance is shown. It tells the runner which neurons to
 * record, so that a neuron picked now has its voltage and balance from then on, and the views show
 * its history from t = 0 (re-run where the history lacks it). FX thread only.
 */
final class TraceChooser {
    /** At most this many traces: beyond it, stacked 100 mV apart, they no longer fit a projector's plot. */
    static final int MAX_TRACES = 8;
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final SimulationRunner runner;
    private final IntSupplier neuronCount;
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final HBox bar;
    private PlotArea plots;

    /** @param neuronCount the current settings' n, which a typed neuron must be below */
    TraceChooser(SimulationRunner runner, IntSupplier neuronCount) {
        this.runner = runner;
        this.neuronCount = neuronCount;
        field.setId("trace-field");
        field.setPrefColumnCount(8);
        field.setTooltip(new Tooltip("Neurons whose voltage is shown, e.g. 0, 1, 2 (at most "
                + MAX_TRACES + "); click a neuron in the raster to add it"));
        field.setOnAction(event -> applyField());
        field.focusedProperty().addListener((observable, old, focused) -> {
            if (!focused) {
                applyField();
            }
        });
        message.setId("trace-message");
        message.getStyleClass().add("field-message");
        Label neurons = new Label("of neurons");
        neurons.setLabelFor(field);
        neurons.setMinWidth(Region.USE_PREF_SIZE);
        field.setMinWidth(Region.USE_PREF_SIZE);
        bar = new HBox(8, neurons, field, message);
        bar.getStyleClass().addAll("view-bar", RunView.FIGURE_CONTROL);
    }

    /** The field and its message, for the traces' header. */
    Node bar() {
        return bar;
    }

    /** Follows the plots' raster clicks from now on, and shows the first traces. */
    void attach(PlotArea plots, int[] first) {
        this.plots = plots;
        plots.raster().selectedNeuronProperty().addListener((observable, old, neuron) -> select(neuron));
        show(first);
    }

    /** A neuron clicked in the raster: its trace joins the others (the oldest gives way) and its balance is shown. */
    private void select(Integer neuron) {
        if (neuron == null) {
            return;
        }
        Set<Integer> shown = Arrays.stream(plots.voltages().shownNeurons()).boxed()
                .collect(Collectors.toCollection(LinkedHashSet::new));
        shown.add(neuron);
        while (shown.size() > MAX_TRACES) {
            shown.remove(shown.iterator().next());
        }
        plots.balance().showNeuron(neuron);
        show(shown.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Shows these neurons' traces (at most {@link #MAX_TRACES} of them are kept). */
    void show(int[] neurons) {
        int[] kept = Arrays.stream(neurons).limit(MAX_TRACES).toArray();
        plots.voltages().showNeurons(kept);
        field.setText(Arrays.stream(kept).mapToObj(Integer::toString).collect(Collectors.joining(", ")));
        message.setText("");
        field.pseudoClassStateChanged(INVALID, false);
        tellRunner();
    }

    /** Tells the runner which neurons to record and follow: after a change of traces, and before a run. */
    void tellRunner() {
        runner.setRecordedNeurons(plots.voltages().shownNeurons());
        runner.setBalanceNeurons(balanceNeurons());
    }

    private void applyField() {
        try {
            show(NeuronList.parse(field.getText(), neuronCount.getAsInt(), MAX_TRACES));
        } catch (IllegalArgumentException refused) {
            message.setText(Messages.reason(refused));
            field.pseudoClassStateChanged(INVALID, true);
        }
    }

    /** After a change of n: traces and selection only of neurons that still exist. */
    void keepNeuronsOf(int n) {
        Integer selected = plots.raster().selectedNeuronProperty().get();
        if (selected != null && selected >= n) {
            plots.raster().selectedNeuronProperty().set(null);
        }
        int[] shown = plots.voltages().shownNeurons();
        int[] existing = Arrays.stream(shown).filter(neuron -> neuron < n).toArray();
        if (existing.length < shown.length) {
            show(existing.length > 0 ? existing : new int[] {0});
        }
    }

    /**
     * The balance view shows the first of these: the selected neuron, or else the first one whose
     * voltage is shown. The other traced neurons are followed as well, so that selecting one of them
     * shows its balance with all its history.
     */
    private int[] balanceNeurons() {
        Set<Integer> followed = new LinkedHashSet<>();
        Integer selected = plots.raster().selectedNeuronProperty().get();
        if (selected != null) {
            followed.add(selected);
        }
        Arrays.stream(plots.voltages().shownNeurons()).forEach(followed::add);
        if (followed.isEmpty()) {
            followed.add(0);
        }
        return followed.stream().mapToInt(Integer::intValue).toArray();
    }
}
