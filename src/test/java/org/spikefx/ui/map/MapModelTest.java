package org.spikefx.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.analysis.Axis;
import org.spikefx.analysis.MapFiles;
import org.spikefx.analysis.Sweep;
import org.spikefx.analysis.SweepSpec;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** The Map window's model, driven as the FX thread drives it: one task at a time, from a queue. */
class MapModelTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS.with(Parameter.N, 120)
            .with(Parameter.T, 0.25).with(Parameter.NREC, 0);

    @TempDir
    Path folder;

    private final BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
    private final MapModel model = new MapModel(fxThread::add);

    /** Runs the tasks handed to the "FX thread" until the model is in this state, for at most 20 s. */
    private void runUntil(MapModel.State state) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (model.stateProperty().get() != state) {
            Runnable task = fxThread.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (task == null) {
                throw new AssertionError("still " + model.stateProperty().get() + ", not " + state);
            }
            task.run();
        }
    }

    @Test
    void cellsArriveOnTheFxThreadAndAFinishedMapSavesAndOpensAgain() throws Exception {
        SweepSpec spec = new SweepSpec(Axis.parse("g=0:0.1:3"), Axis.parse("offset=-41:-39:2"), SMALL, 1);
        model.start(spec);
        assertEquals(0, model.mapProperty().get().runsDone(), "no cell is added but on the FX thread");
        runUntil(MapModel.State.FINISHED);

        assertTrue(model.mapProperty().get().isComplete());
        assertTrue(model.statusProperty().get().startsWith("6 runs in "), model.statusProperty().get());
        Path csv = folder.resolve("map.csv");
        model.save(csv);
        for (String file : List.of("map.json", "map.png", "map.svg")) {
            assertTrue(Files.exists(folder.resolve(file)), file);
        }
        assertEquals(model.mapProperty().get(), MapFiles.read(csv).map());
    }

    @Test
    void aCancelledSweepEndsItsThreadsAndANewSweepDropsWhatTheOldOneStillHandsOver() throws Exception {
        SweepSpec slow = new SweepSpec(Axis.parse("g=0:0.1:3"), Axis.parse("offset=-41:-39:2"),
                SMALL.with(Parameter.N, 400).with(Parameter.T, 20), 1);
        model.start(slow);
        model.cancel();
        runUntil(MapModel.State.CANCELLED);
        assertTrue(model.statusProperty().get().startsWith("Cancelled after 0 of 6 runs"), model.statusProperty().get());
        assertThreadsEnd();

        SweepSpec quick = new SweepSpec(Axis.parse("g=0:0.1:2"), Axis.parse("offset=-41:-39:2"), SMALL, 1);
        model.start(slow);
        model.start(quick); // cancels the slow one, whose end must not be taken for the quick one's
        runUntil(MapModel.State.FINISHED);
        assertEquals(quick, model.mapProperty().get().spec());
        assertTrue(model.mapProperty().get().isComplete());
        assertThreadsEnd();
        fxThread.forEach(Runnable::run); // the slow sweep's last word, stale by now
        assertEquals(quick, model.mapProperty().get().spec());
        assertFalse(model.statusProperty().get().startsWith("Cancelled"), model.statusProperty().get());
    }

    /**
     * The sweep's threads and its waiter end by themselves, soon: the waiter hands its report to the FX
     * thread as its last act, so it may still be alive for a moment after the report has been run.
     */
    private static void assertThreadsEnd() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threads().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), threads(), "threads left behind");
    }

    private static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(Sweep.THREAD_NAME) || name.equals(MapModel.WAITER_NAME)).toList();
    }
}
