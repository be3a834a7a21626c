package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NeuronListTest {

    @Test
    void readsCommasAndSpacesAndDropsRepeats() {
        assertArrayEquals(new int[] {5, 17, 300}, NeuronList.parse(" 5, 17 300;5 ", 2000, 8));
    }

    @Test
    void refusesWithTheReason() {
        assertEquals("'x' is not a neuron: neurons are whole numbers from 0 to 1999",
                assertThrows(IllegalArgumentException.class, () -> NeuronList.parse("1, x", 2000, 8)).getMessage());
        assertEquals("neuron 5000 does not exist: neurons are whole numbers from 0 to 1999",
                assertThrows(IllegalArgumentException.class, () -> NeuronList.parse("5000", 2000, 8)).getMessage());
        assertEquals("no neuron given: list one or more, e.g. 0, 1, 2",
                assertThrows(IllegalArgumentException.class, () -> NeuronList.parse("  ", 2000, 8)).getMessage());
        assertEquals("3 neurons given: at most 2 traces fit on the chart",
                assertThrows(IllegalArgumentException.class, () -> NeuronList.parse("1 2 3", 2000, 2)).getMessage());
    }
}
