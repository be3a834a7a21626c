package org.spikefx.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aZoomKeepsTheTimeUnderThePointerInPlaceAndHoldsTheRange() {
        TimeWindow window = TimeWindow.wholeRun(2);
        window.advanceTo(1);
        window.zoom(0.25, 0.5); // 0.5 s is a quarter of the way across
        assertEquals(0.375, window.start(), 1e-12);
        assertEquals(0.875, window.end(), 1e-12);
        assertEquals(0.5, window.span(), 1e-12);
        assertFalse(window.isFollowing());
        window.zoom(100, 0.5);
        assertEquals(0, window.start());
        assertEquals(2, window.end(), "never wider than the run");
        window.zoom(1e-9, 1.0);
        assertEquals(TimeWindow.MIN_SPAN_SECONDS, window.span(), 1e-15);
        assertEquals(1.0, window.start() + 0.5 * window.span(), 1e-12, "the pointer's time stays in the middle");
    }

    @Test
    void aPanMovesTheRangeWithinTheRun() {
        TimeWindow window = TimeWindow.wholeRun(2);
        window.showSpan(0.5, 0.6);
        window.pan(0.25);
        assertEquals(0.75, window.start(), 1e-12);
        assertEquals(0.85, window.end(), 1e-12);
        window.pan(-5);
        assertEquals(0, window.start());
        window.pan(+5);
        assertEquals(2, window.end(), 1e-12);
    }

    @Test
    void aHeldRangeStaysWhileTheRunGoesOnAndFollowsAgainWhenAsked() {
        TimeWindow window = TimeWindow.following(1);
        window.advanceTo(3);
        window.zoom(0.1, 2.5);
        double start = window.start();
        window.advanceTo(4);
        assertEquals(start, window.start(), "held");
        window.setFollowing(true);
        assertEquals(4, window.end(), 1e-12);
        assertEquals(0.1, window.span(), 1e-12, "follows at the width it had");
        window.showWholeRun();
        assertEquals(0, window.start());
        assertEquals(4, window.end(), 1e-12);
        assertTrue(window.isFollowing(), "a run that goes on keeps following the whole run's width");
    }

    @Test
    void showSpanHoldsExactlyTheRangeAskedForAndCountsTheChange() {
        TimeWindow window = TimeWindow.wholeRun(2);
        int[] told = {0};
        window.addListener(() -> told[0]++);
        long revision = window.revision();
        window.showSpan(1.25, 1.5);
        assertEquals(1.25, window.start());
        assertEquals(1.5, window.end());
        assertFalse(window.isFollowing());
        assertEquals(revision + 1, window.revision());
        assertEquals(1, told[0]);
        window.advanceTo(1.75);
        assertEquals(revision + 1, window.revision(), "time going on is no change of the range");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> window.showSpan(1, 0.5));
        assertEquals("the time range must run from a time >= 0 s to one at least 0.001 s later, not from 1.0 s to 0.5 s",
                refused.getMessage());
    }
}
