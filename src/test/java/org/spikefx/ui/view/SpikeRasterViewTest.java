package org.spikefx.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.run.Batch;
import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.TimeWindow;

@ExtendWith(ApplicationExtension.class)
class SpikeRasterViewTest {
    private static final int NEURONS = 1000;
    private static final double DT = 1e-4;
    /** Pairs (step, neuron): neurons 500 and 501 share a pixel row, as there are fewer rows than neurons. */
    private static final int[] SPIKES = {1_234, 17, 3_050, 500, 7_050, 501, 9_876, 999};

    private final TimeWindow window = TimeWindow.wholeRun(1.0);
    private SpikeRasterView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new SpikeRasterView(window);
        view.raster().setMaxDotPixels(1);
        view.reset(NEURONS, DT);
        scene = new Scene(view, 700, 450);
        scene.getStylesheets().add(RunView.stylesheet());
        stage.setScene(scene);
        // The stage is shared: a window test before this one may have maximised or sized it.
        stage.setMaximized(false);
        stage.show();
        stage.sizeToScene();
    }

    private void feedSpikes(FxRobot robot) {
        Batch batch = TestBatches.withSpikes(0, 10_000, DT, NEURONS, SPIKES);
        robot.interact(() -> {
            view.accept(batch);
            view.redraw();
        });
    }

    private ImageView imageView() {
        return (ImageView) view.lookup(".raster-image");
    }

    /** Where a spike must be, worked out from the image size: time left to right, neuron 0 at the bottom. */
    private Point2D expectedPixel(int step, int neuron) {
        Image image = imageView().getImage();
        int x = (int) Math.floor(step * DT / (window.span() / image.getWidth()));
        int y = (int) (image.getHeight() - 1 - Math.floor((double) neuron * image.getHeight() / NEURONS));
        return new Point2D(x, y);
    }

    private List<Point2D> colouredPixels() {
        Image image = imageView().getImage();
        PixelReader pixels = image.getPixelReader();
        List<Point2D> coloured = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (pixels.getColor(x, y).getOpacity() > 0) {
                    coloured.add(new Point2D(x, y));
                }
            }
        }
        return coloured;
    }

    @Test
    void eachSpikeColoursExactlyItsPixelOfTheImageThatFillsThePlot(FxRobot robot) {
        feedSpikes(robot);

        Image image = imageView().getImage();
        assertEquals(Math.floor(view.getXAxis().getWidth()), image.getWidth(), "one image column per plot pixel");
        assertEquals(Math.floor(view.getYAxis().getHeight()), image.getHeight());
        List<Point2D> expected = new ArrayList<>();
        for (int i = 0; i < SPIKES.length; i += 2) {
            expected.add(expectedPixel(SPIKES[i], SPIKES[i + 1]));
        }
        List<Point2D> coloured = colouredPixels();
        assertEquals(expected.size(), coloured.size(), "coloured pixels " + coloured);
        assertTrue(coloured.containsAll(expected), "expected " + expected + ", coloured " + coloured);
    }

    @Test
    void theSpikeColourComesFromTheStylesheetForLightAndDark(FxRobot robot) {
        feedSpikes(robot);
        Point2D spike = expectedPixel(SPIKES[0], SPIKES[1]);
        assertEquals(Color.web("#1b3a6b"), imageView().getImage().getPixelReader().getColor((int) spike.getX(),
                (int) spike.getY()));

        robot.interact(() -> {
            scene.getRoot().getStyleClass().add("dark");
            view.applyCss();
        });
        assertEquals(Color.web("#a8c8ff"), imageView().getImage().getPixelReader().getColor((int) spike.getX(),
                (int) spike.getY()));
    }

    private Point2D onScreen(Point2D pixel) {
        return imageView().localToScreen(pixel.getX() + 0.5, pixel.getY() + 0.5);
    }

    @Test
    void aClickOnASpikeSelectsItsNeuronEvenWhereNeuronsShareARow(FxRobot robot) {
        feedSpikes(robot);
        Point2D first = expectedPixel(SPIKES[2], SPIKES[3]);
        Point2D second = expectedPixel(SPIKES[4], SPIKES[5]);
        assertEquals(first.getY(), second.getY(), "the two neurons share a row");

        robot.clickOn(onScreen(first));
        assertEquals(500, view.selectedNeuronProperty().get());
        robot.clickOn(onScreen(second));
        assertEquals(501, view.selectedNeuronProperty().get());
    }

    @Test
    void aClickSelectsTheSpikeOnThePixelUnderThePointerRatherThanOneBesideIt(FxRobot robot) {
        double secondsPerPixel = window.span() / imageView().getImage().getWidth();
        int column = 200;
        int left = (int) Math.ceil(column * secondsPerPixel / DT) + 1;
        int right = (int) Math.ceil((column + 1) * secondsPerPixel / DT) + 1;
        Batch neighbours = TestBatches.withSpikes(0, 10_000, DT, NEURONS, left, 500, right, 501);
        robot.interact(() -> {
            view.accept(neighbours);
            view.redraw();
        });
        Point2D pixel = expectedPixel(right, 501);
        assertEquals(new Point2D(column + 1, expectedPixel(left, 500).getY()), pixel, "neighbours in one row");

        // A pointer on a pixel reports that pixel's top-left corner, the edge it shares with its neighbours.
        robot.clickOn(imageView().localToScreen(pixel.getX(), pixel.getY()));

        assertEquals(501, view.selectedNeuronProperty().get());
    }

    @Test
    void hoveringShowsTheNeuronAndTimeUnderThePointer(FxRobot robot) {
        feedSpikes(robot);
        Point2D spike = expectedPixel(SPIKES[2], SPIKES[3]);
        robot.moveTo(onScreen(spike));

        Label readout = (Label) view.lookup(".raster-readout");
        assertTrue(readout.isVisible());
        Matcher text = Pattern.compile("neuron (\\d+), t = (\\d\\.\\d{4}) s").matcher(readout.getText());
        assertTrue(text.matches(), readout.getText());
        assertEquals("500", text.group(1));
        double secondsPerPixel = window.span() / imageView().getImage().getWidth();
        assertEquals(SPIKES[2] * DT, Double.parseDouble(text.group(2)), 1.5 * secondsPerPixel);
    }

    @Test
    void resetClearsTheImage(FxRobot robot) {
        feedSpikes(robot);
        robot.interact(() -> view.reset(NEURONS, DT));
        assertEquals(List.of(), colouredPixels());
        assertEquals(0, view.raster().storedSpikes());
    }
}
