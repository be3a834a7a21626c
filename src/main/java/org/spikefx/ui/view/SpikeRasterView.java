package org.spikefx.ui.view;

import java.nio.IntBuffer;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Rectangle2D;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.chart.ValueAxis;

import org.spikefx.run.Batch;
import org.spikefx.ui.model.PixelRegion;
import org.spikefx.ui.model.SpikeRaster;
import org.spikefx.ui.model.TimeWindow;

/**
 * Every spike of every neuron over the shared time window: an image whose pixels the {@link SpikeRaster}
 * model paints, shown through a pixel buffer. Each pulse copies only the pixels the new spikes changed;
 * no node or chart item exists per spike. Hovering shows the neuron and time under the pointer; a
 * click selects the neuron nearest to it ({@link #selectedNeuronProperty()}).
 *
 * <p>The spike colour is the CSS property {@code -spike-color}.
 */
public final class SpikeRasterView extends XYChart<Number, Number> implements RunView {
    /** Recent spikes kept to repaint from after a resize: 4 Mi spikes, 32 MB at most. */
    public static final int DEFAULT_RING_CAPACITY = 1 << 22;

    private static final StyleablePropertyFactory<SpikeRasterView> STYLES =
            new StyleablePropertyFactory<>(XYChart.getClassCssMetaData());

    private final StyleableProperty<Color> spikeColor =
            STYLES.createStyleableColorProperty(this, "spikeColor", "-spike-color", view -> view.spikeColor, Color.BLACK);
    private final ObjectProperty<Integer> selectedNeuron = new SimpleObjectProperty<>(this, "selectedNeuron");
    private final TimeWindow window;
    private final PlotAxis timeAxis;
    private final PlotAxis neuronAxis;
    private final GridLines grid = new GridLines(getPlotChildren());
    private final SpikeRaster raster;
    private final ImageView image = new ImageView();
    private final Region selectionMarker = new Region();
    private final Label readout = new Label();
    private final Rectangle band = new Rectangle();
    private double bandFrom = Double.NaN;
    private double bandTo = Double.NaN;
    private final ScreenCopy[] screens = new ScreenCopy[2];
    private int front;
    /** The model's pixel array that the screen's copies were made from. */
    private int[] shownFrom;
    private int plotWidth;
    private int plotHeight;
    /** What the raster was last asked to show: the layout sets it again only if the redraw did not. */
    private double shownStart = Double.NaN;
    private double shownSpan = Double.NaN;
    private int shownWidth;
    private int shownHeight;

    public SpikeRasterView(TimeWindow window) {
        this(window, DEFAULT_RING_CAPACITY);
    }

    /** @param ringCapacity how many recent spikes are kept to repaint from after a resize */
    public SpikeRasterView(TimeWindow window, int ringCapacity) {
        this(window, ringCapacity, new PlotAxis("time (s)"), new PlotAxis("neuron"));
    }

    private SpikeRasterView(TimeWindow window, int ringCapacity, PlotAxis timeAxis, PlotAxis neuronAxis) {
        super(timeAxis, neuronAxis);
        this.window = window;
        this.timeAxis = timeAxis;
        this.neuronAxis = neuronAxis;
        raster = new SpikeRaster(ringCapacity);
        // An XYChart lays out nothing without a data list, even an empty one.
        setData(FXCollections.observableArrayList());
        setAnimated(false);
        setLegendVisible(false);
        getStyleClass().addAll("time-plot", "spike-raster");

        image.getStyleClass().add("raster-image");
        image.setPickOnBounds(true);
        image.setSmooth(false);
        image.setOnMouseMoved(this::showReadout);
        image.setOnMouseExited(event -> readout.setVisible(false));
        image.setOnMouseClicked(event -> {
            if (event.isStillSincePress()) {
                selectedNeuron.set(neuronUnder(event));
            }
        });
        selectionMarker.getStyleClass().add("selected-neuron");
        selectionMarker.setMouseTransparent(true);
        readout.getStyleClass().addAll("raster-readout", FIGURE_CONTROL);
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        band.getStyleClass().addAll("zoom-band", FIGURE_CONTROL);
        band.setMouseTransparent(true);
        band.setVisible(false);
        getPlotChildren().addAll(image, selectionMarker, band, readout);
        // The plot over the axes: their lines cover the image's edge columns, where the first volley at
        // t = 0 falls (all of it, in a network that then falls silent).
        image.getParent().getParent().toFront();

        selectedNeuron.addListener((property, old, neuron) -> requestChartLayout());
        spikeColorProperty().addListener((property, old, color) -> {
            raster.setSpikeColor(argb(color));
            upload();
        });
        raster.setSpikeColor(argb(spikeColor.getValue()));
    }

    /** The neuron last clicked, or null; set it to mark a neuron from elsewhere. */
    public ObjectProperty<Integer> selectedNeuronProperty() {
        return selectedNeuron;
    }

    /** Colour of a spike; the stylesheet sets it through {@code -spike-color}. */
    @SuppressWarnings("unchecked")
    public ObjectProperty<Color> spikeColorProperty() {
        return (ObjectProperty<Color>) spikeColor;
    }

    /** The model behind the image, for tests and export. */
    public SpikeRaster raster() {
        return raster;
    }

    @Override
    public void accept(Batch batch) {
        window.advanceTo(batch.endTime());
        raster.add(batch);
    }

    @Override
    public void redraw() {
        timeAxis.setRange(window.start(), window.end());
        if (plotWidth > 0 && plotHeight > 0) {
            showWindow();
        }
        // The image goes to the screen when the chart lays out, as the line charts' paths do: uploaded
        // here, it would show a frame ahead of them while the run goes on.
        requestChartLayout();
    }

    /** While a repaint of many spikes goes on over several frames. */
    @Override
    public boolean wantsRedraw() {
        return raster.repainting();
    }

    /** Empties the raster; a selected neuron stays selected if the new network has it. */
    @Override
    public void reset(int neuronCount, double dt) {
        raster.reset(neuronCount, dt);
        neuronAxis.setRange(0, neuronCount);
        if (selectedNeuron.get() != null && selectedNeuron.get() >= neuronCount) {
            selectedNeuron.set(null);
        }
        readout.setVisible(false);
        redraw();
    }

    @Override
    protected void layoutPlotChildren() {
        plotWidth = (int) Math.floor(timeAxis.getWidth());
        plotHeight = (int) Math.floor(neuronAxis.getHeight());
        if (plotWidth < 1 || plotHeight < 1) {
            return;
        }
        timeAxis.setRange(window.start(), window.end());
        if (window.start() != shownStart || window.span() != shownSpan || plotWidth != shownWidth
                || plotHeight != shownHeight) {
            // Set here only if the pulse's redraw did not: a repaint in progress goes on once a frame.
            showWindow();
        }
        upload();
        Integer neuron = selectedNeuron.get();
        selectionMarker.setVisible(neuron != null);
        if (neuron != null) {
            int top = raster.topRow(neuron);
            selectionMarker.resizeRelocate(0, top - 1, plotWidth, raster.bottomRow(neuron) - top + 3);
        }
        readout.autosize();
        readout.relocate(4, 4);
        grid.layout(timeAxis, neuronAxis, plotWidth, plotHeight);
        band.setVisible(!Double.isNaN(bandFrom));
        if (band.isVisible()) {
            double left = timeAxis.getDisplayPosition(bandFrom);
            double right = timeAxis.getDisplayPosition(bandTo);
            band.setX(Math.min(left, right));
            band.setWidth(Math.abs(right - left));
            band.setY(0);
            band.setHeight(plotHeight);
        }
    }

    /** Shows the window's span on the plot's pixels, going on with a repaint in progress. */
    private void showWindow() {
        shownStart = window.start();
        shownSpan = window.span();
        shownWidth = plotWidth;
        shownHeight = plotHeight;
        raster.setView(shownStart, shownSpan, plotWidth, plotHeight);
    }

    /** Marks the stretch [from, to) seconds of a box zoom in progress; NaN hides the mark. */
    public void showBand(double from, double to) {
        bandFrom = from;
        bandTo = to;
        requestChartLayout();
    }

    /** The time axis, shared in range with every other time plot. */
    public ValueAxis<Number> timeAxis() {
        return timeAxis;
    }

    /** Copies the changed pixels to the screen, or shows a new image after a resize. */
    /**
     * Brings the image on screen up to date. The screen shows one of two copies of the model's pixels
     * while the other is written: the renderer may still be drawing the last frame from the copy shown
     * while the FX thread works on the next, and a copy written then would put the next frame's spikes
     * on screen a frame ahead of the other views. Each copy takes the pixels that changed since it was
     * last written, inside {@link PixelBuffer#updateBuffer}, and the two swap.
     */
    private void upload() {
        if (raster.width() == 0) {
            return;
        }
        int[] painted = raster.paintedPixels();
        if (screens[0] == null || shownFrom != painted) {
            raster.takeDirtyRegion();
            shownFrom = painted;
            for (int k = 0; k < 2; k++) {
                screens[k] = new ScreenCopy(raster.width(), raster.height(), painted);
            }
            front = 0;
            image.setImage(screens[0].image);
            return;
        }
        raster.takeDirtyRegion().ifPresent(region -> {
            screens[0].changed(region);
            screens[1].changed(region);
        });
        ScreenCopy back = screens[1 - front];
        if (back.update(painted, raster.width())) {
            image.setImage(back.image);
            front = 1 - front;
        }
    }

    /** One copy of the image for the screen, with the region that changed since it was last written. */
    private static final class ScreenCopy {
        final PixelBuffer<IntBuffer> buffer;
        final WritableImage image;
        private int minX = Integer.MAX_VALUE;
        private int minY = Integer.MAX_VALUE;
        private int maxX;
        private int maxY;

        ScreenCopy(int width, int height, int[] pixels) {
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels.clone()), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }

        void changed(PixelRegion region) {
            minX = Math.min(minX, region.x());
            minY = Math.min(minY, region.y());
            maxX = Math.max(maxX, region.x() + region.width());
            maxY = Math.max(maxY, region.y() + region.height());
        }

        /** Copies the changed region from the model's pixels; false if nothing changed. */
        boolean update(int[] pixels, int width) {
            if (minX >= maxX || minY >= maxY) {
                return false;
            }
            int x = minX;
            int y0 = minY;
            int w = maxX - minX;
            int h = maxY - minY;
            buffer.updateBuffer(changed -> {
                int[] screen = changed.getBuffer().array();
                for (int y = y0; y < y0 + h; y++) {
                    System.arraycopy(pixels, y * width + x, screen, y * width + x, w);
                }
                return new Rectangle2D(x, y0, w, h);
            });
            minX = Integer.MAX_VALUE;
            minY = Integer.MAX_VALUE;
            maxX = 0;
            maxY = 0;
            return true;
        }
    }

    private void showReadout(MouseEvent event) {
        readout.setText(String.format(Locale.ROOT, "neuron %d, t = %.4f s", neuronUnder(event),
                raster.timeAt(event.getX())));
        readout.setVisible(true);
        requestChartLayout();
    }

    /**
     * The neuron at the pixel under the pointer. The pointer reports the pixel's top-left corner, which
     * touches the pixels to its left and above as much as its own; picking from the pixel's centre
     * makes a spike on that very pixel the nearest.
     */
    private int neuronUnder(MouseEvent event) {
        return raster.neuronAt(Math.floor(event.getX()) + 0.5, Math.floor(event.getY()) + 0.5);
    }

    private static int argb(Color color) {
        return (int) Math.round(color.getOpacity() * 255) << 24 | (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return STYLES.getCssMetaData();
    }

    // The raster draws no chart series: its spikes come in batches, not as chart data.

    @Override
    protected void dataItemAdded(Series<Number, Number> series, int itemIndex, Data<Number, Number> item) {
    }

    @Override
    protected void dataItemRemoved(Data<Number, Number> item, Series<Number, Number> series) {
    }

    @Override
    protected void dataItemChanged(Data<Number, Number> item) {
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
    }

    @Override
    protected void seriesRemoved(Series<Number, Number> series) {
    }
}
