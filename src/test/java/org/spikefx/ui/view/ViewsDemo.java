package org.spikefx.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Simulation;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.Batch;
import org.spikefx.ui.TestBatches;
import org.spikefx.ui.model.TimeWindow;

/**
 * All views stacked, fed by a simulation on a background thread, to look at them. Options:
 * {@code --n=2000 --T=2} (network and run length), {@code --follow=1} (a window of 1 s that scrolls,
 * for a long run), {@code --dark}. Clicking a neuron in the raster (or {@code --select=k}) records it
 * and shows its voltage and input.
 */
public final class ViewsDemo {
    private ViewsDemo() {
    }

    public static void main(String[] args) {
        // Launched through a class that is not the Application, so JavaFX loads from the class path.
        Application.launch(Window.class, args);
    }

    /** The demo window. */
    public static final class Window extends Application {
        private static final int STEPS_PER_BATCH = 100;

        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(32);
        private final AtomicInteger chosenNeuron = new AtomicInteger(0);

        @Override
        public void start(Stage stage) {
            Map<String, String> options = getParameters().getNamed();
            double follow = Double.parseDouble(options.getOrDefault("follow", "0"));
            NetworkParameters params = NetworkParameters.DEFAULTS
                    .with(Parameter.N, Double.parseDouble(options.getOrDefault("n", "2000")))
                    .with(Parameter.T, follow > 0 ? 600 : Double.parseDouble(options.getOrDefault("T", "2")));
            TimeWindow window = follow > 0 ? TimeWindow.following(follow) : TimeWindow.wholeRun(params.T());

            VoltageTraceView voltage = new VoltageTraceView(window);
            SpikeRasterView raster = new SpikeRasterView(window);
            PopulationRateView rate = new PopulationRateView(window);
            BalanceView balance = new BalanceView(window);
            StatisticsView statistics = new StatisticsView(window);
            List<RunView> views = List.of(voltage, raster, rate, balance, statistics);
            views.forEach(view -> view.reset(params.n(), params.dt()));
            raster.selectedNeuronProperty().addListener((property, old, neuron) -> {
                if (neuron != null) {
                    voltage.showNeurons(new int[] {0, 1, 2, neuron});
                    chosenNeuron.set(neuron);
                }
            });
            if (options.containsKey("select")) {
                raster.selectedNeuronProperty().set(Integer.valueOf(options.get("select")));
            }

            VBox stack = new VBox(voltage, raster, rate, balance, statistics);
            VBox.setVgrow(raster, Priority.ALWAYS);
            voltage.setPrefHeight(220);
            raster.setPrefHeight(330);
            rate.setPrefHeight(150);
            balance.setPrefHeight(170);
            statistics.setPrefHeight(170);
            if (getParameters().getUnnamed().contains("--dark")) {
                stack.getStyleClass().add("dark");
                stack.setStyle("-fx-base: #2b2d30; -fx-background: #1e1f22; -fx-control-inner-background: #26282b;");
            }
            Scene scene = new Scene(stack, 1600, 1000);
            scene.getStylesheets().add(RunView.stylesheet());
            stage.setScene(scene);
            stage.setTitle("SpikeFX views");
            stage.show();

            long started = System.nanoTime();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    List<Batch> arrived = new ArrayList<>();
                    queue.drainTo(arrived);
                    for (Batch batch : arrived) {
                        views.forEach(view -> view.accept(batch));
                    }
                    if (!arrived.isEmpty()) {
                        statistics.setRealTimeFactor(window.newest() / ((now - started) / 1e9));
                        views.forEach(RunView::redraw);
                    }
                }
            }.start();

            Thread simulation = new Thread(() -> simulate(params), "simulation");
            simulation.setDaemon(true);
            simulation.start();
        }

        private void simulate(NetworkParameters params) {
            Simulation simulation = new Simulation(params, RandomNetwork.build(params));
            int[] firstRecorded = IntStream.range(0, params.nrec()).toArray();
            int following = -1;
            try {
                while (!simulation.finished()) {
                    int chosen = chosenNeuron.get();
                    if (chosen != following) {
                        simulation.setRecordedNeurons(IntStream.concat(IntStream.of(firstRecorded), IntStream.of(chosen))
                                .distinct().toArray());
                        simulation.balance().follow(new int[] {chosen});
                        following = chosen;
                    }
                    queue.put(TestBatches.next(simulation, STEPS_PER_BATCH, 1));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

