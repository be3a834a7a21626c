package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.spikefx.run.Batch;
import org.spikefx.run.SimulationRunner;
import org.spikefx.ui.model.TimeWindow;

/**
 * The pulse draws a run that falls behind its speed in fewer frames, and leaves what came meanwhile
 * queued; a pause or a move of the time window is drawn in the next pulse all the same. The pulses'
 * times are given, so nothing here depends on the machine's speed.
 */
@ExtendWith(ApplicationExtension.class)
class LivePulsePacingTest {
    private static final double DT = 1e-4;
    /** The pulses' period, 60 a second. */
    private static final long PULSE = 16_666_667L;
    /** Steps per batch: 10 ms of simulated time. */
    private static final int STEPS = 100;

    private SimulationRunner runner;
    private final RecordingView view = new RecordingView();
    private final TimeWindow window = TimeWindow.following(10);
    private LivePulse pulse;
    private int nextStep;

    @Start
    void start(Stage stage) {
        runner = new SimulationRunner(64);
        runner.stop(); // run id 1, that of the made-up batches
        pulse = new LivePulse(runner, List.of(view), new IgnoringListener(), new FrameTimes(100));
        pulse.watch(window);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @BeforeEach
    void nothingQueued() {
        nextStep = 0;
    }

    /** A batch of the next 10 ms of simulated time, queued as the runner would. */
    private void queueBatch() {
        runner.events().add(TestBatches.withSpikes(nextStep, STEPS, DT, 10));
        nextStep += STEPS;
    }

    private int drawnSteps() {
        return view.batches().stream().mapToInt(Batch::stepCount).sum();
    }

    /** Runs at 0.3x real time for a second of pulses: 30 ms simulated per 100 ms of wall time. */
    private long runBehindForASecond(FxRobot robot) {
        robot.interact(() -> {
            for (int pulseIndex = 0; pulseIndex <= 60; pulseIndex++) {
                long now = pulseIndex * PULSE;
                while ((nextStep * DT) < 0.3 * now / 1e9) {
                    queueBatch();
                }
                pulse.handle(now);
            }
        });
        return 60 * PULSE;
    }

    @Test
    void aRunBehindItsSpeedIsDrawnAtFifteenFramesASecond(FxRobot robot) {
        long now = runBehindForASecond(robot);
        int drawnBefore = view.batches().size();
        int[] frames = {0};
        robot.interact(() -> {
            for (int pulseIndex = 1; pulseIndex <= 60; pulseIndex++) {
                long at = now + pulseIndex * PULSE;
                while ((nextStep * DT) < 0.3 * at / 1e9) {
                    queueBatch();
                }
                int before = view.batches().size();
                pulse.handle(at);
                if (view.batches().size() != before) {
                    frames[0]++;
                }
            }
        });
        assertEquals(15, frames[0], "frames drawn in the second second at 0.3x real time");
        assertTrue(runner.events().size() <= 5, "the queue holds at most the batches of one frame");
        assertEquals(nextStep - STEPS * runner.events().size(), drawnSteps(),
                "every batch is drawn in order, the ones not yet drawn are still queued");
        assertTrue(view.batches().size() > drawnBefore);
    }

    @Test
    void aPauseIsDrawnInTheNextPulse(FxRobot robot) {
        long now = runBehindForASecond(robot);
        long next = now + PULSE;
        robot.interact(() -> pulse.handle(next)); // perhaps a frame, which starts a new interval
        queueBatch();
        runner.pause();
        long paused = next + PULSE;
        robot.interact(() -> pulse.handle(paused));
        assertEquals(nextStep, drawnSteps(), "paused: what was on its way is drawn at once");
    }

    @Test
    void aMoveOfTheTimeWindowIsDrawnInTheNextPulse(FxRobot robot) {
        long now = runBehindForASecond(robot);
        long next = now + PULSE;
        robot.interact(() -> pulse.handle(next));
        queueBatch();
        robot.interact(() -> window.showSpan(0.1, 0.2)); // a zoom
        long zoomed = next + PULSE;
        robot.interact(() -> pulse.handle(zoomed));
        assertEquals(nextStep, drawnSteps(), "a gesture is not paced");
    }

    private static final class IgnoringListener implements LivePulse.RunListener {
    }
}
