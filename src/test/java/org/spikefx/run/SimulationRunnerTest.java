package org.spikefx.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.Simulation;
import org.spikefx.engine.SpikeRecord;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

class SimulationRunnerTest {
    private static final NetworkParameters SMALL = NetworkParameters.DEFAULTS
            .with(Parameter.N, 300).with(Parameter.T, 0.2).with(Parameter.NREC, 3);

    private final SimulationRunner runner = new SimulationRunner(16);

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Test
    void batchesCarryEverySpikeAndVoltageOfTheRunInOrder() throws InterruptedException {
        long runId = runner.start(SMALL);
        assertSameAsOneThreadStepping(SMALL, runId, collectUntilFinished(runId));
    }

    @Test
    void aRunSteppedOnSeveralThreadsIsTheSameAsOnOneSpikeForSpike() throws InterruptedException {
        NetworkParameters params = SMALL.with(Parameter.N, 1200).with(Parameter.T, 0.3);
        runner.setBalanceNeurons(new int[] {5, 700});
        long runId = runner.start(params, org.spikefx.engine.ModelFactory.balancedOn(3));
        List<RunEvent> events = collectUntilFinished(runId);
        assertSameAsOneThreadStepping(params, runId, events);

        Simulation alone = new Simulation(params, RandomNetwork.build(params));
        alone.balance().follow(new int[] {5, 700});
        int step = 0;
        for (RunEvent event : events.subList(1, events.size() - 1)) {
            Batch batch = (Batch) event;
            for (int s = 0; s < batch.stepCount(); s++, step++) {
                alone.advance();
                assertEquals(alone.balance().excitatory(1), batch.excitatory(s, 1), "excitation at step " + step);
                assertEquals(alone.balance().inhibitory(1), batch.inhibitory(s, 1), "inhibition at step " + step);
            }
        }
    }

    /** Every spike and recorded voltage of the run's batches, in order, against one thread stepping the network alone. */
    private static void assertSameAsOneThreadStepping(NetworkParameters params, long runId, List<RunEvent> events) {
        Simulation direct = new Simulation(params, RandomNetwork.build(params));
        SpikeRecord expected = new SpikeRecord();
        List<double[]> expectedVoltages = new ArrayList<>();
        while (!direct.finished()) {
            direct.advance();
            expected.addStep(direct);
            expectedVoltages.add(direct.recordedVoltages().clone());
        }

        assertInstanceOf(RunEvent.RunStarted.class, events.get(0));
        assertInstanceOf(RunEvent.RunFinished.class, events.get(events.size() - 1));
        int nextStep = 0;
        int spike = 0;
        for (RunEvent event : events.subList(1, events.size() - 1)) {
            Batch batch = (Batch) event;
            assertEquals(runId, batch.runId());
            assertEquals(nextStep, batch.firstStep(), "batches follow each other without gap");
            for (int s = 0; s < batch.stepCount(); s++) {
                for (int r = 0; r < 3; r++) {
                    assertEquals(expectedVoltages.get(nextStep + s)[r], batch.voltage(s, r));
                }
            }
            for (int k = 0; k < batch.spikeCount(); k++, spike++) {
                assertEquals(expected.step(spike), batch.spikeSteps()[k]);
                assertEquals(expected.neuron(spike), batch.spikeNeurons()[k]);
            }
            nextStep += batch.stepCount();
        }
        assertEquals(params.steps(), nextStep);
        assertEquals(expected.size(), spike);
    }

    @Test
    void aRestartEndsTheOldRunBeforeTheNewOneReports() throws InterruptedException {
        long first = runner.start(SMALL.with(Parameter.T, 100));
        waitForBatch(first);
        long second = runner.start(SMALL.with(Parameter.OFFSET, -38));
        assertTrue(second > first);
        List<RunEvent> events = collectUntilFinished(second);
        int started = -1;
        for (int k = 0; k < events.size(); k++) {
            if (events.get(k) instanceof RunEvent.RunStarted && events.get(k).runId() == second) {
                started = k;
            }
        }
        assertTrue(started >= 0, "the new run started");
        for (RunEvent event : events.subList(started, events.size())) {
            assertEquals(second, event.runId(), "no event of the old run after the new run started");
        }
        RunEvent.RunStarted start = (RunEvent.RunStarted) events.get(started);
        assertFalse(start.networkNew(), "offset does not change the network");
    }

    @Test
    void aNewSeedRebuildsTheNetwork() throws InterruptedException {
        collectUntilFinished(runner.start(SMALL));
        List<RunEvent> events = collectUntilFinished(runner.start(SMALL.with(Parameter.SEED, 7)));
        assertTrue(((RunEvent.RunStarted) events.get(0)).networkNew());
    }

    @Test
    void aNetworkBuiltAheadServesTheRunThatFollowsAndIsReportedAsItsBuild() throws InterruptedException {
        runner.buildAhead(SMALL, org.spikefx.engine.ModelFactory.BALANCED);
        List<RunEvent> events = collectUntilFinished(runner.start(SMALL.with(Parameter.OFFSET, -38)));
        RunEvent.RunStarted started = (RunEvent.RunStarted) events.get(0);
        assertTrue(started.networkNew(), "the first run on a network built ahead reports its build");
        assertTrue(started.buildSeconds() > 0);
        assertEquals(spikesOf(SMALL.with(Parameter.OFFSET, -38)), spikeCount(events),
                "the same run as on a network built when it started");

        List<RunEvent> again = collectUntilFinished(runner.start(SMALL));
        assertFalse(((RunEvent.RunStarted) again.get(0)).networkNew(), "a second run reuses it as any other");
    }

    @Test
    void aBuildAheadReadsAKeptNetworkInsteadOfBuildingIt() throws InterruptedException {
        RandomNetwork kept = RandomNetwork.build(SMALL);
        RecordingStore store = new RecordingStore(kept);
        CountingFactory factory = new CountingFactory();
        runner.buildAhead(SMALL, factory, store);
        List<RunEvent> events = collectUntilFinished(runner.start(SMALL, factory));
        RunEvent.RunStarted started = (RunEvent.RunStarted) events.get(0);
        assertEquals(RunEvent.NetworkOrigin.READ, started.network());
        assertEquals(0, factory.builds, "nothing built");
        assertTrue(runner.network() == kept, "the run stepped the kept network");
        assertTrue(store.kept.isEmpty(), "what was read is not written again");
        assertEquals(spikesOf(SMALL), spikeCount(events), "the same run as on a network built for it");
    }

    @Test
    void aBuildAheadThatFindsNothingBuildsAndLeavesTheNetworkInTheStore() throws InterruptedException {
        RecordingStore store = new RecordingStore(null);
        CountingFactory factory = new CountingFactory();
        runner.buildAhead(SMALL, factory, store);
        List<RunEvent> events = collectUntilFinished(runner.start(SMALL, factory));
        assertEquals(RunEvent.NetworkOrigin.BUILT, ((RunEvent.RunStarted) events.get(0)).network());
        assertEquals(1, factory.builds);
        assertEquals(List.of(runner.network()), store.kept, "the built network, kept once");
        assertEquals(List.of(SMALL), store.asked);

        List<RunEvent> again = collectUntilFinished(runner.start(SMALL.with(Parameter.OFFSET, -38), factory));
        assertEquals(RunEvent.NetworkOrigin.REUSED, ((RunEvent.RunStarted) again.get(0)).network());
    }

    /** A store holding one network (or none), recording what it is asked and given. */
    private static final class RecordingStore implements NetworkStore {
        private final RandomNetwork network;
        final List<NetworkParameters> asked = new ArrayList<>();
        final List<RandomNetwork> kept = new ArrayList<>();

        RecordingStore(RandomNetwork network) {
            this.network = network;
        }

        @Override
        public synchronized RandomNetwork find(NetworkParameters params, org.spikefx.engine.ModelFactory factory) {
            asked.add(params);
            return network != null && factory.canReuse(network, params) ? network : null;
        }

        @Override
        public synchronized void keep(RandomNetwork built) {
            kept.add(built);
        }
    }

    /** The balanced network, counting its builds. */
    private static final class CountingFactory implements org.spikefx.engine.ModelFactory {
        volatile int builds;

        @Override
        public RandomNetwork buildNetwork(NetworkParameters params, java.util.function.DoubleConsumer progress) {
            builds++;
            return BALANCED.buildNetwork(params, progress);
        }

        @Override
        public boolean canReuse(RandomNetwork network, NetworkParameters params) {
            return BALANCED.canReuse(network, params);
        }

        @Override
        public org.spikefx.engine.NetworkModel create(NetworkParameters params, RandomNetwork network) {
            return BALANCED.create(params, network);
        }
    }

    /**
     * Before any run has started nobody reads the queue: a build ahead that reported its progress there
     * would fill it, and the first run's start would wait behind stale progress for a frame of the window.
     */
    @Test
    void aBuildAheadLeavesTheQueueToTheRunItIsFor() throws InterruptedException {
        NetworkParameters large = SMALL.with(Parameter.N, 3000);
        runner.buildAhead(large, org.spikefx.engine.ModelFactory.BALANCED);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runner.network() == null && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertTrue(runner.network() != null, "built ahead within 20 s");
        assertNull(runner.events().poll(), "no progress of a build for no run yet");

        long runId = runner.start(large);
        RunEvent first = runner.events().poll(5, TimeUnit.SECONDS);
        assertTrue(first instanceof RunEvent.RunStarted started && started.runId() == runId,
                "the run's start comes first: " + first);
    }

    @Test
    void aRunOnAnotherNetworkDoesNotUseTheOneBuiltAhead() throws InterruptedException {
        runner.buildAhead(SMALL.with(Parameter.N, 3000), org.spikefx.engine.ModelFactory.BALANCED);
        NetworkParameters other = SMALL.with(Parameter.SEED, 7);
        List<RunEvent> events = collectUntilFinished(runner.start(other));
        assertTrue(((RunEvent.RunStarted) events.get(0)).networkNew());
        assertEquals(spikesOf(other), spikeCount(events));
    }

    private static int spikesOf(NetworkParameters params) {
        Simulation direct = new Simulation(params, RandomNetwork.build(params));
        int spikes = 0;
        while (!direct.finished()) {
            direct.advance();
            spikes += direct.spikeCount();
        }
        return spikes;
    }

    private static int spikeCount(List<RunEvent> events) {
        return events.stream().filter(Batch.class::isInstance).mapToInt(event -> ((Batch) event).spikeCount()).sum();
    }

    @Test
    void pauseFreezesSimulatedTimeAndStepAdvancesByTheGrantedSteps() throws InterruptedException {
        long runId = runner.start(SMALL.with(Parameter.T, 100));
        waitForBatch(runId);
        runner.pause();
        TimeUnit.MILLISECONDS.sleep(100); // lets a chunk in progress finish
        runner.events().clear();
        TimeUnit.MILLISECONDS.sleep(200);
        assertNull(runner.events().poll(), "nothing is simulated while paused");

        runner.step(5);
        Batch stepped = (Batch) runner.events().poll(5, TimeUnit.SECONDS);
        assertEquals(5, stepped.stepCount());
        TimeUnit.MILLISECONDS.sleep(100);
        assertNull(runner.events().poll(), "a single step does not resume the run");

        runner.resume();
        Batch resumed = waitForBatch(runId);
        assertEquals(stepped.firstStep() + 5, resumed.firstStep());
    }

    @Test
    void aStepWhilePausedAtASlowSpeedTakesEveryGrantedStep() throws InterruptedException {
        runner.setSpeed(0.1); // a chunk is then at most 16 steps of 0.05 ms
        long runId = runner.start(SMALL.with(Parameter.T, 100));
        waitForBatch(runId);
        runner.pause();
        TimeUnit.MILLISECONDS.sleep(200);
        runner.events().clear();
        runner.step(20);
        Batch first = waitForBatch(runId);
        int stepped = first.stepCount();
        int next = first.firstStep() + stepped;
        while (stepped < 20) {
            Batch batch = waitForBatch(runId);
            assertEquals(next, batch.firstStep());
            stepped += batch.stepCount();
            next += batch.stepCount();
        }
        assertEquals(20, stepped, "1 ms is 20 steps, however many chunks it takes");
        TimeUnit.MILLISECONDS.sleep(300);
        assertNull(runner.events().poll(), "and no more");
    }

    @Test
    void aSpeedPacesSimulatedTimeAgainstWallTime() throws InterruptedException {
        runner.setSpeed(1.0);
        long wallStart = System.nanoTime();
        collectUntilFinished(runner.start(SMALL));
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        assertTrue(wallSeconds >= 0.9 * SMALL.T(), "0.2 s at 1x took only " + wallSeconds + " s");
    }

    @Test
    void manyRapidRestartsLeaveOneSimulationThreadAndOneLiveRun() throws InterruptedException {
        long last = 0;
        for (int k = 0; k < 50; k++) {
            last = runner.start(SMALL.with(Parameter.OFFSET, -40 + k * 0.01));
        }
        List<RunEvent> events = collectUntilFinished(last);
        assertEquals(last, events.get(events.size() - 1).runId());
        assertEquals(1, runner.threadsStarted());
    }

    @Test
    void chosenNeuronsAreRecordedAndTheirBalanceSplitsTheCurrent() throws InterruptedException {
        runner.setRecordedNeurons(new int[] {42, 7});
        runner.setBalanceNeurons(new int[] {42});
        long runId = runner.start(SMALL);
        for (RunEvent event : collectUntilFinished(runId)) {
            if (event instanceof Batch batch) {
                assertArrayEquals(new int[] {42, 7}, batch.recordedNeurons());
                assertArrayEquals(new int[] {42}, batch.balanceNeurons());
                for (int s = 0; s < batch.stepCount(); s++) {
                    assertTrue(batch.excitatory(s, 0) >= 0 && batch.inhibitory(s, 0) <= 0);
                }
            }
        }
    }

    @Test
    void continuousRunsGoOnPastT() throws InterruptedException {
        runner.setContinuous(true);
        long runId = runner.start(SMALL.with(Parameter.T, 0.01));
        Batch batch;
        do {
            batch = waitForBatch(runId);
        } while (batch.endTime() <= 0.05);
        assertTrue(batch.endTime() > 0.05);
    }

    @Test
    void anImpossibleNetworkIsReportedAsAFailure() throws InterruptedException {
        long runId = runner.start(NetworkParameters.DEFAULTS.with(Parameter.N, 100_000).with(Parameter.P, 1));
        RunEvent event;
        do {
            event = runner.events().poll(30, TimeUnit.SECONDS);
        } while (event instanceof RunEvent.NetworkBuilding);
        RunEvent.RunFailed failure = assertInstanceOf(RunEvent.RunFailed.class, event);
        assertEquals(runId, failure.runId());
        assertTrue(failure.message().contains("synapses"), failure.message());
    }

    private Batch waitForBatch(long runId) throws InterruptedException {
        while (true) {
            RunEvent event = runner.events().poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no batch of run " + runId + " within 10 s");
            }
            if (event instanceof Batch batch && batch.runId() == runId) {
                return batch;
            }
        }
    }

    private List<RunEvent> collectUntilFinished(long runId) throws InterruptedException {
        List<RunEvent> events = new ArrayList<>();
        while (true) {
            RunEvent event = runner.events().poll(30, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("run " + runId + " did not finish within 30 s");
            }
            if (event instanceof RunEvent.NetworkBuilding) {
                continue;
            }
            if (event.runId() == runId || !events.isEmpty()) {
                events.add(event);
            }
            if (event instanceof RunEvent.RunFinished && event.runId() == runId) {
                return events;
            }
        }
    }
}
