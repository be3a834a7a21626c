package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

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
            assertTrue(help.contains(parameter.description() + " (" + unit + "default "
                    + Parameter.format(parameter.defaultValue()) + ")"), parameter.key() + " in:\n" + help);
        }
    }

    @Test
    void noSubcommandIsBadInput() {
        Invocation invocation = Invocation.of();
        assertEquals(CommandLine.BAD_INPUT, invocation.exitCode());
        assertEquals(1, invocation.errLines().size(), invocation.err());
    }
}
