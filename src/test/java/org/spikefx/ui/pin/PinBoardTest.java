package org.spikefx.ui.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.ui.model.Histogram;

/** Pins keep their letters, two at most, and are labelled with what differs from the current settings. */
class PinBoardTest {
    private static final NetworkParameters NOW = NetworkParameters.DEFAULTS;

    private static PinnedRun run(NetworkParameters params, double meanRate) {
        return new PinnedRun(params, new RunNumbers(1, 10, meanRate, 0.5, 0), new Histogram(1, new int[] {1}),
                new Histogram(1, new int[] {1}), new RateCurve(0.002, new double[0], new double[0]),
                new Thumbnail(1, 1, new int[1]));
    }

    private static List<String> letters(PinBoard board) {
        return board.pins().stream().map(PinBoard.Pin::name).toList();
    }

    @Test
    void pinsTakeTheFirstFreeLetterAndAThirdReplacesTheOldest() {
        PinBoard board = new PinBoard();
        PinnedRun first = run(NOW.with(Parameter.G, 0.04), 1);
        PinnedRun second = run(NOW.with(Parameter.G, 0.15), 2);
        PinnedRun third = run(NOW.with(Parameter.G, 0.1), 3);

        assertTrue(board.pin(first).isEmpty());
        assertTrue(board.pin(second).isEmpty());
        assertEquals(List.of("A", "B"), letters(board));

        PinBoard.Pin replaced = board.pin(third).orElseThrow();
        assertEquals("A", replaced.name());
        assertEquals(first, replaced.run());
        assertEquals(PinBoard.MAX_PINS, board.pins().size());
        // B stays B; the new pin takes the letter it freed, and is now the newest.
        assertEquals(List.of("B", "A"), letters(board));
        assertEquals(third, board.pins().get(1).run());

        // The next replacement takes the oldest again: B.
        assertEquals("B", board.pin(first).orElseThrow().name());
    }

    @Test
    void unpinningFreesItsLetter() {
        PinBoard board = new PinBoard();
        board.pin(run(NOW, 1));
        board.pin(run(NOW, 2));
        board.unpin(board.pins().get(0));
        assertEquals(List.of("B"), letters(board));
        board.pin(run(NOW, 3));
        assertEquals(List.of("B", "A"), letters(board));
        board.clear();
        assertTrue(board.pins().isEmpty());
    }

    @Test
    void aLabelNamesThePinnedValuesThatDifferFromTheCurrentOnes() {
        assertEquals("g = 0.15", PinBoard.differences(NOW.with(Parameter.G, 0.15), NOW));
        assertEquals("vreset = -60 mV, g = 0.15",
                PinBoard.differences(NOW.with(Parameter.G, 0.15).with(Parameter.VRESET, -60), NOW));
        // Which neurons are recorded does not change the run.
        assertEquals("same settings", PinBoard.differences(NOW.with(Parameter.NREC, 3), NOW));
        NetworkParameters many = NOW.with(Parameter.G, 0.1).with(Parameter.OFFSET, -45).with(Parameter.P, 0.2)
                .with(Parameter.SEED, 7).with(Parameter.N, 500);
        assertEquals("n = 500, p = 0.2, offset = -45 mV and 2 more", PinBoard.differences(many, NOW));
    }

    @Test
    void theLabelFollowsTheCurrentSettings() {
        PinBoard board = new PinBoard();
        board.pin(run(NOW.with(Parameter.G, 0.04), 1));
        PinBoard.Pin pin = board.pins().get(0);
        assertEquals("same settings", board.label(pin));
        board.currentProperty().set(NOW.with(Parameter.G, 0.15));
        assertEquals("g = 0.04", board.label(pin));
    }
}
