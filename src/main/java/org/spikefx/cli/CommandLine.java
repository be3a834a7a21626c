package org.spikefx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import org.spikefx.Main;
import org.spikefx.Messages;
import org.spikefx.engine.EngineWarmUp;
import org.spikefx.export.AtomicFiles;

/**
 * The headless command line: {@code spikefx simulate ...}, {@code render} and {@code bench} run here
 * without a window; only {@code render} starts JavaFX, on its headless platform, to draw. Bad input
 * gets one line on stderr and exit code 2; a run that fails (a disk that fills up) gets one line and
 * exit code 1; an interrupted run (Ctrl-C) exit code 130.
 */
public final class CommandLine {
    /** Exit code for a run that could not be completed. */
    public static final int FAILED = 1;
    /** Exit code for arguments the command does not accept. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an interrupted run, as shells report a process stopped by Ctrl-C. */
    public static final int INTERRUPTED = 130;
    /** How long an interrupted command has to finish before the program ends without it: users expect about a second. */
    static final long CLEAN_UP_MILLIS = 800;
    private static final System.Logger LOG = System.getLogger(CommandLine.class.getName());

    private CommandLine() {
    }

    /**
     * The subcommands. Picocli is given only the one that runs: the model of all of them takes a third of
     * a second to build at start, longer than a default run's network build.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(SimulateCommand.class, TrainCommand.class,
            RenderCommand.class, BenchCommand.class, Brian2Command.class, SweepCommand.class);
    /**
     * The commands whose run is mostly one network's build and steps, short enough that compiling them
     * is much of it: they start {@link EngineWarmUp}. Not bench, whose figures it would disturb, nor the
     * commands of other models or of many networks.
     */
    private static final Set<String> WARM_THE_ENGINE = Set.of("simulate", "render");
    /** The options of the top-level command, which picocli's standard help options give it. */
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /**
     * Whether these arguments ask for a command-line run rather than the window: a subcommand, help or
     * version. Decided from the names alone, so that the window's start builds no command-line model.
     */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (subcommandNamed(args[0]) != null || TOP_LEVEL_OPTIONS.contains(args[0]));
    }

    private static Class<?> subcommandNamed(String name) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (subcommand.getAnnotation(Command.class).name().equals(name)) {
                return subcommand;
            }
        }
        return null;
    }

    /**
     * Runs the command with System.out and System.err and returns the process exit code. On Ctrl-C
     * (SIGINT) or SIGTERM the command is interrupted and given {@link #CLEAN_UP_MILLIS} to remove its
     * unfinished files and say so; a command still busy then (JavaFX shutting down, a thread deep in a
     * computation) has its temporary files removed for it and the line printed for it, and the
     * program ends.
     */
    public static int run(String[] args) {
        if (args.length > 0 && WARM_THE_ENGINE.contains(args[0])) {
            // While picocli reads the options on this thread, the other core compiles the engine's loops.
            EngineWarmUp.startOnce();
        }
        ProgressBar.detectTerminal();
        // A thread of a library that dies (its timer, out of memory) must not print a trace: the command
        // reports what failed in its one line. Nothing is built here, so that it works with a full heap.
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                LOG.log(Level.DEBUG, "a thread ended by a failure", failure));
        PrintWriter err = new PrintWriter(System.err, true);
        CountDownLatch finished = new CountDownLatch(1);
        String name = args.length > 0 && !args[0].startsWith("-") ? "spikefx " + args[0] : "spikefx";
        Thread hook = new Thread(interrupter(Thread.currentThread(), finished, CLEAN_UP_MILLIS, () -> {
            AtomicFiles.removeUnfinished();
            err.println(name + ": interrupted");
        }), "interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(args, new PrintWriter(System.out, true), err);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownUnderWay) {
                // The hook is running and returns now that the command has finished.
            }
        }
    }

    /**
     * What runs when the program is told to end: interrupts the command, waits at most
     * {@code waitMillis} for it to finish, and runs {@code abandon} if it has not.
     */
    static Runnable interrupter(Thread command, CountDownLatch finished, long waitMillis, Runnable abandon) {
        return () -> {
            command.interrupt();
            try {
                if (!finished.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    abandon.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(create(args), args, out, err);
    }

    /** Runs the given command line; every failure, Errors included, becomes one line on {@code err} and an exit code. */
    static int run(picocli.CommandLine spikefx, String[] args, PrintWriter out, PrintWriter err) {
        spikefx.setOut(out);
        spikefx.setErr(err);
        spikefx.setParameterExceptionHandler(oneLineForBadInput());
        spikefx.setExecutionExceptionHandler((e, command, parsed) ->
                reportFailure(command.getCommandSpec().qualifiedName(), e, command.getErr()));
        int exitCode;
        try {
            exitCode = spikefx.execute(args);
        } catch (RuntimeException | Error e) { // picocli passes Errors, such as running out of memory, through
            exitCode = reportFailure(commandName(spikefx), e, err);
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    /**
     * The command line for these arguments: with the one subcommand they name, or with all of them
     * (for the top-level help, and for the suggestions after a mistyped name).
     */
    static picocli.CommandLine create(String[] args) {
        picocli.CommandLine spikefx = new picocli.CommandLine(new SpikeFxCommand());
        Class<?> named = args.length > 0 ? subcommandNamed(args[0]) : null;
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (named == null || named == subcommand) {
                spikefx.addSubcommand(subcommand);
            }
        }
        // Picocli's own words for a number it cannot read name Java's types ("'abc' is not an int").
        // Each converter is made once for both its types: two identical method references make two
        // identical lambda classes, which Java 17's class-data-sharing archive of the app image cannot hold.
        picocli.CommandLine.ITypeConverter<Integer> wholeNumber = CommandLine::wholeNumber;
        picocli.CommandLine.ITypeConverter<Double> number = CommandLine::number;
        spikefx.registerConverter(Integer.class, wholeNumber);
        spikefx.registerConverter(Integer.TYPE, wholeNumber);
        spikefx.registerConverter(Double.class, number);
        spikefx.registerConverter(Double.TYPE, number);
        return spikefx;
    }

    /** The names of the commands, as --help lists them: "simulate, train, render, bench, brian2, sweep". */
    public static String commandNames() {
        return String.join(", ", SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList());
    }

    /**
     * An option's whole number, or a reason in words: not a number, not whole, or beyond any value an
     * option allows. A whole number written as a decimal (2.0, 1e3) is that number.
     */
    static int wholeNumber(String text) {
        double value;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notAnInt) {
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException("'" + text + "' is not a whole number");
            }
        }
        if (value != Math.rint(value)) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new TypeConversionException("'" + text + "' is " + (value > 0 ? "larger" : "smaller")
                    + " than any value this option allows");
        }
        return (int) value;
    }

    /** An option's number, or a reason in words. */
    static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
    }

    private static IParameterExceptionHandler oneLineForBadInput() {
        return (ParameterException e, String[] args) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            String message = e.getMessage() == null ? "these arguments are not accepted" : e.getMessage();
            if (e instanceof UnmatchedArgumentException unmatched) {
                // Picocli finds option names close to a mistyped one; for a typo they are what is allowed.
                message += unmatched.getSuggestions().isEmpty() ? ""
                        : "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
                message += " (see '" + command + " --help')";
            }
            e.getCommandLine().getErr().println(command + ": " + Messages.shorten(message));
            return BAD_INPUT;
        };
    }

    /**
     * One line for a run that could not be completed, and its exit code: {@link #INTERRUPTED} for an
     * interrupt, {@link #BAD_INPUT} for input found wrong only once the work began, {@link #FAILED} for
     * the rest. The stack trace goes to the log, at a level switched on with {@code -Dspikefx.debug=true}.
     */
    static int reportFailure(String name, Throwable e, PrintWriter err) {
        LOG.log(Level.DEBUG, name + " failed", e);
        // Consumed here, since ending the command is the answer to it. An interrupt can also surface
        // as an IOException from the file channel it closed.
        boolean interrupted = Thread.interrupted();
        String line;
        int exitCode;
        if (interrupted || e instanceof CancellationException || e instanceof ClosedByInterruptException) {
            line = "interrupted";
            exitCode = INTERRUPTED;
        } else if (e instanceof OutOfMemoryError) {
            line = Messages.outOfMemory() + "; give Java more with -Xmx (java -Xmx4g -jar spikefx.jar ...),"
                    + (name.endsWith(" render")
                    // A figure's pixels take more memory than its run, unless the network is large.
                    ? " or draw a smaller figure (--width, --height, --scale), a smaller network (--n, --p) or a"
                            + " shorter window (--from, --to)"
                    : " or choose a smaller network (--n, --p), fewer recorded neurons (--nrec) or a shorter run (--T)");
            exitCode = FAILED;
        } else if (e instanceof IllegalArgumentException) {
            // Found only once the work begins, such as a network too large for the memory there is.
            line = Messages.reason(e);
            exitCode = BAD_INPUT;
        } else if (e instanceof IOException) {
            line = Messages.reason(e);
            exitCode = FAILED;
        } else {
            line = "failed: " + Messages.reason(e) + " (java -D" + Main.DEBUG_PROPERTY + "=true -jar ... shows the details)";
            exitCode = FAILED;
        }
        err.println(name + ": " + line);
        err.flush();
        return exitCode;
    }

    /** The name of the command that was run, as its messages start: "spikefx simulate". */
    private static String commandName(picocli.CommandLine spikefx) {
        picocli.CommandLine.ParseResult parsed = spikefx.getParseResult();
        while (parsed != null && parsed.subcommand() != null) {
            parsed = parsed.subcommand();
        }
        return parsed == null ? spikefx.getCommandSpec().qualifiedName() : parsed.commandSpec().qualifiedName();
    }
}
