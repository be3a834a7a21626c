package org.spikefx.ui.training;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.spikefx.analysis.TickSpacing;
import org.spikefx.run.Batch;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.view.RunView;

/**
 * The lesson's plot: the target and the readout z on the shared time window, the error z - target
 * beneath, and the phases shaded (training in orange, after training in green; before training left
 * plain). The header says ‖φ‖, the RLS updates and the recent error. Drawn on a canvas from the
 * {@link TrainingModel}'s history, once per frame, however long the run.
 */
public final class TrainingView extends BorderPane implements RunView {
    /** Okabe-Ito: the target in blue, the readout in vermillion, the error in reddish purple. */
    static final Color TARGET = Color.web("#0072B2");
    static final Color TARGET_DARK = Color.web("#56B4E9");
    static final Color READOUT = Color.web("#D55E00");
    static final Color READOUT_DARK = Color.web("#E69F00");
    static final Color ERROR = Color.web("#CC79A7");
    static final Color TRAINING_SHADE = Color.web("#E69F00", 0.18);
    static final Color AFTER_SHADE = Color.web("#009E73", 0.14);
    /** Share of the plot's height that the error takes, below the signals. */
    private static final double ERROR_SHARE = 0.3;
    /** The signals' axis reaches this multiple of the target's amplitude. */
    private static final double HEADROOM = 1.6;
    private static final double GAP = 6;

    private final TrainingModel model;
    private final TimeWindow window;
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);
    private final Label numbers = new Label();
    private final Label phaseLabel = new Label();

    public TrainingView(TrainingModel model, TimeWindow window) {
        this.model = model;
        this.window = window;
        getStyleClass().add("training-view");
        setId("training-view");
        numbers.setId("training-numbers");
        numbers.getStyleClass().add("training-numbers");
        phaseLabel.setId("training-phase");
        phaseLabel.getStyleClass().add("training-phase");
        Label target = legend("target", "training-legend-target", TARGET);
        Label readout = legend("readout z", "training-legend-readout", READOUT);
        Label error = legend("error", "training-legend-error", ERROR);
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox header = new HBox(12, target, readout, error, space, phaseLabel, numbers);
        header.getStyleClass().add("training-header");
        setTop(header);
        setCenter(plot);
        plot.setMinHeight(0);
        plot.widthProperty().addListener((property, old, width) -> redraw());
        plot.heightProperty().addListener((property, old, height) -> redraw());
        model.updatesProperty().addListener((property, old, count) -> showNumbers());
        model.decoderNormProperty().addListener((property, old, norm) -> showNumbers());
        model.recentErrorProperty().addListener((property, old, error1) -> showNumbers());
        model.phaseProperty().addListener((property, old, phase) -> showNumbers());
        model.trainingSwitchProperty().addListener((property, old, state) -> showNumbers());
        model.trainingStartsAtProperty().addListener((property, old, time) -> showNumbers());
        showNumbers();
    }

    private static Label legend(String text, String id, Color colour) {
        Label label = new Label("━ " + text);
        // Inline, so that a theme's label colour does not take the line's colour from its legend.
        label.setStyle("-fx-text-fill: " + web(colour) + ";");
        label.setId(id);
        label.getStyleClass().add("training-legend");
        return label;
    }

    private static String web(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255));
    }

    private void showNumbers() {
        double error = model.recentErrorProperty().get();
        numbers.setText(String.format(Locale.ROOT, "‖φ‖ = %.3g   RLS updates: %,d   error: %s",
                model.decoderNormProperty().get(), model.updatesProperty().get(),
                Double.isNaN(error) ? "–" : String.format(Locale.ROOT, "%.3f", error)));
        double startsAt = model.trainingStartsAtProperty().get();
        phaseLabel.setText(switch (model.trainingSwitchProperty().get()) {
            case ON -> Double.isNaN(startsAt) ? "Training (started by hand)"
                    : model.newestTimeProperty().get() < startsAt ? String.format(Locale.ROOT, "Training starts at"
                    + " the target's next upward zero crossing, t = %.3f s", startsAt)
                    : String.format(Locale.ROOT, "Training (started by hand at t = %.3f s)", startsAt);
            case OFF -> model.phaseProperty().get() == TrainingModel.Phase.BEFORE ? "Not training"
                    : "Stopped: on its own";
            case BY_WINDOW -> capitalised(model.phaseProperty().get().toString());
        });
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** Where the lesson stands, as the header says it. */
    public String phaseText() {
        return phaseLabel.getText();
    }

    /** The text shown beside the legend: ‖φ‖, updates and error. */
    public String numbersText() {
        return numbers.getText();
    }

    @Override
    public void accept(Batch batch) {
        model.accept(batch);
    }

    @Override
    public void reset(int neuronCount, double dt) {
        redraw();
    }

    @Override
    public void redraw() {
        double width = plot.getWidth();
        double height = plot.getHeight();
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        if (width < 40 || height < 40) {
            return;
        }
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().contains("dark");
        boolean large = getScene() != null && getScene().getRoot().getStyleClass().contains("presentation");
        Font font = Font.font(numbers.getFont().getFamily(), numbers.getFont().getSize() * 0.9);
        Color ink = dark ? Color.gray(0.85) : Color.gray(0.2);
        double lineWidth = large ? 2.5 : 1.5;
        double left = font.getSize() * 3.6;
        double bottom = font.getSize() * 1.6;
        double plotWidth = width - left - GAP;
        double signalHeight = (height - bottom - GAP) * (1 - ERROR_SHARE) - GAP;
        double errorTop = GAP + signalHeight + GAP;
        double errorHeight = height - bottom - errorTop;
        double from = window.start();
        double to = window.end();
        double amplitude = model.parametersProperty().get().targetAmplitude();
        double signalRange = HEADROOM * amplitude;
        double errorRange = amplitude;

        ReadoutHistory history = model.history();
        for (ReadoutHistory.Stretch stretch : history.stretches()) {
            if (stretch.phase() == TrainingModel.Phase.BEFORE || stretch.to() < from || stretch.from() > to) {
                continue;
            }
            double x0 = x(Math.max(stretch.from(), from), from, to, left, plotWidth);
            double x1 = x(Math.min(stretch.to(), to), from, to, left, plotWidth);
            g.setFill(stretch.phase() == TrainingModel.Phase.TRAINING ? TRAINING_SHADE : AFTER_SHADE);
            g.fillRect(x0, GAP, x1 - x0, height - bottom - GAP);
        }
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(left, GAP, plotWidth, signalHeight);
        g.strokeRect(left, errorTop, plotWidth, errorHeight);
        g.setFont(font);
        g.setFill(ink);
        valueTicks(g, signalRange, GAP, signalHeight, left);
        valueTicks(g, errorRange, errorTop, errorHeight, left);
        timeTicks(g, from, to, left, plotWidth, height - bottom);

        g.save();
        g.beginPath();
        g.rect(left, GAP, plotWidth, height - bottom - GAP);
        g.clip();
        g.setLineWidth(lineWidth);
        drawSeries(g, history, 0, from, to, left, plotWidth, GAP, signalHeight, signalRange, dark ? TARGET_DARK : TARGET);
        drawSeries(g, history, 1, from, to, left, plotWidth, GAP, signalHeight, signalRange,
                dark ? READOUT_DARK : READOUT);
        drawSeries(g, history, 2, from, to, left, plotWidth, errorTop, errorHeight, errorRange, ERROR);
        g.restore();
    }

    private static double x(double t, double from, double to, double left, double plotWidth) {
        return left + (t - from) / (to - from) * plotWidth;
    }

    /**
     * One line per pixel column at most: each column draws from the least to the largest value of its
     * samples, so a long run costs the width of the plot, not the number of samples.
     */
    private static void drawSeries(GraphicsContext g, ReadoutHistory history, int which, double from, double to,
                                   double left, double plotWidth, double top, double height, double range,
                                   Color colour) {
        int first = Math.max(0, history.indexAtOrAfter(from) - 1);
        if (first >= history.size()) {
            return;
        }
        double middle = top + height / 2;
        double scale = height / 2 / range;
        g.setStroke(colour);
        g.beginPath();
        boolean started = false;
        int column = Integer.MIN_VALUE;
        double low = 0;
        double high = 0;
        for (int k = first; k < history.size(); k++) {
            double t = history.time(k);
            double value = switch (which) {
                case 0 -> history.target(k);
                case 1 -> history.value(k);
                default -> history.value(k) - history.target(k);
            };
            double px = x(t, from, to, left, plotWidth);
            int c = (int) Math.floor(px);
            if (c != column) {
                if (column != Integer.MIN_VALUE) {
                    started = segment(g, started, column, middle - high * scale, middle - low * scale);
                }
                column = c;
                low = value;
                high = value;
            } else {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
            if (t > to) {
                break;
            }
        }
        if (column != Integer.MIN_VALUE) {
            segment(g, started, column, middle - high * scale, middle - low * scale);
        }
        g.stroke();
    }

    private static boolean segment(GraphicsContext g, boolean started, int column, double yTop, double yBottom) {
        double y0 = clamp(yTop);
        double y1 = clamp(yBottom);
        if (started) {
            g.lineTo(column + 0.5, y0);
        } else {
            g.moveTo(column + 0.5, y0);
        }
        if (y1 != y0) {
            g.lineTo(column + 0.5, y1);
        }
        return true;
    }

    /** Canvas coordinates far outside the plot would make the path slow to draw; the clip hides them anyway. */
    private static double clamp(double y) {
        return Math.max(-1e4, Math.min(1e4, y));
    }

    private static void valueTicks(GraphicsContext g, double range, double top, double height, double left) {
        double step = TickSpacing.step(2 * range, 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = -Math.floor(range / step) * step; v <= range + 1e-12; v += step) {
            double y = top + height / 2 - v / range * height / 2;
            g.strokeLine(left - 4, y, left, y);
            g.fillText(format(v), left - 6, y);
        }
    }

    private static void timeTicks(GraphicsContext g, double from, double to, double left, double plotWidth,
                                  double y) {
        double step = TickSpacing.step(to - from, 8);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = Math.ceil(from / step) * step; t <= to + step * 1e-9; t += step) {
            double px = x(t, from, to, left, plotWidth);
            g.strokeLine(px, y, px, y + 4);
            g.fillText(format(t), px, y + 5);
        }
    }

    private static String format(double value) {
        double rounded = Math.abs(value) < 1e-9 ? 0 : value;
        String text = String.format(Locale.ROOT, "%.3f", rounded);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
