package org.spikefx.ui.model;

import java.util.Arrays;
import java.util.Optional;

import org.spikefx.run.Batch;

/**
 * The raster plot as an image: every spike of the visible window marks its neuron's row in its time
 * column. Neuron 0 is at the bottom; with more neurons than rows, several neurons share a row, and each
 * pixel counts the spikes that fall on it so that dense stretches look denser. With fewer neurons than
 * rows, each neuron gets a band of rows, drawn as a tick with a gap above it.
 *
 * <p>Spikes are painted as they arrive. Only when the window scrolls, resizes or changes colour is
 * anything painted again, from a {@link SpikeRing} of recent spikes whose size is bounded. Pixels are
 * premultiplied ARGB, as a JavaFX pixel buffer wants them; the dirty region says what changed.
 *
 * <p>Pixel column c (counted from time 0) covers the times [c w, (c+1) w) with w = span / width; a
 * spike of step s is at time s dt.
 */
public final class SpikeRaster {
    /** A spike within this many pixels of the pointer counts as under it. */
    public static final double PICK_RADIUS = 4;
    /**
     * How much of its pixel one spike covers: SHADING / (neurons per row), at most all of it. When a
     * quarter of the neurons that share a row fire within one pixel column, the pixel is two-thirds
     * covered (1 - 1/e); with a row or more per neuron, one spike colours its pixel fully.
     */
    private static final double SHADING = 4;
    private static final int MAX_COUNT = 255;
    /** Widest spike mark, in pixels: where spikes are few (a short stretch, a quiet network), each is a dot this big. */
    public static final int MAX_DOT_PIXELS = 5;
    /**
     * A spike's mark is about 1 / DOT_SPACING of the side of the area each spike has to itself on
     * average (the square root of pixels per spike), between 1 and {@link #MAX_DOT_PIXELS} pixels: at
     * the default run's whole 2 s one pixel, at 100 ms two.
     */
    private static final double DOT_SPACING = 2.5;
    /**
     * Where the marks are sparse, a spike covers at least SPARSE_COVERAGE / (marks per pixel) of its
     * pixels: at a quarter of a mark per pixel, the whole of them.
     */
    private static final double SPARSE_COVERAGE = 0.25;

    private final SpikeRing ring;
    private int neuronCount = 1;
    private double dt = 1;
    private double span = 1;
    private int width;
    private int height;
    private double columnSeconds = 1;
    /** Column shown at x = 0. */
    private long firstColumn;
    private byte[] counts = new byte[0];
    private int[] pixels = new int[0];
    private int spikeColor = 0xFF000000;
    private final int[] shades = new int[MAX_COUNT + 1];
    /**
     * Spikes painted from the ring per frame at most, about 2 ms on two cores: a repaint of more (a zoom over a wide
     * window of a large network, millions of spikes) goes on over the next frames, so that no frame of a
     * gesture waits for all of it. It goes in passes over the whole view, every k-th spike in each: each
     * frame of a gesture, which starts the repaint anew, shows the whole view a little lighter, rather
     * than its left part alone.
     */
    public static final int REPAINT_SPIKES_PER_FRAME = 100_000;

    /** A repaint from the ring that goes on over several frames. */
    private final RingRepaint repaint = new RingRepaint();
    /** Side of a spike's mark in pixels. */
    private int dot = 1;
    private int maxDot = MAX_DOT_PIXELS;
    /** Least opacity of a spike for how sparse the marks of the view are; 0 before any. */
    private double sparseOpacity;
    /** A re-run's spikes of the steps [detailFrom, detailTo), for a stretch the ring no longer holds. */
    private int detailFrom;
    private int detailTo;
    private int[] detailSteps = new int[0];
    private int[] detailNeurons = new int[0];
    /**
     * Each neuron's mark, its top and bottom pixel rows, for the size, neuron count and dot side they
     * were worked out for: a repaint paints hundreds of thousands of spikes per frame, and working out a
     * mark takes several long divisions.
     */
    private int[] markTops = new int[0];
    private int[] markBottoms = new int[0];
    private long marksFor = -1;
    private int dirtyMinX;
    private int dirtyMinY;
    private int dirtyMaxX;
    private int dirtyMaxY;

    /** @param ringCapacity how many recent spikes are kept to repaint from */
    public SpikeRaster(int ringCapacity) {
        ring = new SpikeRing(ringCapacity);
        updateShades();
        takeDirtyRegion();
    }

    /** Starts an empty raster for a run of {@code neuronCount} neurons and steps of {@code dt} seconds. */
    public void reset(int neuronCount, double dt) {
        if (neuronCount < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("a raster needs at least one neuron and a step > 0, not n = "
                    + neuronCount + ", dt = " + dt);
        }
        this.neuronCount = neuronCount;
        this.dt = dt;
        ring.clear();
        clearDetail();
        repaint.stop();
        sparseOpacity = 0;
        firstColumn = 0;
        Arrays.fill(counts, (byte) 0);
        Arrays.fill(pixels, 0);
        updateShades();
        markAllDirty();
    }

    /**
     * Shows {@code span} seconds from {@code start} on {@code width} x {@code height} pixels. A new size
     * or span repaints from the ring; a window that moved right shifts the image and paints only the
     * columns it exposes.
     */
    public void setView(double start, double span, int width, int height) {
        if (width < 1 || height < 1 || !(span > 0)) {
            throw new IllegalArgumentException("a raster needs at least one pixel and a span > 0, not "
                    + width + " x " + height + " over " + span + " s");
        }
        double crowding = spikesPerPixel(start, span, width, height);
        int newDot = dotFor(crowding);
        double newSparseOpacity = sparseOpacityFor(crowding, newDot);
        boolean recolour = newSparseOpacity != sparseOpacity;
        sparseOpacity = newSparseOpacity;
        if (width != this.width || height != this.height || span != this.span || newDot != dot) {
            dot = newDot;
            resize(start, span, width, height);
        } else {
            scrollTo((long) Math.floor(start / columnSeconds));
            continueRepaint();
            if (recolour) {
                updateShades();
                recolour();
            }
        }
    }

    /**
     * Spikes per pixel of the view's part that the run has reached (NaN if it has none): how crowded
     * the marks are.
     */
    private double spikesPerPixel(double start, double viewSpan, int viewWidth, int viewHeight) {
        int from = (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.floor(start / dt)));
        int to = (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.ceil((start + viewSpan) / dt)));
        int spikes = spikesBetween(from, to);
        int newest = ring.size() > 0 ? ring.step(ring.size() - 1) + 1 : 0;
        double filled = Math.max(0, Math.min(to, Math.max(newest, detailTo)) - from) * dt / viewSpan;
        return spikes == 0 || filled <= 0 ? Double.NaN : spikes / (filled * viewWidth * viewHeight);
    }

    /** The side of a spike's mark for this crowding: larger where each spike has more pixels to itself. */
    private int dotFor(double crowding) {
        if (Double.isNaN(crowding)) {
            return dot;
        }
        return (int) Math.max(1, Math.min(maxDot, Math.round(Math.sqrt(1 / crowding) / DOT_SPACING)));
    }

    /**
     * How much of its pixel a spike covers at least, for this crowding: where marks seldom meet (a
     * close look, a quiet network) each is drawn nearly solid, so that it stays visible on a projector;
     * in 1/32 steps, so that a run going on does not recolour the image every frame.
     */
    private double sparseOpacityFor(double crowding, int side) {
        if (Double.isNaN(crowding)) {
            return sparseOpacity;
        }
        double opacity = Math.min(1, SPARSE_COVERAGE / (crowding * side * side));
        return Math.floor(opacity * 32) / 32;
    }

    /** Spikes known of the steps [from, to). */
    private int spikesBetween(int from, int to) {
        int ringStart = ring.latestEvictedStep() + 1;
        int inRing = Math.max(0, ring.firstIndexAtOrAfter(to) - ring.firstIndexAtOrAfter(Math.max(from, ringStart)));
        int detailEnd = Math.min(to, ringStart);
        int inDetail = detailTo > detailFrom && from < detailEnd
                ? detailIndex(detailEnd) - detailIndex(from) : 0;
        return inRing + inDetail;
    }

    /** Index of the first of the re-run's spikes at or after {@code step}. */
    private int detailIndex(int step) {
        int low = 0;
        int high = detailSteps.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (detailSteps[middle] < step) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Every spike of the steps [fromStep, toStep), from a re-run, for a stretch the ring of recent spikes
     * no longer holds (replacing the stretch given before); the image is painted anew.
     */
    public void putSpikes(int fromStep, int toStep, int[] steps, int[] neurons) {
        detailFrom = fromStep;
        detailTo = toStep;
        detailSteps = steps.clone();
        detailNeurons = neurons.clone();
        if (width > 0) {
            Arrays.fill(counts, (byte) 0);
            paintFromRing(firstColumn);
            recolour();
        }
    }

    private void clearDetail() {
        detailFrom = 0;
        detailTo = 0;
        detailSteps = new int[0];
        detailNeurons = new int[0];
    }

    /** The first step of [from, to) whose spikes may not all be known; {@code to} if all are. */
    public int firstMissing(int from, int to) {
        int ringStart = ring.latestEvictedStep() + 1;
        if (from >= ringStart) {
            return to;
        }
        if (detailFrom <= from && detailTo > from) {
            return detailTo >= Math.min(to, ringStart) ? to : detailTo;
        }
        return from;
    }

    /** Whether every spike of the steps [from, to) is known (kept recently, or from a re-run). */
    public boolean coversSteps(int from, int to) {
        int ringStart = ring.latestEvictedStep() + 1;
        return from >= ringStart || detailFrom <= from && detailTo >= Math.min(to, ringStart);
    }

    /**
     * Stores the batch's spikes and paints those inside the window, unless a repaint in progress will.
     * They are painted from the ring by the loop a repaint uses, so that the loop is compiled to machine
     * code while the run streams, before the first zoom needs it.
     */
    public void add(Batch batch) {
        marksUpToDate();
        int[] steps = batch.spikeSteps();
        int[] neurons = batch.spikeNeurons();
        long firstNew = ring.firstNumber() + ring.size();
        for (int i = 0; i < steps.length; i++) {
            ring.add(steps[i], neurons[i]);
        }
        if (!repaint.inProgress()) {
            // The ring keeps only the newest spikes of a batch larger than it: the others are painted from the batch.
            long pushedOut = Math.min(steps.length, Math.max(0, ring.firstNumber() - firstNew));
            for (int i = 0; i < pushedOut; i++) {
                paint(steps[i], neurons[i]);
            }
            int from = (int) Math.max(0, firstNew - ring.firstNumber());
            ring.forEach(from, ring.size() - from, Integer.MAX_VALUE, this::paint);
        }
    }

    /** Colour of a spike, non-premultiplied ARGB; a pixel with many spikes gets it at full strength. */
    public void setSpikeColor(int argb) {
        spikeColor = argb;
        updateShades();
        recolour();
    }

    private void recolour() {
        for (int i = 0; i < counts.length; i++) {
            pixels[i] = shades[counts[i] & 0xFF];
        }
        markAllDirty();
    }

    private void resize(double start, double newSpan, int newWidth, int newHeight) {
        byte[] oldCounts = counts;
        int oldWidth = width;
        int oldHeight = height;
        double oldColumnSeconds = columnSeconds;
        long oldFirstColumn = firstColumn;

        span = newSpan;
        width = newWidth;
        height = newHeight;
        columnSeconds = newSpan / newWidth;
        firstColumn = (long) Math.floor(start / columnSeconds);
        boolean resampling = !coversSteps(firstStepOf(firstColumn), firstStepOf(firstColumn + width))
                && oldCounts.length > 0;
        if (resampling || counts.length != newWidth * newHeight) {
            counts = new byte[newWidth * newHeight];
            pixels = new int[newWidth * newHeight];
        } else {
            // A new span on the same pixels (every frame of a zoom): the arrays serve again.
            Arrays.fill(counts, (byte) 0);
        }
        updateShades();
        int resampled = resampling ? resample(oldCounts, oldWidth, oldHeight, oldColumnSeconds, oldFirstColumn) : 0;
        paintFromRing(firstColumn + resampled);
        recolour();
    }

    /**
     * The ring no longer has the oldest spikes of the window: the columns up to the newest pushed-out
     * spike take their counts from the old image instead, each new pixel the sum of the old pixels it
     * covers. Returns how many columns were filled this way.
     */
    private int resample(byte[] oldCounts, int oldWidth, int oldHeight, double oldColumnSeconds,
                         long oldFirstColumn) {
        double evictedUntil = ring.latestEvictedStep() * dt;
        int x = 0;
        for (; x < width && (firstColumn + x) * columnSeconds <= evictedUntil; x++) {
            long fromX = (long) Math.floor((firstColumn + x) * columnSeconds / oldColumnSeconds + 1e-9) - oldFirstColumn;
            long toX = (long) Math.ceil((firstColumn + x + 1) * columnSeconds / oldColumnSeconds - 1e-9) - oldFirstColumn;
            for (int y = 0; y < height; y++) {
                int fromY = (int) ((long) y * oldHeight / height);
                int toY = (int) (((long) (y + 1) * oldHeight + height - 1) / height);
                int sum = 0;
                for (long oldX = Math.max(0, fromX); oldX < Math.min(oldWidth, toX); oldX++) {
                    for (int oldY = fromY; oldY < toY; oldY++) {
                        sum += oldCounts[oldY * oldWidth + (int) oldX] & 0xFF;
                    }
                }
                counts[y * width + x] = (byte) Math.min(MAX_COUNT, sum);
            }
        }
        return x;
    }

    private void scrollTo(long column) {
        long shift = column - firstColumn;
        if (shift == 0) {
            return;
        }
        firstColumn = column;
        if (shift > 0 && shift < width && !repaint.inProgress()) {
            int kept = width - (int) shift;
            for (int row = 0; row < height; row++) {
                int rowStart = row * width;
                System.arraycopy(counts, rowStart + (int) shift, counts, rowStart, kept);
                System.arraycopy(pixels, rowStart + (int) shift, pixels, rowStart, kept);
                Arrays.fill(counts, rowStart + kept, rowStart + width, (byte) 0);
                Arrays.fill(pixels, rowStart + kept, rowStart + width, 0);
            }
            paintFromRing(column + kept);
        } else {
            Arrays.fill(counts, (byte) 0);
            Arrays.fill(pixels, 0);
            paintFromRing(column);
        }
        markAllDirty();
    }

    /** Paints the spikes of the columns from {@code fromColumn} to the right edge: the re-run's, then the ring's. */
    private void paintFromRing(long fromColumn) {
        marksUpToDate();
        int fromStep = firstStepOf(fromColumn);
        int endStep = firstStepOf(firstColumn + width);
        int ringFrom = fromStep;
        int ringStart = ring.latestEvictedStep() + 1;
        if (detailTo > detailFrom && fromStep < ringStart && detailTo > fromStep) {
            int detailEnd = Math.min(Math.min(detailTo, ringStart), endStep);
            for (int i = detailIndex(fromStep); i < detailSteps.length && detailSteps[i] < detailEnd; i++) {
                paint(detailSteps[i], detailNeurons[i]);
            }
            ringFrom = Math.max(fromStep, detailEnd);
        }
        repaint.start(ring, ringFrom, endStep, REPAINT_SPIKES_PER_FRAME);
        continueRepaint(REPAINT_SPIKES_PER_FRAME);
    }

    /** Paints up to {@code budget} more spikes of a repaint in progress. */
    private void continueRepaint(int budget) {
        if (repaint.inProgress()) {
            marksUpToDate();
            repaint.continueWith(ring, budget, this::paint);
        }
    }

    /** Whether a repaint is still in progress: the image does not yet show every spike of the view. */
    public boolean repainting() {
        return repaint.inProgress();
    }

    /** Goes on with a repaint in progress for one frame's worth of spikes. */
    public void continueRepaint() {
        continueRepaint(REPAINT_SPIKES_PER_FRAME);
    }

    /** Finishes a repaint in progress at once (for a figure, which must show every spike). */
    public void finishRepaint() {
        continueRepaint(Integer.MAX_VALUE - ring.size());
    }

    private void paint(int step, int neuron) {
        long x = columnOf(step) - firstColumn;
        if (x < 0 || x >= width || neuron < 0 || neuron >= neuronCount) {
            return;
        }
        int top = markTops[neuron];
        int bottom = markBottoms[neuron];
        int right = (int) Math.min(width, x + dot);
        for (int y = top; y <= bottom; y++) {
            for (int column = (int) x; column < right; column++) {
                int i = y * width + column;
                int count = Math.min(MAX_COUNT, (counts[i] & 0xFF) + 1);
                counts[i] = (byte) count;
                pixels[i] = shades[count];
            }
        }
        dirtyMinX = Math.min(dirtyMinX, (int) x);
        dirtyMaxX = Math.max(dirtyMaxX, right);
        dirtyMinY = Math.min(dirtyMinY, top);
        dirtyMaxY = Math.max(dirtyMaxY, bottom + 1);
    }

    /** What the marks depend on, in one number: height, neuron count and dot side. */
    private long marksKey() {
        return ((long) height << 40) ^ ((long) neuronCount << 8) ^ dot;
    }

    /** Works the marks out again if the size, the neuron count or the dot changed: once per paint, not per spike. */
    private void marksUpToDate() {
        long key = marksKey();
        if (key != marksFor) {
            workOutMarks(key);
        }
    }

    private void workOutMarks(long key) {
        if (markTops.length != neuronCount) {
            markTops = new int[neuronCount];
            markBottoms = new int[neuronCount];
        }
        for (int neuron = 0; neuron < neuronCount; neuron++) {
            markTops[neuron] = markTop(neuron);
            markBottoms[neuron] = markBottom(neuron);
        }
        marksFor = key;
    }

    /** Colour for each spike count: every spike covers a fraction of what the ones before left uncovered. */
    private void updateShades() {
        double perSpike = spikeOpacity();
        double colorAlpha = (spikeColor >>> 24) / 255.0;
        for (int count = 1; count <= MAX_COUNT; count++) {
            double alpha = colorAlpha * (1 - Math.pow(1 - perSpike, count));
            shades[count] = (int) Math.round(alpha * 255) << 24
                    | premultiplied(spikeColor >> 16, alpha) << 16
                    | premultiplied(spikeColor >> 8, alpha) << 8
                    | premultiplied(spikeColor, alpha);
        }
    }

    private static int premultiplied(int channel, double alpha) {
        return (int) Math.round((channel & 0xFF) * alpha);
    }

    private long columnOf(long step) {
        return (long) Math.floor(step * dt / columnSeconds);
    }

    /** The first step whose time falls in {@code column} or later. */
    private int firstStepOf(long column) {
        if (column <= 0) {
            return 0;
        }
        long step = Math.max(0, (long) Math.ceil(column * columnSeconds / dt) - 1);
        while (columnOf(step) < column) {
            step++;
        }
        return (int) Math.min(step, Integer.MAX_VALUE);
    }

    /**
     * How much of its pixel one spike covers, from 0 to 1: k spikes on one pixel cover 1 - (1 - this)^k
     * of it, each covering its share of what the ones before left uncovered.
     */
    public double spikeOpacity() {
        double neuronsPerRow = height > 0 ? Math.max(1.0, (double) neuronCount / height) : 1.0;
        return Math.max(sparseOpacity, Math.min(1.0, SHADING / neuronsPerRow));
    }

    /** Receives one spike. */
    @FunctionalInterface
    public interface SpikeConsumer {
        void accept(int step, int neuron);
    }

    /** The known spikes inside the window shown, oldest first: those a re-run gave, then the ring's. */
    public void forEachSpikeInView(SpikeConsumer consumer) {
        forEachSpike(firstStepOf(firstColumn), firstStepOf(firstColumn + width), consumer);
    }

    /** How many spikes {@link #forEachSpikeInView} gives. */
    public int spikesInView() {
        return spikeCount(firstStepOf(firstColumn), firstStepOf(firstColumn + width));
    }

    /**
     * The known spikes of the steps from {@code fromStep} up to, not including, {@code toStep}, oldest
     * first: the spikes of a time window counted in whole steps, whatever pixel columns it falls on.
     * Those the ring no longer holds come from a re-run's stretch, where there is one.
     */
    public void forEachSpike(int fromStep, int toStep, SpikeConsumer consumer) {
        int ringStart = ring.latestEvictedStep() + 1;
        int detailEnd = Math.min(Math.min(toStep, detailTo), ringStart);
        if (detailTo > detailFrom && fromStep < detailEnd) {
            for (int i = detailIndex(fromStep); i < detailSteps.length && detailSteps[i] < detailEnd; i++) {
                consumer.accept(detailSteps[i], detailNeurons[i]);
            }
        }
        int end = ring.firstIndexAtOrAfter(toStep);
        for (int i = ring.firstIndexAtOrAfter(Math.max(fromStep, ringStart)); i < end; i++) {
            consumer.accept(ring.step(i), ring.neuron(i));
        }
    }

    /** How many spikes {@link #forEachSpike} gives for these steps. */
    public int spikeCount(int fromStep, int toStep) {
        return fromStep >= toStep ? 0 : spikesBetween(fromStep, toStep);
    }

    /** Whether every spike of the window shown is known: kept in the ring, or from a re-run. */
    public boolean keepsEverySpikeInView() {
        return coversSteps(firstStepOf(firstColumn), firstStepOf(firstColumn + width));
    }

    /** Caps the side of a spike's mark (1: every spike exactly its own pixel, as a figure of the pixels wants). */
    public void setMaxDotPixels(int pixels) {
        if (pixels < 1 || pixels > MAX_DOT_PIXELS) {
            throw new IllegalArgumentException("a spike's mark must be from 1 to " + MAX_DOT_PIXELS + " pixels, not " + pixels);
        }
        maxDot = pixels;
        dot = Math.min(dot, pixels);
    }

    /** Side of a spike's mark, in pixels. */
    public int dotPixels() {
        return dot;
    }

    /** Pixel column of a spike at {@code step}; outside 0 .. width-1 when the step is outside the window. */
    public long x(int step) {
        return columnOf(step) - firstColumn;
    }

    /** Pixel row (0 at the top) of the lowest pixel of the neuron's mark. */
    public int bottomRow(int neuron) {
        return height - 1 - bandStart(neuron);
    }

    /** Pixel row of the highest pixel of a spike's mark: the neuron's rows, or a dot centred on them. */
    public int markTop(int neuron) {
        int top = topRow(neuron);
        int bottom = bottomRow(neuron);
        return bottom - top + 1 < dot ? Math.max(0, (top + bottom + 1 - dot) / 2) : top;
    }

    /** Pixel row of the lowest pixel of a spike's mark. */
    public int markBottom(int neuron) {
        int bottom = bottomRow(neuron);
        return bottom - topRow(neuron) + 1 < dot ? Math.min(height - 1, markTop(neuron) + dot - 1) : bottom;
    }

    /** Pixel row of the highest pixel of the neuron's mark. */
    public int topRow(int neuron) {
        int band = bandStart(neuron + 1) - bandStart(neuron);
        int drawn = band >= 3 ? band - 1 : Math.max(1, band);
        return bottomRow(neuron) - drawn + 1;
    }

    /** Rows below the neuron's band: neuron k starts at floor(k * height / n), counted from the bottom. */
    private int bandStart(int neuron) {
        return (int) ((long) neuron * height / neuronCount);
    }

    /** Time at the left edge of pixel position {@code x}. */
    public double timeAt(double x) {
        return (firstColumn + x) * columnSeconds;
    }

    /**
     * The neuron nearest to the point (x, y) of the image: the neuron of the nearest spike within
     * {@link #PICK_RADIUS} pixels, or else the neuron whose row is at y.
     */
    public int neuronAt(double x, double y) {
        int nearest = -1;
        double nearestDistance = PICK_RADIUS * PICK_RADIUS;
        long lastColumn = firstColumn + (long) Math.floor(x + PICK_RADIUS);
        int from = ring.firstIndexAtOrAfter(firstStepOf(firstColumn + (long) Math.floor(x - PICK_RADIUS)));
        for (int i = from; i < ring.size() && columnOf(ring.step(i)) <= lastColumn; i++) {
            int neuron = ring.neuron(i);
            double left = columnOf(ring.step(i)) - firstColumn;
            double dx = Math.max(0, Math.max(left - x, x - (left + 1)));
            double dy = Math.max(0, Math.max(topRow(neuron) - y, y - (bottomRow(neuron) + 1)));
            double distance = dx * dx + dy * dy;
            if (distance < nearestDistance || nearest < 0 && distance == nearestDistance) {
                nearest = neuron;
                nearestDistance = distance;
            }
        }
        if (nearest >= 0) {
            return nearest;
        }
        int fromBottom = (int) Math.floor((height - y) * neuronCount / height);
        return Math.max(0, Math.min(neuronCount - 1, fromBottom));
    }

    /** The changed pixels since the last call, if any; the caller copies them to the screen. */
    public Optional<PixelRegion> takeDirtyRegion() {
        Optional<PixelRegion> region = dirtyMinX >= dirtyMaxX || dirtyMinY >= dirtyMaxY ? Optional.empty()
                : Optional.of(new PixelRegion(dirtyMinX, dirtyMinY, dirtyMaxX - dirtyMinX, dirtyMaxY - dirtyMinY));
        dirtyMinX = Integer.MAX_VALUE;
        dirtyMinY = Integer.MAX_VALUE;
        dirtyMaxX = 0;
        dirtyMaxY = 0;
        return region;
    }

    private void markAllDirty() {
        dirtyMinX = 0;
        dirtyMinY = 0;
        dirtyMaxX = width;
        dirtyMaxY = height;
    }

    /**
     * The image with every spike of the view, row by row, premultiplied ARGB (a repaint in progress is
     * finished first); replaced by a new array when the size changes.
     */
    public int[] pixels() {
        finishRepaint();
        return pixels;
    }

    /** The image as painted so far (a repaint may be in progress), for the screen. */
    public int[] paintedPixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int neuronCount() {
        return neuronCount;
    }

    /** Step length of the run, in seconds: a spike of step s happened at s dt. */
    public double dt() {
        return dt;
    }

    /** Spikes kept for repainting. */
    public int storedSpikes() {
        return ring.size();
    }

    /** Room allocated for kept spikes. */
    public int allocatedSpikes() {
        return ring.allocated();
    }
}
