package org.spikefx.ui.training;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.spikefx.Messages;
import org.spikefx.analysis.TickSpacing;

/**
 * The eigenvalue spectrum of the effective weights in the complex plane, before training (the random
 * weights alone: phi = 0) and after (w + eta phi^T with the decoder as it is now), with the circle of
 * radius g / sqrt(p) that the random part fills. Computed on request on a background thread, with
 * progress and a Cancel button; the FX thread only draws the result.
 */
public final class SpectrumWindow {
    private static final Logger LOG = System.getLogger(SpectrumWindow.class.getName());
    static final Color BEFORE = Color.web("#56B4E9");
    static final Color AFTER = Color.web("#D55E00");

    /** Room for the buttons, the progress bar and a plane in which the disc is large enough to read. */
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 560;

    private final TrainingModel model;
    private final Stage stage = new Stage();
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label state = new Label("Compute finds every eigenvalue of the running network's weights.");
    private final Button compute = new Button("Compute");
    private final Button cancel = new Button("Cancel");
    private double radius = Double.NaN;
    private EigenSpectrum.Eigenvalues before;
    private EigenSpectrum.Eigenvalues after;
    private int afterUpdates;
    private Task<?> running;

    public SpectrumWindow(TrainingModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("SpikeFX — eigenvalues of w + η·φᵀ");
        compute.setId("compute-spectrum");
        cancel.setId("cancel-spectrum");
        progress.setId("spectrum-progress");
        state.setId("spectrum-state");
        cancel.setDisable(true);
        compute.setOnAction(event -> compute());
        cancel.setOnAction(event -> cancelComputation());
        progress.setPrefWidth(220);
        HBox bar = new HBox(8, compute, cancel, progress, state);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(plot);
        root.setTop(bar);
        root.getStyleClass().add("spikefx");
        plot.widthProperty().addListener((p, o, w) -> draw());
        plot.heightProperty().addListener((p, o, h) -> draw());
        Scene scene = new Scene(root, 720, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(event -> cancelComputation());
    }

    public void show() {
        stage.show();
        stage.toFront();
        draw();
    }

    /** Sets the radius of the random part's disc, g / sqrt(p), for the circle drawn. */
    public void setRandomRadius(double r) {
        radius = r;
        draw();
    }

    Stage stage() {
        return stage;
    }

    private void compute() {
        if (running != null) {
            return;
        }
        state.setText("Taking the running network's weights…");
        compute.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(-1);
        model.commands().snapshot().whenComplete((snapshot, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                finish(Messages.reason(failure.getCause() != null ? failure.getCause() : failure));
            } else {
                start(snapshot);
            }
        }));
    }

    private void start(NetworkSnapshot snapshot) {
        boolean both = !snapshot.untrained();
        double[] zeros = new double[snapshot.decoder().length];
        Task<EigenSpectrum.Eigenvalues[]> task = new Task<>() {
            @Override
            protected EigenSpectrum.Eigenvalues[] call() {
                int parts = both ? 2 : 1;
                EigenSpectrum.Eigenvalues untrained = EigenSpectrum.compute(snapshot.weights(), snapshot.encoder(),
                        zeros, fraction -> updateProgress(fraction / parts, 1), this::isCancelled);
                EigenSpectrum.Eigenvalues trained = both ? EigenSpectrum.compute(snapshot.weights(),
                        snapshot.encoder(), snapshot.decoder(), fraction -> updateProgress((1 + fraction) / 2, 1),
                        this::isCancelled) : null;
                return new EigenSpectrum.Eigenvalues[] {untrained, trained};
            }
        };
        long startNanos = System.nanoTime();
        task.setOnSucceeded(event -> {
            EigenSpectrum.Eigenvalues[] found = task.getValue();
            before = found[0];
            after = found[1];
            afterUpdates = snapshot.updates();
            finish(String.format(Locale.ROOT, "%d eigenvalues %s in %.1f s", before.size(),
                    both ? "before and after training" : "(no decoder yet: before training only)",
                    (System.nanoTime() - startNanos) / 1e9));
            draw();
        });
        task.setOnFailed(event -> {
            Throwable problem = task.getException();
            LOG.log(Level.WARNING, "eigenvalue computation failed", problem);
            finish("The eigenvalues could not be computed: " + (problem == null ? "the decomposition failed"
                    : Messages.reason(problem)));
        });
        task.setOnCancelled(event -> finish("Cancelled"));
        progress.progressProperty().bind(task.progressProperty());
        state.setText(both ? "Computing before and after training…" : "Computing…");
        running = task;
        Thread worker = new Thread(task, "eigenvalues");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY); // the live network goes first
        worker.start();
    }

    private void cancelComputation() {
        if (running != null) {
            running.cancel(false); // the task stops at its next column or eigenvalue
        }
    }

    private void finish(String message) {
        running = null;
        progress.progressProperty().unbind();
        progress.setProgress(0);
        compute.setDisable(false);
        cancel.setDisable(true);
        state.setText(message);
    }

    /** The state line (for tests). */
    String stateText() {
        return state.getText();
    }

    private void draw() {
        double width = plot.getWidth();
        double height = plot.getHeight();
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        if (width < 50 || height < 50) {
            return;
        }
        boolean dark = stage.getScene().getRoot().getStyleClass().contains("dark");
        Color ink = dark ? Color.gray(0.85) : Color.gray(0.2);
        double reach = Double.isNaN(radius) ? 0.2 : 1.6 * radius;
        if (before != null) {
            reach = Math.max(reach, 1.1 * before.radius());
        }
        if (after != null) {
            reach = Math.max(reach, 1.1 * after.radius());
        }
        double margin = 50;
        double size = Math.min(width, height) - 2 * margin;
        double cx = width / 2;
        double cy = height / 2;
        double scale = size / 2 / reach;
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineWidth(1);
        g.strokeLine(cx - size / 2, cy, cx + size / 2, cy);
        g.strokeLine(cx, cy - size / 2, cx, cy + size / 2);
        double step = TickSpacing.step(2 * reach, 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v = step; v <= reach; v += step) {
            for (double s : new double[] {-v, v}) {
                g.strokeLine(cx + s * scale, cy - 3, cx + s * scale, cy + 3);
                g.fillText(String.format(Locale.ROOT, "%.2g", s), cx + s * scale, cy + 5);
            }
        }
        g.fillText("Re λ", cx + size / 2 - 15, cy + 20);
        g.fillText("Im λ", cx + 20, cy - size / 2);
        if (!Double.isNaN(radius)) {
            g.setLineDashes(6, 4);
            g.strokeOval(cx - radius * scale, cy - radius * scale, 2 * radius * scale, 2 * radius * scale);
            g.setLineDashes();
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(String.format(Locale.ROOT, "g/√p = %.3f", radius), cx + radius * scale * 0.72,
                    cy - radius * scale * 0.72 - 18);
        }
        dots(g, before, BEFORE, cx, cy, scale, 2.5);
        dots(g, after, AFTER, cx, cy, scale, 3.5);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        if (before != null) {
            g.setFill(BEFORE);
            g.fillText("● before training (w)", 10, 8);
        }
        if (after != null) {
            g.setFill(AFTER);
            g.fillText(String.format(Locale.ROOT, "● after %,d RLS updates (w + η·φᵀ)", afterUpdates), 10, 26);
        }
    }

    private static void dots(GraphicsContext g, EigenSpectrum.Eigenvalues values, Color colour, double cx, double cy,
                             double scale, double size) {
        if (values == null) {
            return;
        }
        g.setFill(colour);
        for (int k = 0; k < values.size(); k++) {
            g.fillOval(cx + values.re()[k] * scale - size / 2, cy - values.im()[k] * scale - size / 2, size, size);
        }
    }
}
