package org.spikefx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

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
    private static final long CLEAN_UP_SECONDS = 5;

    private CommandLine() {
    }

    /** Whether these arguments ask for a command-line run rather than the window: a subcommand, help or version. */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        picocli.CommandLine spikefx = create();
        return spikefx.getSubcommands().containsKey(args[0])
                || spikefx.getCommandSpec().optionsMap().containsKey(args[0]);
    }

    /**
     * Runs the command with System.out and System.err and returns the process exit code. On Ctrl-C the
     * run is interrupted and given a few seconds to remove its unfinished files before the JVM exits.
     */
    public static int run(String[] args) {
        Thread command = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread interrupter = new Thread(() -> {
            command.interrupt();
            try {
                finished.await(CLEAN_UP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(interrupter);
        try {
            return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupter);
            } catch (IllegalStateException shutdownUnderWay) {
                // The hook is running and returns now that the command has finished.
            }
        }
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        picocli.CommandLine spikefx = create();
        spikefx.setOut(out);
        spikefx.setErr(err);
        spikefx.setParameterExceptionHandler(oneLineForBadInput());
        spikefx.setExecutionExceptionHandler(oneLineForFailedRun());
        int exitCode = spikefx.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    private static picocli.CommandLine create() {
        return new picocli.CommandLine(new SpikeFxCommand());
    }

    private static IParameterExceptionHandler oneLineForBadInput() {
        return (ParameterException e, String[] args) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            String message = e.getMessage();
            if (e instanceof UnmatchedArgumentException unmatched) {
                // Picocli finds option names close to a mistyped one; for a typo they are what is allowed.
                message += unmatched.getSuggestions().isEmpty() ? ""
                        : "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
                message += " (see '" + command + " --help')";
            }
            e.getCommandLine().getErr().println(command + ": " + message);
            return BAD_INPUT;
        };
    }

    private static IExecutionExceptionHandler oneLineForFailedRun() {
        return (Exception e, picocli.CommandLine command, picocli.CommandLine.ParseResult parsed) -> {
            String name = command.getCommandSpec().qualifiedName();
            // Consumed here, since ending the command is the answer to it. An interrupt can also surface
            // as an IOException from the file channel it closed.
            boolean interrupted = Thread.interrupted();
            if (interrupted || e instanceof CancellationException) {
                command.getErr().println(name + ": interrupted");
                return INTERRUPTED;
            }
            if (e instanceof IOException) {
                command.getErr().println(name + ": " + e.getMessage());
                return FAILED;
            }
            if (e instanceof IllegalArgumentException refused) {
                // Found only once the work begins, such as a network too large for the memory there is.
                command.getErr().println(name + ": " + refused.getMessage());
                return BAD_INPUT;
            }
            throw e;
        };
    }
}
