package org.spikefx.ui.zoom;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.ValueAxis;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import org.spikefx.ui.model.TimeWindow;

/**
 * Zoom and pan in time: the presentation model that the time plots' gestures, the Time menu and the
 * keys act on. All of them move the one {@link TimeWindow} that every time plot shows, so the plots
 * stay on one axis.
 *
 * <table>
 * <caption>Gestures on any time plot</caption>
 * <tr><td>wheel</td><td>zoom in or out about the time under the pointer</td></tr>
 * <tr><td>drag</td><td>pan</td></tr>
 * <tr><td>Shift+drag, or drag with the right button</td><td>zoom into the stretch dragged over</td></tr>
 * <tr><td>double-click</td><td>the whole run</td></tr>
 * </table>
 * Keys (when no text field has the focus): + and − zoom about the middle, Home shows the whole run, F
 * follows the newest time or holds the view. A gesture holds the view; Follow (or Home) lets it move on
 * with the run again.
 */
public final class TimeZoom {
    /** One notch of the wheel (40 units of scroll) zooms by this factor. */
    private static final double ZOOM_PER_NOTCH = 1.25;
    private static final double SCROLL_UNITS_PER_NOTCH = 40;
    /** A box narrower than this (in pixels) is taken as a click, not a zoom. */
    private static final double MIN_BOX_PIXELS = 4;

    private final TimeWindow window;
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow");
    private final List<BiConsumer<Double, Double>> bands = new ArrayList<>();
    private boolean syncing;

    public TimeZoom(TimeWindow window) {
        this.window = window;
        follow.set(window.isFollowing());
        window.addListener(() -> {
            syncing = true;
            follow.set(window.isFollowing());
            syncing = false;
        });
        follow.addListener((property, old, on) -> {
            if (!syncing) {
                window.setFollowing(on);
            }
        });
    }

    /** Whether the time plots follow the newest time (true) or hold their range (false). */
    public BooleanProperty followProperty() {
        return follow;
    }

    public TimeWindow window() {
        return window;
    }

    /** Zooms in (factor below 1) or out about the middle of the range shown. */
    public void zoomAboutMiddle(double factor) {
        window.zoom(factor, window.start() + window.span() / 2);
    }

    /** The whole run; a run that goes on is followed again. */
    public void showWholeRun() {
        window.showWholeRun();
    }

    /**
     * Lets the plot with this node and time axis zoom and pan the shared window. {@code band} shows the
     * stretch of a box zoom while it is dragged, as (from, to) in seconds, or (NaN, NaN) to hide it; every
     * plot's band is told, so that the box spans all of them. It may be null for a plot that shows none.
     */
    public void install(Node plot, ValueAxis<Number> timeAxis, BiConsumer<Double, Double> band) {
        if (band != null) {
            bands.add(band);
        }
        Gesture gesture = new Gesture(timeAxis);
        plot.addEventHandler(ScrollEvent.SCROLL, gesture::scrolled);
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, gesture::pressed);
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, gesture::dragged);
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, gesture::released);
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, gesture::clicked);
    }

    /** Acts on a key of the time plots; returns whether it was one. Call only when no text field has the focus. */
    public boolean key(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.HOME) {
            showWholeRun();
        } else if (code == KeyCode.F) {
            follow.set(!follow.get());
        } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            zoomAboutMiddle(1 / ZOOM_PER_NOTCH / ZOOM_PER_NOTCH);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomAboutMiddle(ZOOM_PER_NOTCH * ZOOM_PER_NOTCH);
        } else {
            return false;
        }
        return true;
    }

    /** The Time menu: zoom, the whole run, Follow, with their keys. */
    public Menu menu() {
        MenuItem zoomIn = new MenuItem("Zoom in (+, or the wheel)");
        zoomIn.setOnAction(event -> zoomAboutMiddle(1 / ZOOM_PER_NOTCH / ZOOM_PER_NOTCH));
        MenuItem zoomOut = new MenuItem("Zoom out (−)");
        zoomOut.setOnAction(event -> zoomAboutMiddle(ZOOM_PER_NOTCH * ZOOM_PER_NOTCH));
        MenuItem whole = new MenuItem("Show the whole run (Home, or double-click a plot)");
        whole.setOnAction(event -> showWholeRun());
        CheckMenuItem following = new CheckMenuItem("Follow the newest time (F)");
        following.selectedProperty().bindBidirectional(follow);
        MenuItem hint = new MenuItem("Drag to pan; Shift+drag or right-drag to zoom into a stretch");
        hint.setDisable(true);
        Menu menu = new Menu("Time", null, zoomIn, zoomOut, whole, new SeparatorMenuItem(), following,
                new SeparatorMenuItem(), hint);
        menu.setId("time-menu");
        return menu;
    }

    private void showBand(double from, double to) {
        bands.forEach(band -> band.accept(from, to));
    }

    /** One plot's mouse: where a drag began, and whether it pans or draws a box. */
    private final class Gesture {
        private final ValueAxis<Number> axis;
        private double pressX = Double.NaN;
        private double lastX;
        private boolean box;
        private boolean dragged;

        Gesture(ValueAxis<Number> axis) {
            this.axis = axis;
        }

        /** The pointer's x along the axis, in pixels from its start; NaN outside the plot's width. */
        private double axisX(double sceneX, double sceneY) {
            Point2D local = axis.sceneToLocal(sceneX, sceneY);
            double x = local.getX();
            return x >= 0 && x <= axis.getWidth() && axis.getWidth() > 0 ? x : Double.NaN;
        }

        private double timeAt(double x) {
            return axis.getValueForDisplay(x).doubleValue();
        }

        void scrolled(ScrollEvent event) {
            double x = axisX(event.getSceneX(), event.getSceneY());
            if (Double.isNaN(x) || event.getDeltaY() == 0) {
                return;
            }
            window.zoom(Math.pow(ZOOM_PER_NOTCH, -event.getDeltaY() / SCROLL_UNITS_PER_NOTCH), timeAt(x));
            event.consume();
        }

        void pressed(MouseEvent event) {
            pressX = axisX(event.getSceneX(), event.getSceneY());
            lastX = pressX;
            box = event.isShiftDown() || event.getButton() == MouseButton.SECONDARY;
            dragged = false;
        }

        void dragged(MouseEvent event) {
            if (Double.isNaN(pressX)) {
                return;
            }
            double x = Math.max(0, Math.min(axis.getWidth(), axis.sceneToLocal(event.getSceneX(), event.getSceneY()).getX()));
            dragged = dragged || Math.abs(x - pressX) >= MIN_BOX_PIXELS;
            if (box) {
                showBand(Math.min(timeAt(pressX), timeAt(x)), Math.max(timeAt(pressX), timeAt(x)));
            } else if (dragged) {
                ((Node) event.getSource()).setCursor(Cursor.CLOSED_HAND);
                window.pan(timeAt(lastX) - timeAt(x));
                lastX = x;
            }
            event.consume();
        }

        void released(MouseEvent event) {
            if (!Double.isNaN(pressX) && box && dragged) {
                double x = Math.max(0, Math.min(axis.getWidth(), axis.sceneToLocal(event.getSceneX(), event.getSceneY()).getX()));
                double from = Math.min(timeAt(pressX), timeAt(x));
                double to = Math.max(timeAt(pressX), timeAt(x));
                window.showSpan(Math.max(0, from), Math.max(Math.max(0, from) + TimeWindow.MIN_SPAN_SECONDS, to));
            }
            if (box) {
                showBand(Double.NaN, Double.NaN);
            }
            ((Node) event.getSource()).setCursor(null);
            pressX = Double.NaN;
        }

        void clicked(MouseEvent event) {
            if (event.getClickCount() == 2 && event.getButton() == MouseButton.PRIMARY && !dragged) {
                showWholeRun();
                event.consume();
            }
        }
    }
}
