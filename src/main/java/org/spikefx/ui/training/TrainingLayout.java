package org.spikefx.ui.training;

import java.util.function.Consumer;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.spikefx.params.NetworkParameters;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.RunView;

/**
 * What Training mode adds to the window: the training plot above the other plots, the training
 * controls under the parameters, and the spectrum window they open. All of it is made the first time
 * Training mode is chosen (most runs never show it, and a launch is faster without it); the window
 * only says which mode it is in and where its own parts are.
 */
public final class TrainingLayout {
    /** Height share of the training plot above the other plots. */
    private static final double TRAINING_PLOT_SHARE = 0.36;

    private final TrainingModel training;
    private final TimeWindow window;
    private final Window owner;
    private final Consumer<RunView> addView;
    /** In Training mode the training plot sits above the other plots. */
    private final SplitPane centre = new SplitPane();
    /** In Training mode the training controls sit under the parameters. */
    private final VBox left = new VBox();
    private TrainingView view;
    private TrainingPanel panel;
    private SpectrumWindow spectrum;
    private NetworkParameters running;

    /**
     * @param addView where the training plot goes to get every batch, once it is made
     * @param panelWidth the width of the window's left column
     */
    public TrainingLayout(TrainingModel training, TimeWindow window, Window owner, Consumer<RunView> addView,
                          double panelWidth) {
        this.training = training;
        this.window = window;
        this.owner = owner;
        this.addView = addView;
        centre.setOrientation(Orientation.VERTICAL);
        left.getStyleClass().add("left-column");
        left.setPrefWidth(panelWidth);
        left.setMaxWidth(panelWidth);
    }

    /** The run that is starting: the training plot starts with it, the spectrum takes its network's radius. */
    public void newRun(NetworkParameters params) {
        running = params;
    }

    /**
     * Lays the window out for the mode: in Training mode the training parts join the window's
     * {@code parameters} and {@code plots}; otherwise those two are alone in it.
     */
    public void layOut(boolean trainingMode, BorderPane root, Node parameters, Node plots) {
        if (trainingMode) {
            make();
            left.getChildren().setAll(parameters, panel);
            VBox.setVgrow(parameters, Priority.ALWAYS);
            root.setLeft(left);
            centre.getItems().setAll(view, plots);
            centre.setDividerPositions(TRAINING_PLOT_SHARE);
            root.setCenter(centre);
        } else {
            centre.getItems().clear();
            left.getChildren().clear();
            root.setLeft(parameters);
            root.setCenter(plots);
        }
    }

    /** The training plot, made if it was not yet. */
    public TrainingView view() {
        make();
        return view;
    }

    private void make() {
        if (view != null) {
            return;
        }
        view = new TrainingView(training, window);
        panel = new TrainingPanel(training, this::showSpectrum);
        addView.accept(view);
        panel.visibleProperty().bind(training.modeProperty().isEqualTo(TrainingModel.Mode.TRAINING));
        panel.managedProperty().bind(panel.visibleProperty());
        if (running != null) {
            view.reset(running.n(), running.dt()); // a run may be on its way: the view starts with it
        }
    }

    private void showSpectrum() {
        if (spectrum == null) {
            spectrum = new SpectrumWindow(training, owner);
        }
        if (running != null) {
            spectrum.setRandomRadius(Math.abs(running.g()) / Math.sqrt(running.p()));
        }
        spectrum.show();
    }
}
