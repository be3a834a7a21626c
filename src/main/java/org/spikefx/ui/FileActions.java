package org.spikefx.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

import javafx.concurrent.Task;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import org.spikefx.Messages;
import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.export.AnimatedGif;
import org.spikefx.export.AtomicFile;
import org.spikefx.export.Brian2Project;
import org.spikefx.export.ConfigException;
import org.spikefx.export.DataExport;
import org.spikefx.export.RunConfig;
import org.spikefx.export.ReadoutCsvWriter;
import org.spikefx.export.RunConfigFile;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.export.Screenshot;
import org.spikefx.ui.export.SvgFigure;
import org.spikefx.ui.model.TimeWindow;
import org.spikefx.ui.training.ReadoutHistory;

/**
 * What the File menu does. Anything slow (data export, image encoding) runs on a background
 * thread of its own, with its progress and outcome in the status bar; every file is written to a
 * temporary file and renamed, so a failure leaves nothing half-written and the run goes on.
 */
final class FileActions {
    private static final System.Logger LOG = System.getLogger(FileActions.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final MainWindow main;

    FileActions(MainWindow main) {
        this.main = main;
    }

    void openConfig(Path file) {
        try {
            RunConfig config = RunConfigFile.read(file);
            main.apply(config);
            main.showNotice("Opened " + file.getFileName());
        } catch (ConfigException broken) {
            main.showProblem("Not opened: " + Messages.reason(broken));
        }
    }

    void saveConfig(Path file) {
        // A trained network's decoder is copied between two of its steps, on the simulation thread.
        main.currentConfigWithDecoder().whenComplete((config, failure) -> javafx.application.Platform.runLater(() -> {
            if (failure != null) {
                main.showProblem("Not saved: " + Messages.reason(failure.getCause() != null ? failure.getCause() : failure));
                return;
            }
            inBackground("Saving " + file.getFileName(), progress -> {
                RunConfigFile.write(file, config);
                return config.training() != null && config.training().hasDecoder()
                        ? List.of(file, RunConfigFile.decoderFileOf(file)) : List.of(file);
            });
        }));
    }

    void exportData(Path folder) {
        NetworkParameters params = main.running();
        int steps = Math.max(1, main.simulatedSteps());
        if (main.training().isTraining()) {
            exportReadout(folder, params, steps);
            return;
        }
        DataExport export;
        try {
            export = new DataExport(params, steps, main.display().rateBinMillisecondsProperty().get());
        } catch (IllegalArgumentException refused) {
            main.showProblem("Not exported: " + Messages.reason(refused));
            return;
        }
        String base = baseName(params, steps * params.dt());
        // Rounded as the status bar shows the time: steps * dt is rarely a short decimal.
        inBackground(String.format(Locale.ROOT, "Exporting the data of %.3f s", steps * params.dt()),
                progress -> export.writeTo(folder, base, progress));
    }

    /**
     * An animated GIF of the plots over the time window on screen, as the run comes in: the run is
     * simulated again off screen and each frame drawn at its exact step ({@link HeadlessFigure#renderAnimation}),
     * so the recording neither depends on nor slows down what the window shows. The frames have the plots'
     * size on screen.
     */
    void recordAnimation(Path file, double fps) {
        NetworkParameters running = main.running();
        TimeWindow window = main.plotArea().window();
        double from = Math.max(0, window.start());
        double to = window.end();
        int width = (int) Math.round(main.plotArea().getWidth());
        int height = (int) Math.round(main.plotArea().getHeight());
        NetworkParameters params;
        try {
            params = to > running.T() ? running.with(Parameter.T, to) : running;
            int frames = HeadlessFigure.animationFrames(from, to, fps);
            if (frames > AnimatedGif.MAX_FRAMES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%.1f s at %s frames per second is %,d"
                        + " frames, more than the %,d a recording may have: zoom into a shorter stretch",
                        to - from, Parameter.format(fps), frames, AnimatedGif.MAX_FRAMES));
            }
        } catch (IllegalArgumentException refused) {
            main.showProblem("Not recorded: " + Messages.reason(refused));
            return;
        }
        inBackground(String.format(Locale.ROOT, "Recording %.2f–%.2f s as %s", from, to, file.getFileName()),
                progress -> {
                    HeadlessFigure.renderAnimation(params, from, to, fps, null, width, height, 1, file, progress);
                    return List.of(file);
                });
    }

    /**
     * The running network as a Brian2 project in {@code folder} (a folder of its own is made inside it,
     * named after the run): built again on a background thread, so the window keeps running.
     */
    void exportBrian2(Path folder) {
        NetworkParameters params = main.running();
        Path project = folder.resolve(baseName(params, params.T()) + "_brian2");
        inBackground("Writing the Brian2 project " + project.getFileName(), progress -> {
            RandomNetwork network = ModelFactory.BALANCED_ALL_CORES.buildNetwork(params, progress);
            Brian2Project.write(project, params, network);
            return List.of(project.resolve(Brian2Project.SCRIPT), project.resolve(Brian2Project.PRE),
                    project.resolve(Brian2Project.POST), project.resolve(Brian2Project.WEIGHTS),
                    project.resolve(Brian2Project.VOLTAGES));
        });
    }

    /**
     * A trained run depends on when the teacher started and stopped training, which a re-run cannot
     * know: its export is the readout the window kept (every 0.5 ms: step, t, z, target). The
     * command line's {@code train} writes every spike and step of a trained run from its config.
     */
    private void exportReadout(Path folder, NetworkParameters params, int steps) {
        ReadoutHistory history = main.training().history();
        int size = history.size();
        int[] stepOf = new int[size];
        double[] z = new double[size];
        double[] target = new double[size];
        for (int k = 0; k < size; k++) {
            stepOf[k] = (int) Math.round(history.time(k) / params.dt());
            z[k] = history.value(k);
            target[k] = history.target(k);
        }
        Path file = folder.resolve(baseName(params, steps * params.dt()) + "_readout.csv");
        inBackground("Exporting the readout", progress -> {
            AtomicFile.write(file, out -> {
                ReadoutCsvWriter writer = new ReadoutCsvWriter(file, out, params.dt());
                for (int k = 0; k < size; k++) {
                    writer.addStep(stepOf[k], z[k], target[k]);
                }
                writer.close();
            });
            return List.of(file);
        });
    }

    /** The plots alone (without their controls), or the whole window, as PNG. */
    void savePng(Path file, boolean plotsOnly, int scale) {
        WritableImage image = plotsOnly ? Screenshot.ofPlots(main.plotArea(), scale) : Screenshot.of(main.root(), scale);
        inBackground("Saving " + file.getFileName(), progress -> {
            Screenshot.writePng(image, file);
            return List.of(file);
        });
    }

    /**
     * The plots as vector graphics, shown at {@code scale} times their size: read from the views here,
     * formatted and written in the background.
     */
    void saveSvg(Path file, int scale) {
        SvgFigure figure = new SvgFigure(main.plotArea(), scale);
        inBackground("Saving " + file.getFileName(), progress -> {
            figure.write(file);
            return List.of(file);
        });
    }

    void copyToClipboard(int scale) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(Screenshot.ofPlots(main.plotArea(), scale));
        Clipboard.getSystemClipboard().setContent(content);
        main.showNotice("Plots copied to the clipboard");
    }

    /** A file name with the key parameters and, if given, the simulated time: spikefx_n2000_g0.04_offset-40_seed100_t1.50s. */
    static String baseName(NetworkParameters params, Double seconds) {
        String name = String.format(Locale.ROOT, "spikefx_n%d_g%s_offset%s_seed%d", params.n(),
                Parameter.format(params.g()), Parameter.format(params.offset()), params.seed());
        return seconds == null ? name : name + String.format(Locale.ROOT, "_t%.2fs", seconds);
    }

    String imageName(String extension) {
        return baseName(main.running(), main.simulatedSteps() * main.running().dt()) + "_"
                + LocalDateTime.now().format(STAMP) + extension;
    }

    /** A piece of file work that must not hold up the window. */
    @FunctionalInterface
    private interface FileWork {
        List<Path> run(DoubleConsumer progress) throws IOException;
    }

    private void inBackground(String description, FileWork work) {
        Task<List<Path>> task = new Task<>() {
            @Override
            protected List<Path> call() throws IOException {
                return work.run(fraction -> updateProgress(fraction, 1.0));
            }
        };
        main.showNotice(description + "…");
        task.progressProperty().addListener((observable, old, fraction) -> {
            if (fraction.doubleValue() > 0 && fraction.doubleValue() < 1) {
                main.showNotice(String.format(Locale.ROOT, "%s… %.0f %%", description, 100 * fraction.doubleValue()));
            }
        });
        task.setOnSucceeded(event -> main.showNotice(description + ": done, "
                + task.getValue().size() + (task.getValue().size() == 1 ? " file" : " files") + " in "
                + task.getValue().get(0).toAbsolutePath().getParent()));
        task.setOnFailed(event -> {
            Throwable failure = task.getException();
            LOG.log(System.Logger.Level.DEBUG, description + " failed", failure);
            main.showProblem(description + " failed: " + (failure == null ? "an internal error" : Messages.reason(failure)));
        });
        // Not a daemon: closing the window during a save lets the save finish before the program ends.
        Thread thread = new Thread(task, "file-writer");
        thread.start();
    }
}
