package org.spikefx.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.spikefx.Main;
import org.spikefx.export.ConfigException;
import org.spikefx.export.RunConfig;
import org.spikefx.export.RunConfigFile;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.run.SimulationRunner;

/**
 * The window application. Arguments: {@code --config FILE} opens a saved configuration;
 * {@code --benchmark-ui SECONDS} runs at full speed for that long, prints the FX thread's frame
 * times and exits (with {@code --n N} for the network size); {@code --benchmark-training SECONDS} does
 * the same in Training mode, learning all the while, and {@code --benchmark-spectrum SECONDS} then
 * also times the eigenvalue spectrum of the network it trained; {@code --benchmark-start} opens the
 * window with the defaults, prints how long after the JVM's start the first spikes were on screen
 * ({@link StartBenchmark}), and exits; {@code --benchmark-large SECONDS} runs n = 20,000 (or --n) live
 * and prints its speed and how soon a pause acts ({@link LargeBenchmark}).
 */
public final class SpikeFxApplication extends Application {
    /**
     * The window's runner, made before JavaFX starts so that it builds the first network meanwhile
     * ({@link #launchWindow}); null when the application was launched otherwise (as in tests).
     */
    private static volatile SimulationRunner runnerAhead;

    @Override
    public void start(Stage stage) {
        WindowArguments arguments = WindowArguments.parseOrExit(getParameters().getRaw());
        addIconSoon(stage);
        StartBenchmark.mark(StartBenchmark.FX_STARTED);
        SimulationRunner runner = runnerAhead;
        runnerAhead = null;
        MainWindow window = runner == null ? new MainWindow(stage) : new MainWindow(stage, runner);
        if (arguments.benchmarkStart()) {
            StartBenchmark.run(window);
            return;
        }
        if (arguments.benchmarkSeconds() > 0) {
            if (arguments.benchmarkLarge()) {
                LargeBenchmark.run(window, arguments);
            } else if (arguments.benchmarkTraining() || arguments.benchmarkSpectrum()) {
                UiBenchmark.runTraining(window, arguments);
            } else {
                UiBenchmark.run(window, arguments);
            }
            return;
        }
        window.showPlotsFirst();
        window.show(arguments.config() == null ? NetworkParameters.DEFAULTS : arguments.config().params());
        if (arguments.config() != null) {
            window.apply(arguments.config());
        }
    }

    /**
     * Gives the stage the same icon as the packaged app's, for the task bar and the window switcher. The
     * image is decoded on a thread of its own: on the FX thread it took 40–80 ms of a launch's start.
     */
    private static void addIconSoon(Stage stage) {
        String icon = SpikeFxApplication.class.getResource("spikefx.png").toExternalForm();
        Thread decoder = new Thread(() -> {
            Image image = new Image(icon);
            Platform.runLater(() -> stage.getIcons().add(image));
        }, "window-icon");
        decoder.setDaemon(true);
        decoder.start();
    }

    /**
     * Checks the arguments before any window exists, so that a mistake is reported even without a
     * display; then has the runner build the first network on one core while JavaFX starts on the
     * other, which takes about as long, or read it, if an earlier launch kept it.
     */
    public static void launchWindow(String[] args) {
        WindowArguments arguments = WindowArguments.parseOrExit(List.of(args));
        if (arguments.benchmarkSeconds() == 0) { // a benchmark chooses its own network
            SimulationRunner runner = MainWindow.newRunner();
            runner.buildAhead(arguments.config() == null ? NetworkParameters.DEFAULTS : arguments.config().params(),
                    MainWindow.SPONTANEOUS, LaunchNetworkCache.forThisBuild());
            runnerAhead = runner;
            WindowPlacement.readSavedSizeAhead();
        }
        Application.launch(SpikeFxApplication.class, args);
    }

    /** Checks the window's arguments; if they are wrong, one line on stderr and exit code 2. */
    public static void checkArguments(String[] args) {
        WindowArguments.parseOrExit(List.of(args));
    }

    /** What the window was started with. */
    record WindowArguments(RunConfig config, double benchmarkSeconds, Integer benchmarkNeurons,
                           boolean benchmarkTraining, boolean benchmarkSpectrum, boolean benchmarkStart,
                           boolean benchmarkLarge) {
        /** The one window option without a value. */
        static final String BENCHMARK_START = "--benchmark-start";

        /** The arguments, or, if they are wrong, one line on stderr and exit code 2. */
        static WindowArguments parseOrExit(List<String> args) {
            try {
                return parse(args);
            } catch (IllegalArgumentException | ConfigException bad) {
                System.err.println("spikefx: " + bad.getMessage());
                System.exit(2);
                throw new IllegalStateException("unreachable: the process has exited");
            }
        }

        /** The window's options that take a value. */
        private static final Set<String> VALUE_OPTIONS = Set.of("--config", "--benchmark-ui", "--benchmark-training",
                "--benchmark-spectrum", "--benchmark-large", "--n");

        /** An argument neither the window nor the command line takes: a mistyped option or command. */
        private static String unknown(String argument) {
            return (argument.startsWith("-") ? "unknown option " + argument : "there is no command '" + argument + "'")
                    + "; the window takes --config FILE, --benchmark-ui SECONDS, --benchmark-training SECONDS,"
                    + " --benchmark-spectrum SECONDS, --benchmark-large SECONDS, --n N and " + BENCHMARK_START
                    + ", and the commands are " + Main.COMMANDS + " (see spikefx --help)";
        }

        static WindowArguments parse(List<String> args) throws ConfigException {
            RunConfig config = null;
            double seconds = 0;
            Integer neurons = null;
            boolean training = false;
            boolean spectrum = false;
            boolean start = false;
            boolean large = false;
            for (int k = 0; k < args.size(); k++) {
                String flag = args.get(k);
                if (flag.equals(BENCHMARK_START)) {
                    start = true;
                    continue;
                }
                if (!VALUE_OPTIONS.contains(flag)) {
                    throw new IllegalArgumentException(unknown(flag));
                }
                if (k + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a value; usage: spikefx [--config FILE]"
                            + " [--benchmark-ui|--benchmark-training|--benchmark-spectrum|--benchmark-large SECONDS [--n N]]"
                            + " [" + BENCHMARK_START + "]");
                }
                String value = args.get(++k);
                switch (flag) {
                    case "--config" -> config = RunConfigFile.read(Path.of(value));
                    case "--benchmark-ui" -> seconds = positive(flag, value);
                    case "--benchmark-training" -> {
                        seconds = positive(flag, value);
                        training = true;
                    }
                    case "--benchmark-spectrum" -> {
                        seconds = positive(flag, value);
                        spectrum = true;
                    }
                    case "--benchmark-large" -> {
                        seconds = positive(flag, value);
                        large = true;
                    }
                    case "--n" -> neurons = neuronCount(value);
                    default -> throw new IllegalArgumentException(unknown(flag));
                }
            }
            if (neurons != null && seconds == 0) {
                throw new IllegalArgumentException("--n goes with --benchmark-ui, --benchmark-training,"
                        + " --benchmark-spectrum or --benchmark-large; to open a"
                        + " network of n neurons,"
                        + " save a configuration or use the parameter panel");
            }
            if (start && (seconds > 0 || config != null)) {
                throw new IllegalArgumentException(BENCHMARK_START + " times the start of the window with the"
                        + " defaults, alone; it does not go with --config or another benchmark");
            }
            return new WindowArguments(config, seconds, neurons, training, spectrum, start, large);
        }

        private static int neuronCount(String value) {
            try {
                double n = Double.parseDouble(value);
                if (Parameter.N.accepts(n)) {
                    return (int) n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--n = " + value + " is not allowed: --n must be "
                    + Parameter.N.allowedRange());
        }

        private static double positive(String flag, String value) {
            try {
                double number = Double.parseDouble(value);
                if (number > 0 && Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " = " + value + " is not allowed: " + flag
                    + " must be a number > 0");
        }
    }
}
