package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void theWholeRunStaysFromZeroToItsDuration() {
        TimeWindow window = TimeWindow.wholeRun(2);
        window.advanceTo(1.5);
        assertEquals(0, window.start());
        assertEquals(2, window.end());
    }

    @Test
    void aFollowingWindowStartsAtZeroThenKeepsTheNewestTimeAtItsRightEdge() {
        TimeWindow window = TimeWindow.following(1);
        window.advanceTo(0.4);
        assertEquals(0, window.start());
        assertEquals(1, window.end());
        window.advanceTo(3.25);
        window.advanceTo(3.0);
        assertEquals(2.25, window.start());
        assertEquals(3.25, window.end());
    }

    @Test
    void switchingModeStartsANewRunAtTimeZero() {
        TimeWindow window = TimeWindow.following(1);
        window.advanceTo(5);
        window.showWholeRun(3);
        assertEquals(0, window.newest());
        assertEquals(3, window.end());
        window.follow(0.5);
        assertEquals(0.5, window.end());
    }

    @Test
    void refusesAnEmptyWindowWithAMessage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TimeWindow.following(0));
        assertEquals("the time window must be a finite number of seconds > 0, not 0.0", error.getMessage());
    }
}
