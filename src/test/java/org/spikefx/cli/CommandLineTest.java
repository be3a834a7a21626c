package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import org.spikefx.params.Parameter;

class CommandLineTest {

    @Test
    void subcommandsHelpAndVersionAreCommandsEverythingElseOpensTheWindow() {
        assertAll(
            () -> assertTrue(CommandLine.isCommand(new String[] {"simulate", "--n", "10"})),
            () -> assertTrue(CommandLine.isCommand(new String[] {"--help"})),
            () -> assertTrue(CommandLine.isCommand(new String[] {"-h"})),
            () -> assertTrue(CommandLine.isCommand(new String[] {"--version"})),
            () -> assertTrue(CommandLine.isCommand(new String[] {"-V"})),
            () -> assertFalse(CommandLine.isCommand(new String[0])),
            () -> assertFalse(CommandLine.isCommand(new String[] {"--n", "10"})),
            () -> assertFalse(CommandLine.isCommand(new String[] {"simulation"})));
    }

    @Test
    void versionIsTheOneTheSidecarsRecord() {
        // Tests run from target/classes, which has no manifest; the jar's manifest gives the real version.
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"simulate", "--version"},
                new String[] {"bench", "-V"})) {
            Invocation invocation = Invocation.of(args);
            assertEquals(0, invocation.exitCode(), invocation.err());
            assertEquals("spikefx dev", invocation.out().strip(), String.join(" ", args));
        }
    }

    @Test
    void helpListsTheCommands() {
        Invocation invocation = Invocation.of("--help");
        assertEquals(0, invocation.exitCode());
        for (String command : List.of("simulate", "render", "bench")) {
            assertTrue(invocation.out().contains(command), invocation.out());
        }
    }

    @Test
    void simulateHelpDescribesEveryParameterWithItsUnitAndDefault() {
        Invocation invocation = Invocation.of("simulate", "--help");
        assertEquals(0, invocation.exitCode());
        String help = invocation.out().replaceAll("\\s+", " ");
        for (Parameter parameter : Parameter.values()) {
            String unit = parameter.unit().isEmpty() ? "" : parameter.unit() + ", ";
            assertTrue(help.contains("--" + parameter.key() + "=<" + parameter.key() + ">"), parameter.key());
            String fewer = parameter == Parameter.NREC ? ", or n if smaller" : "";
            assertTrue(help.contains(parameter.description() + " (" + unit + "default "
                    + Parameter.format(parameter.defaultValue()) + fewer + ")"), parameter.key() + " in:\n" + help);
        }
    }

    @Test
    void noSubcommandIsBadInput() {
        Invocation invocation = Invocation.of();
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode());
        assertEquals(1, invocation.errLines().size(), invocation.err());
    }

    /** A command that fails as the test asks, to see how the command line reports it. */
    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        private final Throwable failure;

        Failing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception exception) {
                throw exception;
            }
            throw (Error) failure;
        }
    }

    private static Invocation failWith(Throwable failure) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLine.run(new picocli.CommandLine(new Failing(failure)), new String[0],
                new PrintWriter(out), new PrintWriter(err));
        return new Invocation(exitCode, out.toString(), err.toString());
    }

    @Test
    void runningOutOfMemoryIsOneLineSayingWhatToDo() {
        Invocation invocation = failWith(new OutOfMemoryError("Java heap space"));
        assertEquals(CommandLine.FAILED, invocation.exitCode());
        assertEquals(1, invocation.errLines().size(), invocation.err());
        String line = invocation.errLines().get(0);
        assertTrue(line.startsWith("failing: ran out of memory: the Java heap of "), line);
        for (String advice : List.of("-Xmx", "--nrec", "--T")) {
            assertTrue(line.contains(advice), advice + " missing from: " + line);
        }
    }

    @Test
    void renderRunningOutOfMemoryAdvisesASmallerFigure() {
        // A figure's pixels, not its recorded neurons, are what fills the heap of render at large sizes.
        StringWriter err = new StringWriter();
        int exitCode = CommandLine.reportFailure("spikefx render", new OutOfMemoryError("Java heap space"),
                new PrintWriter(err));
        assertEquals(CommandLine.FAILED, exitCode);
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        for (String advice : List.of("-Xmx", "--width", "--height", "--scale", "--from", "--to")) {
            assertTrue(line.contains(advice), advice + " missing from: " + line);
        }
    }

    @Test
    void aWholeNumberWrittenAsADecimalIsThatNumberAndAnythingElseIsSaidInWords() {
        assertEquals(1000, CommandLine.wholeNumber("1e3"));
        assertEquals(600, CommandLine.wholeNumber("600.0"));
        assertEquals(-4, CommandLine.wholeNumber("-4"));
        for (String text : List.of("2.5", "abc", "", "NaN", "1e10", "-1e10", "Infinity")) {
            picocli.CommandLine.TypeConversionException refused = assertThrows(
                    picocli.CommandLine.TypeConversionException.class, () -> CommandLine.wholeNumber(text));
            assertTrue(refused.getMessage().startsWith("'" + text + "' is "), refused.getMessage());
            assertFalse(refused.getMessage().matches(".*\\b(int|Integer|double|long)\\b.*"), refused.getMessage());
        }
        assertEquals(0.25, CommandLine.number("0.25"));
        assertEquals("'fast' is not a number", assertThrows(picocli.CommandLine.TypeConversionException.class,
                () -> CommandLine.number("fast")).getMessage());
    }

    @Test
    void theCommandsNamedToWindowUsersAreTheCommandsThereAre() {
        assertEquals(org.spikefx.Main.COMMANDS, CommandLine.commandNames());
    }

    @Test
    void aFailureWithoutAMessageIsNeverNullNorAClassName() {
        for (Throwable failure : List.of(new NullPointerException(), new IllegalStateException((String) null),
                new RuntimeException(new java.io.IOException()), new StackOverflowError(),
                new java.io.IOException(new java.io.EOFException()))) {
            Invocation invocation = failWith(failure);
            assertEquals(CommandLine.FAILED, invocation.exitCode(), invocation.err());
            assertEquals(1, invocation.errLines().size(), invocation.err());
            String line = invocation.errLines().get(0);
            assertFalse(line.contains("null") || line.contains("Exception") || line.contains("java.")
                    || line.contains("Error:"), line);
        }
    }

    @Test
    void aCodingErrorSaysHowToSeeTheDetails() {
        Invocation invocation = failWith(new NullPointerException("Cannot invoke \"Object.toString()\""));
        assertEquals(List.of("failing: failed: an internal error (java -Dspikefx.debug=true -jar ... shows the"
                + " details)"), invocation.errLines());
    }

    @Test
    void everyFailureIsLoggedWithItsStackTraceAtALevelUsersCanSwitchOn() {
        Logger log = Logger.getLogger(CommandLine.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(handler);
        try {
            NullPointerException failure = new NullPointerException();
            failWith(failure);
            failWith(new OutOfMemoryError("Java heap space"));
            assertEquals(2, records.size());
            assertEquals(failure, records.get(0).getThrown());
            assertEquals(Level.FINE, records.get(0).getLevel(), "DEBUG, off unless switched on");
            assertTrue(records.get(1).getThrown() instanceof OutOfMemoryError);
        } finally {
            log.removeHandler(handler);
            log.setLevel(before);
        }
    }

    @Test
    void anInterruptIgnoredByTheCommandEndsTheProgramWithinASecond() throws Exception {
        CountDownLatch neverFinished = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            long end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end && neverFinished.getCount() > 0) {
                Thread.onSpinWait(); // deaf to interrupts, as a thread deep in a computation
            }
        });
        busy.start();
        List<String> abandoned = new ArrayList<>();
        long start = System.nanoTime();
        CommandLine.interrupter(busy, neverFinished, CommandLine.CLEAN_UP_MILLIS, () -> abandoned.add("gave up"))
                .run();
        double seconds = (System.nanoTime() - start) / 1e9;
        neverFinished.countDown();
        busy.join();
        assertEquals(List.of("gave up"), abandoned);
        assertTrue(seconds < 1.0, seconds + " s");
    }
}
