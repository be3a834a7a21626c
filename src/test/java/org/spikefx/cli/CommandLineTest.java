package org.spikefx.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void versionIsPrinted() {
        Invocation invocation = Invocation.of("--version");
        assertEquals(0, invocation.exitCode());
        assertEquals("spikefx 0.1.0", invocation.out().strip());
    }

    @Test
    void helpListsTheSimulateCommand() {
        Invocation invocation = Invocation.of("--help");
        assertEquals(0, invocation.exitCode());
        assertTrue(invocation.out().contains("simulate"), invocation.out());
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
